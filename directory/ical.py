"""An activity's sessions as iCalendar (RFC 5545), and the schedule helpers behind it.

Everything RFC 5545 asks for (line folding, escaping, VTIMEZONE, UTC for UNTIL)
is left to the ``icalendar`` library; this module only decides what goes in.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from core.recurrence import excluded_dates as dates_of
from core.recurrence import ical_recurrence, ical_rule, local_timezone
from core.sanitizer import plain_text

from .models import MAX_SESSIONS

PRODID = "-//TIA samverkansplattform//Aktivitetskatalog//SV"


def recurrence(activity):
    """The activity's RRULE parsed by icalendar, or None for a single session.

    Raises ValueError when the stored rule cannot be read.
    """
    return ical_rule(activity.rrule)


def excluded_dates(activity):
    """The cancelled dates; a malformed stored value is skipped, not fatal."""
    return dates_of(activity.exdates)


def upcoming_sessions(activity, start, end=None, limit=None):
    """Session dates from ``start`` to ``end`` (inclusive), cancelled ones left out.

    Unlike ``Activity.session_dates`` this starts the recurrence at ``start``,
    so a long-running daily activity still has sessions today. An unreadable
    rule gives no sessions rather than an error on a public page.
    """
    excluded = excluded_dates(activity)
    if not activity.rrule:
        day = activity.start_date
        inside = day >= start and (end is None or day <= end)
        return [day] if inside and day not in excluded else []
    sessions = []
    try:
        rule = activity.rule()
        after = datetime.datetime.combine(start, datetime.time.min)
        for seen, occurrence in enumerate(rule.xafter(after, inc=True)):
            day = occurrence.date()
            if (end is not None and day > end) or seen >= MAX_SESSIONS:
                break
            if day not in excluded:
                sessions.append(day)
                if limit is not None and len(sessions) >= limit:
                    break
    except (ValueError, TypeError):
        return []
    return sessions


def first_session(activity):
    """The date of the first session; the recurrence's first, when there is one."""
    if activity.rrule:
        try:
            first = next(iter(activity.rule()), None)
        except (ValueError, TypeError):
            first = None
        if first is not None:
            return first.date()
    return activity.start_date


def last_session(activity):
    """The date of the last session, or None when the rule runs on without end."""
    if not activity.rrule:
        return activity.start_date
    if activity.end_date:
        return activity.end_date
    try:
        rule = activity.rule()
        if rule._count or rule._until:
            last = None
            for seen, occurrence in enumerate(rule):
                last = occurrence
                if seen >= MAX_SESSIONS:
                    break
            return last.date() if last else activity.start_date
    except (ValueError, TypeError):
        return activity.start_date
    return None


def at(day, time):
    """``day`` at ``time`` in the local zone, or the bare date when there is no time."""
    if time is None:
        return day
    return datetime.datetime.combine(day, time, tzinfo=local_timezone())


def location_text(activity):
    """Where the activity is, on one line, for a calendar program."""
    parts = []
    if activity.mode != activity.Mode.ONLINE:
        parts = [activity.venue, activity.address, activity.municipality.name]
    if activity.mode != activity.Mode.IN_PERSON:
        parts.append(str(activity.Mode.ONLINE.label))
    return ", ".join(part for part in parts if part)


def description_text(activity, url, shown=None):
    """The event description: summary, description and the link, as plain text.

    A translated text has the translated summary and no description, which
    is in Swedish only.
    """
    organiser = _("Arrangör: %(name)s") % {"name": activity.organisation.name}
    if shown is not None and shown.translated:
        parts = [shown.summary.value, organiser, url]
    else:
        parts = [activity.summary, plain_text(activity.description), organiser, url]
    return "\n\n".join(part for part in parts if part)


def activity_event(activity, *, url, host, shown=None):
    """The activity as one VEVENT; a recurring one with RRULE and EXDATE.

    ``shown`` (an ``ActivityText``) gives the title and summary in the
    reader's language; SUMMARY and DESCRIPTION then say which (LANGUAGE).
    The UID is the same in every file the activity is in.
    """
    all_day = activity.start_time is None
    title = shown.title.value if shown is not None else activity.title
    language = {"language": shown.title.language} if shown is not None else {}
    first = first_session(activity)
    stamp = activity.updated_at or timezone.now()

    event = Event()
    event.add("uid", f"activity-{activity.pk}@{host}")
    # Without a METHOD, DTSTAMP is the time the information was last revised.
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    event.add("summary", title, parameters=language)
    event.add(
        "description", description_text(activity, url, shown), parameters=language
    )
    event.add("url", url)
    event.add("categories", [str(activity.get_category_display())])
    location = location_text(activity)
    if location:
        event.add("location", location)
    if activity.latitude is not None and activity.longitude is not None:
        event.add("geo", (float(activity.latitude), float(activity.longitude)))

    event.add("dtstart", at(first, activity.start_time))
    if all_day:
        event.add("dtend", first + datetime.timedelta(days=1))
    elif activity.end_time and activity.end_time > activity.start_time:
        event.add("dtend", at(first, activity.end_time))

    try:
        # Without UNTIL or COUNT in the rule, the end date ends the series.
        rule = ical_recurrence(activity.rrule, all_day=all_day, until=activity.end_date)
    except ValueError:
        rule = None
    if rule is not None:
        event.add("rrule", rule)
        cancelled = sorted(d for d in excluded_dates(activity) if d >= first)
        if cancelled:
            event.add("exdate", [at(day, activity.start_time) for day in cancelled])
    return event


def _span(activity):
    """The first and last day the activity's sessions may fall on."""
    first = first_session(activity)
    last = last_session(activity) or first + datetime.timedelta(days=5 * 366)
    return first, last


def _calendar(name, events, first, last):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(event)
    # A VTIMEZONE covering the activities' own span keeps the file small.
    calendar.add_missing_timezones(
        first_date=first - datetime.timedelta(days=1),
        last_date=last + datetime.timedelta(days=1),
    )
    return calendar


def activity_calendar(activity, *, url, host, shown=None):
    """A calendar with the activity as one event (``activity_event``)."""
    title = shown.title.value if shown is not None else activity.title
    first, last = _span(activity)
    event = activity_event(activity, url=url, host=host, shown=shown)
    return _calendar(title, [event], first, last)


def activities_calendar(activities, *, name, url_for, host, today):
    """A calendar of ``activities``, one VEVENT each; ``url_for(activity)``
    gives the activity's page. Its VTIMEZONE covers from the earliest first
    session to the latest last one (at least today, when there are none)."""
    events = []
    first = last = today
    for activity in activities:
        events.append(activity_event(activity, url=url_for(activity), host=host))
        start, end = _span(activity)
        first, last = min(first, start), max(last, end)
    calendar = _calendar(name, events, first, last)
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-timezone", local_timezone().key)
    return calendar
