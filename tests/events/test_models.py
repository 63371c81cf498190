"""Event rules that hold whichever form saves an event (the admin, the demo data)."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from events.models import Event
from tests.factories import ForumFactory

pytestmark = pytest.mark.django_db

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def event(**fields):
    values = {
        "forum": ForumFactory(),
        "kind": Event.Kind.NETWORK_MEETING,
        "title": "Nätverksmöte",
        "start": datetime.datetime(2027, 3, 16, 17, tzinfo=STOCKHOLM),
        "end": datetime.datetime(2027, 3, 16, 19, tzinfo=STOCKHOLM),
    }
    values.update(fields)
    return Event(**values)


def test_end_before_start_is_a_validation_error_and_refused_by_the_database():
    bad = event(end=datetime.datetime(2027, 3, 16, 16, tzinfo=STOCKHOLM))
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
    series = event(rrule="FREQ=WEEKLY;COUNT=3")
    series.full_clean()
    series.save()
    starts = series.occurrence_starts()
    assert [s.date() for s in starts] == [
        datetime.date(2027, 3, 16),
        datetime.date(2027, 3, 23),
        datetime.date(2027, 3, 30),  # after the change to summer time (28 March)
    ]
    assert {s.astimezone(STOCKHOLM).hour for s in starts} == {17}
    assert starts[-1].utcoffset() == datetime.timedelta(hours=2)


def test_every_save_raises_the_sequence_and_keeps_the_uid():
    meeting = event()
    meeting.save()
    uid, sequence = meeting.uid, meeting.sequence
    meeting.title = "Nätverksmöte (ny lokal)"
    meeting.save()
    assert meeting.uid == uid
    assert meeting.sequence == sequence + 1
