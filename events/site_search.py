"""The calendar's part of the public site search (``core.site_search``): the
public events, found by title, description, place and organiser.

Only what a visitor sees: read through ``Event.objects.visible_to`` for a
signed-out person, whoever searches (members find their forums' events at
``/forum/sok/``). Events still to come first, then past ones, newest first.
``EventsConfig.ready`` registers :data:`EVENTS`.
"""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.site_search import Kind, Result, matching
from forum.search import plain

from .calendar import upcoming
from .models import Event

FIELDS = ("title", "description", "venue", "organiser__name")
SUMMARY_LENGTH = 200


def find(query):
    if not query.words:
        return Event.objects.none()
    now = timezone.now()
    return (
        Event.objects.visible_to(AnonymousUser())
        .filter(matching(query.words, FIELDS))
        # A series may still run: it counts as to come until it is expanded.
        .annotate(
            past=Case(
                When(Q(rrule="", end__lt=now), then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
        .select_related("organiser")
        .prefetch_related("overrides")
        .order_by(
            "past",
            Case(When(past=0, then=F("start"))),
            F("start").desc(),
            "pk",
        )
    )


def summary(text):
    text = plain(text)
    if len(text) <= SUMMARY_LENGTH:
        return text
    return text[:SUMMARY_LENGTH].rsplit(" ", 1)[0] + " …"


def results(rows, query):
    now = timezone.now()
    found = []
    for event in rows:
        next_ones = upcoming(event, now, limit=1)
        details = [event.get_kind_display()]
        if event.organiser:
            details.append(event.organiser.name)
        if event.cancelled:
            details.append(_("Inställt"))
        found.append(
            Result(
                title=event.title,
                url=reverse("events:event_detail", args=[event.pk]),
                summary=summary(event.description),
                details=details,
                when=next_ones[0].start if next_ones else event.start,
            )
        )
    return found


EVENTS = Kind(
    key="kalender",
    title=_("Händelser i kalendern"),
    find=find,
    results=results,
    order=40,
)
