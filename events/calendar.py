"""Calendar helpers: occurrences in a window (overrides applied) and month grids.

Everything here works on events already fetched with
``EventQuerySet.with_calendar_relations()``, so expanding a whole month costs
no queries beyond the one for the events and the one for their overrides.
"""

import calendar
import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.recurrence import local_timezone, parse_rule


@dataclass
class Occurrence:
    """One time an event takes place, after its override (if any) is applied."""

    event: object
    original_start: datetime.datetime
    start: datetime.datetime
    end: datetime.datetime
    cancelled: bool = False
    venue: str = ""
    note: str = ""
    moved: bool = False

    # The public calendar lists the directory's activity sessions beside these.
    is_activity = False

    @property
    def key(self):
        """The ISO form of the original start: how URLs and forms name it."""
        return occurrence_key(self.original_start)

    @property
    def local_start(self):
        return self.start.astimezone(local_timezone())

    @property
    def local_end(self):
        return self.end.astimezone(local_timezone())

    @property
    def first_day(self):
        return self.local_start.date()

    @property
    def last_day(self):
        """The last local date it runs on: an end at midnight ends the day before."""
        return (self.local_end - datetime.timedelta(microseconds=1)).date()


def occurrence_key(start):
    return start.astimezone(local_timezone()).isoformat()


# The years a calendar can show. A key outside them names no occurrence, and
# the date arithmetic of looking for one would overflow near year 1 or 9999.
CALENDAR_YEARS = range(1900, 2201)


def parse_occurrence_key(value):
    """An aware datetime from an ISO string, or None when it is not one (or is
    outside ``CALENDAR_YEARS``)."""
    if not value or len(value) > 40:
        return None
    # In a query string an unencoded "+" of the UTC offset arrives as a space.
    value = value.strip().replace(" ", "+")
    try:
        parsed = datetime.datetime.fromisoformat(value)
    except ValueError:
        return None
    if parsed.year not in CALENDAR_YEARS:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=local_timezone())
    return parsed


def _overrides_by_start(event):
    # Reads the prefetched ``overrides``: no query per event.
    return {override.original_start: override for override in event.overrides.all()}


def _moved_into(event, overrides, window_start, window_end):
    """Original starts outside the window whose occurrence was moved into it."""
    for original, override in overrides.items():
        if not override.start:
            continue
        end = override.end or override.start + event.duration
        if end <= window_start or override.start >= window_end:
            continue
        # Only a real occurrence of the series (not an excluded date) counts.
        if original in event.occurrence_starts(
            original, original + datetime.timedelta(seconds=1)
        ):
            yield original


def event_occurrences(event, window_start, window_end):
    """The event's occurrences overlapping the window, with overrides applied."""
    overrides = _overrides_by_start(event)
    originals = set(event.occurrence_starts(window_start, window_end))
    originals.update(_moved_into(event, overrides, window_start, window_end))
    result = []
    for original in sorted(originals):
        start, end = original, original + event.duration
        occurrence = Occurrence(
            event=event,
            original_start=original,
            start=start,
            end=end,
            cancelled=event.cancelled,
            venue=event.venue,
            note=event.cancellation_note if event.cancelled else "",
        )
        override = overrides.get(original)
        if override is not None:
            if override.start:
                occurrence.start = override.start
                occurrence.end = override.end or override.start + event.duration
                occurrence.moved = override.start != original
            occurrence.venue = override.venue or occurrence.venue
            occurrence.cancelled = occurrence.cancelled or override.cancelled
            occurrence.note = override.note or occurrence.note
            # A moved occurrence may have left the window.
            if occurrence.end <= window_start or occurrence.start >= window_end:
                continue
        result.append(occurrence)
    return result


def expand(events, window_start, window_end):
    """All occurrences of ``events`` in the window, sorted by start."""
    occurrences = []
    for event in events:
        occurrences.extend(event_occurrences(event, window_start, window_end))
    occurrences.sort(key=lambda o: (o.start, o.event.title, o.event.pk))
    return occurrences


def find_occurrence(event, start):
    """The occurrence of ``event`` that originally starts at ``start``, or None."""
    if start is None:
        return None
    for occurrence in event_occurrences(
        event, start, start + datetime.timedelta(seconds=1)
    ):
        if occurrence.original_start == start:
            return occurrence
    return None


def upcoming(event, now, limit=10, horizon_days=731):
    """The next ``limit`` occurrences of ``event`` that have not ended."""
    end = now + datetime.timedelta(days=horizon_days)
    return [o for o in event_occurrences(event, now, end) if o.end > now][:limit]


def local_midnight(day):
    return datetime.datetime.combine(day, datetime.time(), tzinfo=local_timezone())


@dataclass
class Day:
    date: datetime.date
    in_month: bool
    is_today: bool
    occurrences: list = field(default_factory=list)
    # How many activity sessions beyond the day's first few the grid leaves out.
    more: int = 0


def month_window(year, month):
    """The dates the grid shows: Monday of the first week to Sunday of the last."""
    weeks = calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(
        year, month
    )
    return weeks, weeks[0][0], weeks[-1][-1]


def month_grid(year, month, occurrences, today, activities_shown=None):
    """Weeks of ``Day``; an occurrence is listed on each day it runs.

    With ``activities_shown``, a day lists that many activity sessions and
    keeps the rest in ``Day.more``; events are always listed.
    """
    weeks, first, last = month_window(year, month)
    days = {}
    grid = []
    for week in weeks:
        row = []
        for date in week:
            day = Day(date=date, in_month=date.month == month, is_today=date == today)
            days[date] = day
            row.append(day)
        grid.append(row)
    for occurrence in occurrences:
        date = max(occurrence.first_day, first)
        while date <= min(occurrence.last_day, last):
            days[date].occurrences.append(occurrence)
            date += datetime.timedelta(days=1)
    if activities_shown is not None:
        for day in days.values():
            day.occurrences, day.more = first_sessions(
                day.occurrences, activities_shown
            )
    return grid


def first_sessions(occurrences, limit):
    """(``occurrences`` with at most ``limit`` activity sessions, how many more
    sessions there were); events are always kept."""
    kept, more = [], 0
    for occurrence in occurrences:
        if occurrence.is_activity and limit is not None:
            if limit <= 0:
                more += 1
                continue
            limit -= 1
        kept.append(occurrence)
    return kept, more


def group_by_day(occurrences, activities_shown=None):
    """[(date, [occurrence, …], more), …] by local start date, for the list
    view; with ``activities_shown``, each day lists at most that many activity
    sessions and ``more`` counts the rest."""
    groups = {}
    for occurrence in occurrences:
        groups.setdefault(occurrence.local_start.date(), []).append(occurrence)
    return [
        (day, *first_sessions(found, activities_shown)) for day, found in groups.items()
    ]


WEEKDAYS = {
    "MO": 0,
    "TU": 1,
    "WE": 2,
    "TH": 3,
    "FR": 4,
    "SA": 5,
    "SU": 6,
}


def _weekday_names():
    return [
        _("måndag"),
        _("tisdag"),
        _("onsdag"),
        _("torsdag"),
        _("fredag"),
        _("lördag"),
        _("söndag"),
    ]


def _ordinal(n):
    names = {
        1: _("första"),
        2: _("andra"),
        3: _("tredje"),
        4: _("fjärde"),
        5: _("femte"),
        -1: _("sista"),
    }
    return names.get(n)


def rule_in_words(rule):
    """A simple rule in words ("varje vecka på tisdag"), or None when not simple."""
    if not rule:
        return None
    try:
        parts = parse_rule(rule)
    except ValidationError:
        return None
    if set(parts) - {
        "FREQ",
        "INTERVAL",
        "BYDAY",
        "BYMONTHDAY",
        "COUNT",
        "UNTIL",
        "WKST",
    }:
        return None
    try:
        interval = int(parts.get("INTERVAL", "1"))
    except ValueError:
        return None
    names = _weekday_names()
    freq = parts["FREQ"]
    byday = [d for d in parts.get("BYDAY", "").split(",") if d]
    if "BYMONTHDAY" in parts and (freq != "MONTHLY" or byday):
        return None
    if freq == "DAILY" and not byday:
        words = ngettext("varje dag", "var %(n)s:e dag", interval) % {"n": interval}
    elif freq == "WEEKLY" and all(d in WEEKDAYS for d in byday):
        words = ngettext("varje vecka", "var %(n)s:e vecka", interval) % {"n": interval}
        if byday:
            days = ", ".join(names[WEEKDAYS[d]] for d in byday)
            words = _("%(every)s på %(days)s") % {"every": words, "days": days}
    elif freq == "MONTHLY" and len(byday) == 1 and byday[0][-2:] in WEEKDAYS:
        try:
            position = int(byday[0][:-2])
        except ValueError:
            return None
        ordinal = _ordinal(position)
        if ordinal is None:
            return None
        every = ngettext("varje månad", "var %(n)s:e månad", interval) % {"n": interval}
        words = _("%(ordinal)s %(weekday)s %(every)s") % {
            "ordinal": ordinal,
            "weekday": names[WEEKDAYS[byday[0][-2:]]],
            "every": every,
        }
    elif freq == "MONTHLY" and not byday and "BYMONTHDAY" in parts:
        if not parts["BYMONTHDAY"].isdigit():
            return None
        every = ngettext("varje månad", "var %(n)s:e månad", interval) % {"n": interval}
        words = _("%(every)s, dag %(day)s") % {
            "every": every,
            "day": int(parts["BYMONTHDAY"]),
        }
    elif freq == "MONTHLY" and not byday:
        words = ngettext("varje månad", "var %(n)s:e månad", interval) % {"n": interval}
    else:
        return None
    return words[:1].upper() + words[1:]
