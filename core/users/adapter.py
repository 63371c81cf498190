"""How allauth talks to the people who sign in."""

from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .language import in_language


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
