"""Email: rendered in the recipient's language, sent by the task backend.

Every room sends through here (allauth's mail too, through its adapter). A
template holds the subject on its first line and the body after it;
:func:`render` renders it inside the language given, and :func:`send` renders
it once per language of the recipients (:func:`core.users.language.language_for`)
and hands the result to a background task, so that no request waits for a
mail server.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from core.conf import setting
from core.single_line import one_line
from core.users.language import language_for, url_in_language


def absolute_url(url):
    """Links in email need a host; views may pass a path."""
    if url.startswith("/"):
        return setting("SITE_URL").rstrip("/") + url
    return url


def render(template, context, language=None):
    """``(subject, body)`` of ``template`` rendered in ``language``.

    Without a language, the site's (``LANGUAGE_CODE``).
    """
    with translation.override(language or settings.LANGUAGE_CODE):
        text = render_to_string(template, context).strip()
    subject, _, body = text.partition("\n")
    return (
        f"{setting('EMAIL_SUBJECT_PREFIX')}{subject.strip()}",
        body.strip() + "\n",
    )


def deliver(to, subject, body):
    """Send one message now (inside a task, or a command that is one).

    The subject loses its control characters whatever the forms let through
    (older rows, the admin): a line break there would start the body."""
    send_mail(one_line(subject), body, settings.DEFAULT_FROM_EMAIL, list(to))


@task()
def send_email_task(to, subject, body):
    deliver(to, subject, body)


def languages_of(addresses):
    """``{language: [address, …]}``: each address in the language of the person
    it belongs to, an address nobody has in the site's language."""
    addresses = list(addresses)
    people = {
        user.email.lower(): user
        for user in get_user_model()
        .objects.filter(email__in=addresses)
        .only("email", "language", "last_language")
    }
    groups = {}
    for address in addresses:
        person = people.get(address.lower())
        code = language_for(person) if person else settings.LANGUAGE_CODE
        groups.setdefault(code, []).append(address)
    return groups


def links_in(context, language):
    """``context`` with its links (values named ``url`` or ``…_url``) pointing
    at the pages in ``language``, whichever language the sender was reading."""
    return context | {
        key: url_in_language(value, language)
        for key, value in context.items()
        if (key == "url" or key.endswith("_url")) and isinstance(value, str) and value
    }


def send(to, template, context, language=None):
    """Render ``template`` for the addresses ``to`` and send it in the background.

    Without ``language``, each recipient reads it in their own language: one
    message per language among them.
    """
    groups = {language: list(to)} if language else languages_of(to)
    for code, addresses in groups.items():
        subject, body = render(template, links_in(context, code), code)
        send_email_task.enqueue(to=addresses, subject=subject, body=body)
