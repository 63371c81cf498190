"""Email: rendered in the recipient's language, sent by the task backend.

Every room sends through here. A template holds the subject on its first
line and the body after it; :func:`render` renders it inside the language
given (the recipient's, when the caller knows it), and :func:`send` hands the
result to a background task, so that no request waits for a mail server.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from core.conf import setting


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
    """Send one message now (inside a task, or a command that is one)."""
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, list(to))


@task()
def send_email_task(to, subject, body):
    deliver(to, subject, body)


def send(to, template, context, language=None):
    """Render ``template`` for the addresses ``to`` and send it in the background."""
    subject, body = render(template, context, language)
    send_email_task.enqueue(to=list(to), subject=subject, body=body)
