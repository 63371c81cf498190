"""Email to people about decisions that concern them, sent outside the request."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task


@task()
def send_email_task(to, subject, body):
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to)


def notify(to, template, context, language="sv"):
    """Render ``template`` (subject on the first line, then the body) and send it.

    ``to`` is a list of addresses. Rendering happens here, in the person's
    language; sending is a background task.
    """
    with translation.override(language):
        text = render_to_string(template, context).strip()
    subject, _, body = text.partition("\n")
    send_email_task.enqueue(
        to=list(to),
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject.strip()}",
        body=body.strip() + "\n",
    )
