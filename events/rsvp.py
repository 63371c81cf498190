"""Answers to an occurrence (RSVP): seats, the waiting list, and moving up.

The views call :func:`record_answer`; when it gives a seat to the first person
on the waiting list, they are told with :func:`tell_promoted` (a forum
notification: email at once, in the daily digest, or not, as they chose).
:func:`organisation_for` is whom an answer is for, :func:`attendance_at` who
answered for an occurrence.
"""

from collections import OrderedDict

from django.db import transaction
from django.utils import timezone

from core.collation import sort_key, swedish
from forum.notification_texts import iso
from forum.notifications import notify_users
from partners.models import Membership, Organisation

from .models import RSVP, Event


def record_answer(event, occurrence_start, user, organisation, answer):
    """Save one person's answer; returns (rsvp, promoted rsvp or None).

    The event row is locked, so two people cannot both take the last seat.
    """
    with transaction.atomic():
        capacity = Event.objects.select_for_update().get(pk=event.pk).capacity
        answers = RSVP.objects.filter(event=event, occurrence_start=occurrence_start)
        existing = answers.filter(user=user).first()
        seated = answers.filter(answer=RSVP.Answer.GOING, waitlisted=False)
        was_seated = bool(
            existing
            and existing.answer == RSVP.Answer.GOING
            and not existing.waitlisted
        )
        if existing and existing.answer == answer:
            return existing, None
        waitlisted = False
        if answer == RSVP.Answer.GOING and capacity is not None:
            waitlisted = seated.exclude(user=user).count() >= capacity
        rsvp, _created = RSVP.objects.update_or_create(
            event=event,
            occurrence_start=occurrence_start,
            user=user,
            defaults={
                "answer": answer,
                "waitlisted": waitlisted,
                "organisation": organisation,
                "answered_at": timezone.now(),
            },
        )
        promoted = None
        if was_seated and answer == RSVP.Answer.NOT_GOING:
            if capacity is None or seated.count() < capacity:
                promoted = (
                    answers.filter(answer=RSVP.Answer.GOING, waitlisted=True)
                    .order_by("answered_at", "pk")
                    .first()
                )
                if promoted is not None:
                    promoted.waitlisted = False
                    promoted.save(update_fields=["waitlisted"])
    return rsvp, promoted


def organisation_for(user, forum):
    """The organisation the person answers for: their highest level in the forum."""
    mine = Organisation.objects.filter(
        memberships__user=user, memberships__status=Membership.Status.ACTIVE
    )
    return (
        mine.filter(participations__forum=forum)
        .order_by("-participations__level", swedish("name"))
        .first()
        or mine.order_by(swedish("name")).first()
    )


def attendance_at(event, occurrence_start, user):
    """Who answered for one occurrence: seated (by organisation), waiting, mine."""
    rsvps = list(
        RSVP.objects.filter(
            event=event, occurrence_start=occurrence_start
        ).select_related("user", "organisation")
    )
    going = [r for r in rsvps if r.answer == RSVP.Answer.GOING and not r.waitlisted]
    by_organisation = OrderedDict()
    for answer in sorted(
        going,
        key=lambda r: (
            r.organisation is None,
            sort_key(str(r.organisation or "")),
            sort_key(str(r.user)),
        ),
    ):
        name = answer.organisation.name if answer.organisation else None
        by_organisation.setdefault(name, []).append(answer.user)
    return {
        "going": going,
        "going_count": len(going),
        "by_organisation": [
            {"name": name, "count": len(people), "people": people}
            for name, people in by_organisation.items()
        ],
        "waitlist": [r for r in rsvps if r.waitlisted],
        "mine": next((r for r in rsvps if r.user_id == user.pk), None),
        "full": event.capacity is not None and len(going) >= event.capacity,
    }


def tell_promoted(promoted, occurrence_key):
    """Tell the person who moved up from the waiting list that they have a seat
    (the text: events.notification_texts)."""
    notify_users(
        [promoted.user],
        "waitlist_seat",
        {
            "event": promoted.event_id,
            "title": promoted.event.title,
            "when": iso(promoted.occurrence_start),
            "occurrence": occurrence_key,
        },
    )
