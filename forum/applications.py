"""Applications to take part in a forum: who is told when one comes in and
when it is decided (the decision itself is ``ParticipationApplication.decide``)."""

from core.email import send as send_email


def tell_conveners(application, url):
    """Email the forum's conveners that ``application`` waits for them at ``url``."""
    conveners = list(application.forum.conveners.values_list("email", flat=True))
    if conveners:
        send_email(
            conveners,
            "forum/email/application_received.txt",
            {"application": application, "url": url},
        )


def tell_applicant(application, url):
    """Email the decision to the applicant and the organisation's admins."""
    recipients = set(
        application.organisation.memberships.active()
        .filter(role="admin")
        .values_list("user__email", flat=True)
    )
    if application.applicant:
        recipients.add(application.applicant.email)
    send_email(
        sorted(recipients),
        "forum/email/application_decided.txt",
        {"application": application, "url": url},
    )
