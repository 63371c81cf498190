"""Forum events as iCalendar (RFC 5545) for the feeds and single-event downloads.

Line folding, escaping, VTIMEZONE and value types are the ``icalendar``
library's job; this module only decides what goes into each VEVENT.
"""

import datetime

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as VEvent

from core.recurrence import excluded_dates, ical_recurrence, local_rule, local_timezone
from core.sanitizer import plain_text

PRODID = "-//TIA samverkansplattform//Forumkalender//SV"
# Feeds show what is coming and what just happened, not the whole archive.
PAST_DAYS = 90


def feed_candidates(queryset, now=None):
    """The events a feed may hold, in SQL: recent ones and every series."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=PAST_DAYS)
    return queryset.filter(Q(end__gte=cutoff) | ~Q(rrule=""))


def feed_events(queryset, now=None):
    """The events of a feed: from ``PAST_DAYS`` ago on, and series still running.

    One query for the events and one for their overrides, however many there are.
    """
    cutoff = (now or timezone.now()) - datetime.timedelta(days=PAST_DAYS)
    events = (
        feed_candidates(queryset, now)
        .select_related("forum")
        .prefetch_related("overrides")
        .order_by("start", "pk")
    )
    return [event for event in events if not event.rrule or _runs_after(event, cutoff)]


def _local(value):
    return timezone.localtime(value, local_timezone())


def _runs_after(event, cutoff):
    """Whether a series has an occurrence that ends after ``cutoff``."""
    if event.end >= cutoff:
        return True
    local_start = _local(event.start).replace(tzinfo=None)
    try:
        rule = local_rule(event.rrule, local_start)
    except (ValueError, TypeError):
        return False
    after = _local(cutoff - event.duration).replace(tzinfo=None)
    return rule.after(after) is not None


def _recurrence(event):
    """The stored rule for iCalendar, UNTIL in the form RFC 5545 wants; or None."""
    try:
        return ical_recurrence(event.rrule, all_day=event.all_day)
    except ValueError:
        return None


def _all_day_span(start, end):
    """DTSTART and the exclusive DTEND dates of an all-day event."""
    first = _local(start).date()
    local_end = _local(end)
    last = local_end.date()
    if local_end.time() != datetime.time.min or last <= first:
        last += datetime.timedelta(days=1)
    return first, last


def _times(event, start, end):
    """DTSTART and DTEND values: dates for all-day events, else local times."""
    if event.all_day:
        return _all_day_span(start, end)
    return _local(start), _local(end)


def _recurrence_id(event, original_start):
    local = _local(original_start)
    return local.date() if event.all_day else local


def _location(event, venue=""):
    return venue or event.venue or event.online_url


def _description(event, note=""):
    parts = [note, plain_text(event.description)]
    if event.online_url:
        parts.append(_("Länk till digitalt möte: %(url)s") % {"url": event.online_url})
    if event.cancelled and event.cancellation_note:
        parts.append(event.cancellation_note)
    return "\n\n".join(part for part in parts if part)


def _base_component(event, url, stamp):
    component = VEvent()
    component.add("uid", event.uid)
    component.add("dtstamp", stamp)
    component.add("sequence", event.sequence)
    component.add("summary", event.title)
    component.add("url", url)
    component.add("categories", [str(event.get_kind_display())])
    component.add("last-modified", event.updated_at or stamp)
    return component


def event_components(event, url, stamp):
    """The event's VEVENTs: the event or series, then one per changed occurrence."""
    component = _base_component(event, url, stamp)
    start, end = _times(event, event.start, event.end)
    component.add("dtstart", start)
    component.add("dtend", end)
    component.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    description = _description(event)
    if description:
        component.add("description", description)
    location = _location(event)
    if location:
        component.add("location", location)
    recur = _recurrence(event)
    if recur is None:
        return [component]

    component.add("rrule", recur)
    exdates = []
    for day in excluded_dates(event.exdates):
        if event.all_day:
            exdates.append(day)
        else:
            # EXDATE must match an occurrence: the series' start time that day.
            exdates.append(
                datetime.datetime.combine(
                    day, start.timetz().replace(tzinfo=None)
                ).replace(tzinfo=local_timezone())
            )
    if exdates:
        component.add("exdate", sorted(exdates))

    components = [component]
    for override in event.overrides.all():
        changed = _base_component(event, url, stamp)
        changed.add("recurrence-id", _recurrence_id(event, override.original_start))
        new_start = override.start or override.original_start
        new_end = override.end or new_start + event.duration
        if new_end <= new_start:
            new_end = new_start + event.duration
        start, end = _times(event, new_start, new_end)
        changed.add("dtstart", start)
        changed.add("dtend", end)
        cancelled = event.cancelled or override.cancelled
        changed.add("status", "CANCELLED" if cancelled else "CONFIRMED")
        description = _description(event, override.note)
        if description:
            changed.add("description", description)
        location = _location(event, override.venue)
        if location:
            changed.add("location", location)
        components.append(changed)
    return components


def events_calendar(events, *, name, url_for):
    """A calendar of ``events``; ``url_for(event)`` gives each event's page URL."""
    stamp = timezone.now().astimezone(datetime.UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", local_timezone().key)
    first = stamp.date() - datetime.timedelta(days=PAST_DAYS)
    for event in events:
        for component in event_components(event, url_for(event), stamp):
            calendar.add_component(component)
        first = min(first, _local(event.start).date())
    # A VTIMEZONE from the earliest event on keeps the file small but complete.
    calendar.add_missing_timezones(
        first_date=first - datetime.timedelta(days=1),
        last_date=stamp.date() + datetime.timedelta(days=5 * 366),
    )
    return calendar


def event_path(event):
    """The event page's path in the site's default language (Swedish: no prefix).

    A feed is one URL for everybody, so its links must not follow the
    language of whoever happened to fetch it first.
    """
    with translation.override(settings.LANGUAGE_CODE):
        return reverse("events:event_detail", args=[event.pk])
