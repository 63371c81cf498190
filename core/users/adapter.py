"""How allauth talks to the people who sign in."""

from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core import email as mail
from core.conf import setting

from .language import in_language, is_supported


class AccountAdapter(DefaultAccountAdapter):
    """Password sign-in that an attacker cannot use to lock the owner out.

    Five wrong passwords for one address block password sign-in for that
    address (and many from one client block that client), whoever typed them.
    The owner of the address can still sign in with a one-time code mailed to
    it, and the locked page says so.
    """

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "password_login_locked": _(
            "För många misslyckade inloggningsförsök. Inloggning med lösenord är "
            "spärrad en stund för den här adressen. Du kan fortfarande logga in "
            "med en engångskod som vi skickar till din e-postadress: välj "
            "”Skicka mig en inloggningskod”."
        ),
    }

    def pre_authenticate(self, request, **credentials):
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError as error:
            if error.code == "too_many_login_attempts":
                raise self.validation_error("password_login_locked") from error
            raise

    def post_login(self, request, user, **kwargs):
        """After sign-in the site speaks the person's chosen language: the
        page they go to is its prefixed URL, as Django's ``set_language``
        does."""
        if not user.language:
            return super().post_login(request, user, **kwargs)
        with in_language(user.language) as switch:
            response = super().post_login(request, user, **kwargs)
            return switch(response)

    def send_mail(self, template_prefix, email, context):
        """allauth's mail (templates/account/email/) in the recipient's
        language, naming the platform, sent as all the site's mail is."""
        language = self.language_for_address(email, context.get("user"))
        site_url = setting("SITE_URL").rstrip("/")
        with translation.override(language):
            message = self.render_mail(
                template_prefix,
                email,
                {
                    "request": allauth_context.request,
                    "email": email,
                    # Not Django's Site, which is only the host (127.0.0.1).
                    "current_site": SimpleNamespace(
                        name=setting("SITE_NAME"), domain=urlsplit(site_url).netloc
                    ),
                    "site_url": site_url,
                }
                | mail.links_in(context, language),
            )
        mail.send_email_task.enqueue(
            to=message.to, subject=message.subject, body=message.body
        )

    def language_for_address(self, email, user=None):
        """The language the owner of ``email`` chose, else the one they are
        reading the site in now (they asked for this mail), else the site's."""
        if user is None or not getattr(user, "pk", None):
            user = get_user_model().objects.filter(email__iexact=email).first()
        for code in (getattr(user, "language", ""), translation.get_language()):
            if code and is_supported(code):
                return code
        return settings.LANGUAGE_CODE
