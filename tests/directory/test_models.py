"""Activity rules that hold whichever form (site or admin) saves an activity."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.dates import TUESDAY, next_weekday, next_year, summer_time_starts, today
from tests.directory.builders import make_activity as build
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

WEEK = datetime.timedelta(weeks=1)


def make_activity(**fields):
    fields.setdefault("end_date", today() + datetime.timedelta(days=180))
    return build(OrganisationFactory(), **fields)


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=WEEKLY;INTERVAL=0",  # dateutil accepts it, expansion never ends
        "FREQ=WEEKLY;\nBYDAY=TU",  # two lines
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",  # 30 February never comes
        "FREQ=SECONDLY",
        "NONSENSE",
    ],
)
def test_model_refuses_rules_that_would_break_the_public_pages(rule):
    activity = make_activity(rrule=rule)
    with pytest.raises(ValidationError) as error:
        activity.full_clean()
    assert "rrule" in error.value.message_dict


def test_model_normalises_a_valid_rule_and_expands_it():
    first = next_weekday(TUESDAY)
    activity = make_activity(
        rrule="rrule:freq=weekly;byday=tu", start_date=first, end_date=first + 4 * WEEK
    )
    activity.full_clean()
    assert activity.rrule == "FREQ=WEEKLY;BYDAY=TU"
    assert activity.session_dates() == [first + n * WEEK for n in range(5)]


@pytest.mark.parametrize(
    "until",
    [
        lambda day: f"{day:%Y%m%d}",  # a date: that whole day
        lambda day: f"{day:%Y%m%d}T170000",  # local time: the last start itself
        lambda day: f"{day:%Y%m%d}T150000Z",  # the same moment in UTC (summer)
    ],
    ids=["date", "local-date-time", "utc-date-time"],
)
def test_until_keeps_the_last_session_of_an_activity_with_a_start_time(until):
    first = summer_time_starts(next_year()) + datetime.timedelta(days=2)
    last = first + 3 * WEEK
    activity = make_activity(
        rrule=f"FREQ=WEEKLY;BYDAY=TU;UNTIL={until(last)}",
        start_date=first,
        end_date=None,
        start_time=datetime.time(17),
        end_time=datetime.time(19),
    )
    activity.full_clean()
    assert activity.session_dates() == [first + n * WEEK for n in range(4)]


def test_end_before_start_is_refused_by_the_form_check_and_the_database():
    activity = make_activity(start_date=today() + datetime.timedelta(days=30))
    activity.end_date = today() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        activity.full_clean()
    assert "end_date" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        activity.save()
