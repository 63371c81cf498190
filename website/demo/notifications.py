"""Demo notifications: a few unread ones for each member login of the forum.

Each is found again by its person and subject, so a second run adds nothing
(and leaves read ones read).
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from events.models import Event
from forum.factories import NotificationFactory
from forum.models import Consultation, Notification
from forum.notifications import in_email_language
from website.demo.events import NEXT_FORUM_MEETING
from website.demo.forum_work import OPEN_CONSULTATION
from website.demo.loader import records
from website.demo.partners import FORUM, LEVEL_LOGINS

# (kind, subject, body, what it links to, lowest level, days ago)
NOTIFICATIONS = records("notifications", "notifications")


def links():
    """Where each kind of demo notification points, as paths on the site."""
    with in_email_language():
        found = {}
        meeting = Event.objects.filter(title=NEXT_FORUM_MEETING).first()
        if meeting:
            found["meeting"] = reverse("events:event_detail", args=[meeting.pk])
        consultation = Consultation.objects.filter(
            slug=OPEN_CONSULTATION["slug"], forum__slug=FORUM["slug"]
        ).first()
        if consultation:
            found["consultation"] = reverse(
                "forum:consultation_detail", args=[FORUM["slug"], consultation.pk]
            )
    return found


def create_notifications():
    """Give each level login its notifications; returns how many were created."""
    urls = links()
    people = get_user_model().objects.in_bulk(
        list(LEVEL_LOGINS.values()), field_name="email"
    )
    now = timezone.now()
    created = 0
    for level, email in sorted(LEVEL_LOGINS.items()):
        user = people.get(email)
        for kind, subject, body, link, min_level, days_ago in NOTIFICATIONS:
            if user is None or level < min_level or link not in urls:
                continue
            if Notification.objects.filter(user=user, subject=subject).exists():
                continue
            notification = NotificationFactory(
                user=user, kind=kind, subject=subject, body=body, url=urls[link]
            )
            # Already emailed when it happened.
            when = now - timedelta(days=days_ago)
            Notification.objects.filter(pk=notification.pk).update(
                created_at=when, sent_at=when
            )
            created += 1
    return created
