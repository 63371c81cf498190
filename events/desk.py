"""The calendar's part of the member's desk (``forum.desk``): the next meeting,
minutes waiting for approval, and for conveners agenda proposals to decide."""

import datetime

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from forum.desk import DeskItem, DeskSection
from forum.models import Level

from .calendar import upcoming
from .models import AgendaProposal, Event, Minutes

# How far ahead the desk looks for the next meeting.
HORIZON = datetime.timedelta(days=366)


def _when(value):
    return date_format(timezone.localtime(value), "l j F Y H:i")


def next_meeting(user, forum, now):
    """(event, occurrence) of the forum's next meeting ``user`` sees, or None."""
    events = (
        Event.objects.visible_to(user)
        .filter(forum=forum, cancelled=False)
        .overlapping(now, now + HORIZON)
        .filter(Q(rrule="", start__gte=now) | ~Q(rrule=""))
        .prefetch_related("overrides")
        .order_by("start")
    )
    # One-off events after the first one-off cannot come first; series may.
    best = None
    seen_one_off = False
    for event in events:
        if not event.rrule:
            if seen_one_off:
                continue
            seen_one_off = True
        occurrences = upcoming(event, now, limit=1, horizon_days=HORIZON.days)
        if occurrences and (best is None or occurrences[0].start < best[1].start):
            best = (event, occurrences[0])
    return best


def meeting_section(user, forum, now):
    found = next_meeting(user, forum, now)
    items = []
    if found:
        event, occurrence = found
        detail = reverse("events:event_detail", args=[event.pk])
        query = f"?tillfalle={occurrence.key}"
        items = [
            DeskItem(
                event.title,
                f"{detail}{query}",
                _when(occurrence.start),
            ),
            DeskItem(
                _("Dagordning"),
                reverse("events:agenda", args=[event.pk]),
            ),
        ]
        # Whoever reaches the desk takes part in the forum, so may answer.
        items.append(DeskItem(_("Svara om du kommer"), f"{detail}{query}#svar"))
    return DeskSection(
        "meeting",
        _("Nästa möte"),
        items,
        _("Inget möte är inplanerat i forumets kalender."),
    )


def minutes_section(user, forum, now):
    """Draft minutes of meetings the person attended: to read and comment on
    before they are approved."""
    drafts = (
        Minutes.objects.filter(
            event__forum=forum, status=Minutes.Status.DRAFT, attending_people=user
        )
        .filter(event__in=Event.objects.visible_to(user))
        .select_related("event")
        .order_by("event__start")
    )
    return DeskSection(
        "minutes",
        _("Protokoll att granska före justering"),
        [
            DeskItem(
                minutes.event.title,
                reverse("events:minutes", args=[minutes.event.pk]),
                _("Utkast från mötet %(when)s.") % {"when": _when(minutes.event.start)},
            )
            for minutes in drafts
        ],
        _("Inga protokoll väntar på din granskning."),
    )


def convener_sections(user, forum, now):
    drafts = (
        Minutes.objects.filter(event__forum=forum, status=Minutes.Status.DRAFT)
        .filter(event__start__lt=now)
        .select_related("event")
        .order_by("event__start")
    )
    to_approve = DeskSection(
        "minutes_to_approve",
        _("Protokoll att justera"),
        [
            DeskItem(
                minutes.event.title,
                reverse("events:minutes", args=[minutes.event.pk]),
                _("Utkast från mötet %(when)s.") % {"when": _when(minutes.event.start)},
                urgent=True,
            )
            for minutes in drafts
        ],
        _("Inga protokoll väntar på justering."),
        convener=True,
    )
    proposals = (
        AgendaProposal.objects.filter(
            event__forum=forum, status=AgendaProposal.Status.PENDING
        )
        .select_related("event", "organisation")
        .order_by("event__start", "created_at")
    )
    agenda = DeskSection(
        "proposals",
        _("Förslag till dagordningen"),
        [
            DeskItem(
                proposal.title,
                reverse("events:agenda", args=[proposal.event.pk]),
                _("Till %(meeting)s, från %(org)s.")
                % {
                    "meeting": proposal.event.title,
                    "org": proposal.organisation or _("okänd organisation"),
                },
                urgent=True,
            )
            for proposal in proposals
        ],
        _("Inga förslag väntar på beslut."),
        convener=True,
    )
    return [to_approve, agenda]


def desk_sections(user, forum, level, convener, now):
    """The provider that ``EventsConfig.ready`` registers with ``forum.desk``."""
    sections = [meeting_section(user, forum, now)]
    if level >= Level.INFORMATION:
        sections.append(minutes_section(user, forum, now))
    if convener:
        sections += convener_sections(user, forum, now)
    return sections
