"""Demo meeting series planned as a convener plans them on the site.

A weekly series that skips the Swedish public holidays in its span, built
through the planning rules (``events/planning.py``). Dates are relative to
today; a series is matched on title and forum, so seeding again adds nothing.
"""

import datetime

from django.utils import timezone

from core.recurrence import local_timezone
from events.factories import EventFactory
from events.models import Event
from events.planning import Ending, Repeat, build_rule, holidays_in_series
from forum.models import Forum
from partners.models import Organisation
from website.demo.loader import records
from website.demo.partners import FORUM


def create_planned_meetings():
    """Create the planned series; return how many were created."""
    today = timezone.localdate()
    forum = Forum.objects.get(slug=FORUM["slug"])
    created = 0
    for row in records("planned_meetings", "series"):
        if Event.objects.filter(forum=forum, title=row.title).exists():
            continue
        first = today + datetime.timedelta(days=row.start_days)
        first += datetime.timedelta(days=(min(row.weekdays) - first.weekday()) % 7)
        start = datetime.datetime.combine(
            first, datetime.time.fromisoformat(row.time), local_timezone()
        )
        rule = build_rule(
            Repeat.WEEKLY,
            weekdays=row.weekdays,
            ending=Ending.UNTIL,
            until=today + datetime.timedelta(days=row.until_days),
        )
        skipped = holidays_in_series(rule, start.replace(tzinfo=None))
        event = EventFactory.build(
            forum=forum,
            title=row.title,
            kind=row.kind,
            visibility=row.visibility,
            start=start,
            end=start + datetime.timedelta(minutes=row.minutes),
            venue="",
            online_url=row.online_url,
            organiser=Organisation.objects.get(slug=row.organiser),
            contact=None,
            description=row.description,
            rrule=rule,
            exdates=sorted(day.isoformat() for day in skipped),
            skip_holidays=True,
        )
        event.full_clean()
        event.save()
        created += 1
    return created
