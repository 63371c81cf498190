"""Telling people about forum events: stored per person, emailed at once or daily.

Rooms call :func:`notify_users` with a kind and its parameters; each person's
:class:`NotificationPreference` decides whether the email goes out right away
(a background task), waits for the daily digest (``manage.py
send_notification_digest``) or is not sent. Every email is written in its
recipient's language (:func:`core.users.language.language_for`), with links to
the pages in it; the text comes from ``forum.notification_texts``.
"""

from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from core import email
from core.email import absolute_url
from core.users.language import language_for

from .models import Notification, NotificationPreference
from .models.notifications import forget_unread_counts

Frequency = NotificationPreference.Frequency


def frequencies_of(user_ids):
    """Each user's email frequency; people who never chose get the default."""
    chosen = dict(
        NotificationPreference.objects.filter(user_id__in=user_ids).values_list(
            "user_id", "frequency"
        )
    )
    return {pk: chosen.get(pk, Frequency.IMMEDIATE) for pk in user_ids}


def notify_users(users, kind, params):
    """Create one notification per active person who wants them; return them.

    ``params`` are what the kind's renderer needs (JSON: ids, titles, ISO
    dates). People who chose "immediate" get their email from a background
    task, never from inside the request; "daily" ones wait for the digest.
    """
    people = {user.pk: user for user in users if user.is_active}
    frequencies = frequencies_of(list(people))
    notifications = Notification.objects.bulk_create(
        Notification(user=user, kind=kind, params=params)
        for pk, user in people.items()
        if frequencies[pk] != Frequency.NONE
    )
    forget_unread_counts({n.user_id for n in notifications})
    immediate = [
        n.pk for n in notifications if frequencies[n.user_id] == Frequency.IMMEDIATE
    ]
    if immediate:
        send_notifications_task.enqueue(notification_ids=immediate)
    return notifications


def emailed(notification):
    """The notification's message with its link made absolute (in the active
    language)."""
    message = notification.message()
    return message._replace(url=absolute_url(message.url) if message.url else "")


def render_email(user, template, notifications):
    """Render ``template`` about ``notifications`` in ``user``'s language, with
    a link to their notification settings."""
    language = language_for(user)
    with translation.override(language):
        context = {
            "user": user,
            "messages": [emailed(n) for n in notifications],
            "settings_url": absolute_url(reverse("forum:notification_settings")),
        }
    return email.render(template, context, language)


@task()
def send_notifications_task(notification_ids):
    """Email each notification not sent yet, one message each, and mark it sent."""
    pending = Notification.objects.filter(
        pk__in=notification_ids, sent_at__isnull=True
    ).select_related("user")
    for notification in pending:
        with transaction.atomic():
            # Claim it first: a retried or duplicated task sends nothing twice.
            claimed = Notification.objects.filter(
                pk=notification.pk, sent_at__isnull=True
            ).update(sent_at=timezone.now())
            if not claimed:
                continue
            subject, body = render_email(
                notification.user, "forum/email/notification.txt", [notification]
            )
            email.deliver([notification.user.email], subject, body)


def send_digest(user):
    """Email ``user`` one summary of their unsent notifications; return the count."""
    with transaction.atomic():
        items = list(
            Notification.objects.select_for_update()
            .filter(user=user, sent_at__isnull=True)
            .order_by("created_at", "pk")
        )
        if not items:
            return 0
        subject, body = render_email(user, "forum/email/digest.txt", items)
        email.deliver([user.email], subject, body)
        Notification.objects.filter(pk__in=[item.pk for item in items]).update(
            sent_at=timezone.now()
        )
    return len(items)


def forget_unread_count(sender, instance, **kwargs):
    """A notification saved or deleted outside notify_users (admin, factories)."""
    forget_unread_counts([instance.user_id])


def count_unread_at_sign_in(sender, request, user, **kwargs):
    """Count at sign-in, so that the pages after it read the count from the cache."""
    Notification.objects.unread_count(user)


def connect_signals():
    post_save.connect(
        forget_unread_count, sender=Notification, dispatch_uid="unread_saved"
    )
    post_delete.connect(
        forget_unread_count, sender=Notification, dispatch_uid="unread_deleted"
    )
    user_logged_in.connect(count_unread_at_sign_in, dispatch_uid="unread_sign_in")
