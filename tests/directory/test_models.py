"""Activity rules that hold whichever form (site or admin) saves an activity."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.directory.builders import make_activity as build
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def make_activity(**fields):
    fields.setdefault("end_date", datetime.date(2027, 6, 30))
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
    activity = make_activity(
        rrule="rrule:freq=weekly;byday=tu",
        start_date=datetime.date(2026, 3, 3),
        end_date=datetime.date(2026, 3, 31),
    )
    activity.full_clean()
    assert activity.rrule == "FREQ=WEEKLY;BYDAY=TU"
    assert activity.session_dates() == [
        datetime.date(2026, 3, d) for d in (3, 10, 17, 24, 31)
    ]


def test_end_before_start_is_refused_by_the_form_check_and_the_database():
    activity = make_activity(start_date=datetime.date(2026, 5, 1))
    activity.end_date = datetime.date(2026, 4, 1)
    with pytest.raises(ValidationError) as error:
        activity.full_clean()
    assert "end_date" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        activity.save()
