"""Event rules that hold whichever form saves an event (the admin, the demo data)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from events.models import Event
from tests.dates import (
    STOCKHOLM,
    TUESDAY,
    at,
    next_weekday,
    next_year,
    summer_time_starts,
)
from tests.factories import ForumFactory

pytestmark = pytest.mark.django_db


def event(**fields):
    start = at(next_weekday(TUESDAY), 17)
    values = {
        "forum": ForumFactory(),
        "kind": Event.Kind.NETWORK_MEETING,
        "title": "Nätverksmöte",
        "start": start,
        "end": start + datetime.timedelta(hours=2),
    }
    values.update(fields)
    return Event(**values)


def test_end_before_start_is_a_validation_error_and_refused_by_the_database():
    bad = event()
    bad.end = bad.start - datetime.timedelta(hours=1)
    with pytest.raises(ValidationError) as error:
        bad.full_clean()
    assert "end" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        bad.save()


@pytest.mark.parametrize(
    "rule",
    ["FREQ=WEEKLY;INTERVAL=0", "NONSENSE", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"],
)
def test_rrule_nonsense_is_a_validation_error(rule):
    with pytest.raises(ValidationError) as error:
        event(rrule=rule).full_clean()
    assert "rrule" in error.value.message_dict


def test_a_weekly_series_keeps_local_time_across_daylight_saving():
    change = summer_time_starts(next_year())
    start = at(change - datetime.timedelta(days=12), 17)
    series = event(start=start, end=start + datetime.timedelta(hours=2))
    series.rrule = "FREQ=WEEKLY;COUNT=3"
    series.full_clean()
    series.save()
    starts = series.occurrence_starts()
    assert [s.date() for s in starts] == [
        change - datetime.timedelta(days=12),
        change - datetime.timedelta(days=5),
        change + datetime.timedelta(days=2),  # after the change to summer time
    ]
    assert {s.astimezone(STOCKHOLM).hour for s in starts} == {17}
    assert starts[0].utcoffset() == datetime.timedelta(hours=1)
    assert starts[-1].utcoffset() == datetime.timedelta(hours=2)


def series_until(until):
    """Four Tuesdays at 17:00 in summer time, the last one named by ``until``."""
    first = summer_time_starts(next_year()) + datetime.timedelta(days=2)
    start = at(first, 17)
    series = event(start=start, end=start + datetime.timedelta(hours=2))
    last = first + datetime.timedelta(weeks=3)
    series.rrule = f"FREQ=WEEKLY;UNTIL={until(last)}"
    series.full_clean()
    series.save()
    return series, at(last, 17)


@pytest.mark.parametrize(
    "until",
    [
        lambda day: f"{day:%Y%m%d}",  # a date: that whole day
        lambda day: f"{day:%Y%m%d}T170000",  # local time, the last start itself
        lambda day: f"{day:%Y%m%d}T150000Z",  # the same moment in UTC (RFC 5545)
    ],
    ids=["date", "local-date-time", "utc-date-time"],
)
def test_until_keeps_the_last_occurrence(until):
    series, last = series_until(until)
    starts = series.occurrence_starts()
    assert len(starts) == 4
    assert starts[-1] == last
    assert starts[-1].astimezone(STOCKHOLM).hour == 17


def test_until_a_second_before_the_last_start_leaves_it_out():
    series, last = series_until(lambda day: f"{day:%Y%m%d}T145959Z")
    assert series.occurrence_starts()[-1] == last - datetime.timedelta(weeks=1)


def test_every_save_raises_the_sequence_and_keeps_the_uid():
    meeting = event()
    meeting.save()
    uid, sequence = meeting.uid, meeting.sequence
    meeting.title = "Nätverksmöte (ny lokal)"
    meeting.save()
    assert meeting.uid == uid
    assert meeting.sequence == sequence + 1
