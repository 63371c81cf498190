"""Demo notifications: a few unread ones for each member login of the forum.

Each is stored as a kind and its parameters, as the forum stores them, so that
it reads in each visitor's language. It is found again by its person and
kind, so a second run adds nothing (and leaves read ones read).
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from events.calendar import occurrence_key
from events.models import Event
from forum.factories import NotificationFactory
from forum.models import Consultation, Notification
from forum.notification_texts import consultation_params, iso
from website.demo.forum_work import OPEN_CONSULTATION
from website.demo.loader import load, records
from website.demo.partners import FORUM, LEVEL_LOGINS

# (kind, what it is about, lowest level, days ago)
NOTIFICATIONS = records("notifications", "notifications")
WAITLISTED_EVENT = load("notifications")["waitlisted_event"]


def subjects():
    """The parameters of each kind of thing a demo notification is about."""
    found = {}
    # A full training open to every level, whose waiting list moved.
    meeting = Event.objects.filter(title=WAITLISTED_EVENT).first()
    if meeting:
        found["waitlisted_event"] = {
            "event": meeting.pk,
            "title": meeting.title,
            "when": iso(meeting.start),
            "occurrence": occurrence_key(meeting.start),
        }
    consultation = (
        Consultation.objects.filter(
            slug=OPEN_CONSULTATION["slug"], forum__slug=FORUM["slug"]
        )
        .select_related("forum")
        .first()
    )
    if consultation:
        found["consultation"] = consultation_params(consultation)
    return found


def create_notifications():
    """Give each level login its notifications; returns how many were created."""
    params = subjects()
    people = get_user_model().objects.in_bulk(
        list(LEVEL_LOGINS.values()), field_name="email"
    )
    now = timezone.now()
    created = 0
    for level, email in sorted(LEVEL_LOGINS.items()):
        user = people.get(email)
        for kind, about, min_level, days_ago in NOTIFICATIONS:
            if user is None or level < min_level or about not in params:
                continue
            if Notification.objects.filter(user=user, kind=kind).exists():
                continue
            notification = NotificationFactory(
                user=user, kind=kind, params=params[about], subject="", body="", url=""
            )
            # Already emailed when it happened.
            when = now - timedelta(days=days_ago)
            Notification.objects.filter(pk=notification.pk).update(
                created_at=when, sent_at=when
            )
            created += 1
    return created
