"""Answers to an occurrence (RSVP): seats, the waiting list, and moving up.

The views call :func:`record_answer`; when it gives a seat to the first person
on the waiting list, they are told with :func:`tell_promoted` (a forum
notification: email at once, in the daily digest, or not, as they chose).
"""

from urllib.parse import quote

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from forum.notifications import in_email_language, notify_users

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


def tell_promoted(promoted, occurrence_key):
    """Tell the person who moved up from the waiting list that they have a seat."""
    with in_email_language():
        event = promoted.event
        when = timezone.localtime(promoted.occurrence_start).strftime("%Y-%m-%d %H:%M")
        url = reverse("events:event_detail", args=[event.pk])
        notify_users(
            [promoted.user],
            "waitlist_seat",
            _("Du har fått en plats: %(title)s") % {"title": event.title},
            _(
                "En plats har blivit ledig på %(title)s %(when)s och du står inte "
                "längre på väntelistan: du är anmäld. Kan du inte komma, lämna "
                "återbud på sidan så att nästa på väntelistan får platsen."
            )
            % {"title": event.title, "when": when},
            f"{url}?tillfalle={quote(occurrence_key)}#svar",
        )
