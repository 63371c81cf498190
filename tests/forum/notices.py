"""A notification as its Swedish email would show it, for the tests' doubles."""

from django.utils import translation

from core.email import absolute_url
from forum.notification_texts import render


def rendered(kind, params, language="sv"):
    """``{"kind", "subject", "body", "url"}`` of a notification, in ``language``."""
    with translation.override(language):
        message = render(kind, params)
    return {
        "kind": kind,
        "subject": message.subject,
        "body": message.body,
        "url": absolute_url(message.url),
    }
