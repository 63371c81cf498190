"""An activity's .ics file: the series with RRULE and EXDATE, UNTIL in UTC,
single sessions and the machine endpoint over HTTP.
"""

import datetime

import icalendar
import pytest
import recurring_ical_events

from tests.dates import next_year, summer_time_starts, winter_time_starts
from tests.directory.public import (
    STOCKHOLM,
    days,
    detail_url,
    get_ics,
    ics_url,
    today,
)

from .conftest import ActivityFactory, WeeklyActivityFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("skane_subregions")]


# The calendar file


def test_ics_of_a_weekly_activity_is_one_event_with_rrule_and_exdate(
    client, directory_page
):
    year = today().year + 1
    first_tuesday = datetime.date(year, 3, 1)
    first_tuesday += days((1 - first_tuesday.weekday()) % 7)
    cancelled = first_tuesday + days(7)
    activity = WeeklyActivityFactory(
        title="Svenska, tisdagar",
        start_date=first_tuesday,
        end_date=datetime.date(year, 6, 30),
        rrule="FREQ=WEEKLY;BYDAY=TU",
        exdates=[cancelled.isoformat()],
        venue="Folkets hus",
        description="<p>Ta med <strong>penna</strong>.</p>",
    )
    response = get_ics(directory_page, activity)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert (
        response["Content-Disposition"] == f'attachment; filename="{activity.slug}.ics"'
    )
    calendar = icalendar.Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    assert str(event["UID"]) == f"activity-{activity.pk}@testserver"
    assert "DTSTAMP" in event
    assert str(event["SUMMARY"]) == "Svenska, tisdagar"
    assert "Ta med penna." in str(event["DESCRIPTION"])
    assert "<" not in str(event["DESCRIPTION"])
    assert "Folkets hus" in str(event["LOCATION"])
    assert str(event["URL"]) == f"http://testserver{detail_url(activity)}"
    assert event["RRULE"]["FREQ"] == ["WEEKLY"]
    assert event["RRULE"]["BYDAY"] == ["TU"]
    assert event.start == datetime.datetime.combine(
        first_tuesday, datetime.time(17), tzinfo=STOCKHOLM
    )
    assert event.exdates == [
        datetime.datetime.combine(cancelled, datetime.time(17), tzinfo=STOCKHOLM)
    ]
    assert b"EXDATE;TZID=Europe/Stockholm:" in response.content
    timezones = calendar.walk("VTIMEZONE")
    assert [str(tz["TZID"]) for tz in timezones] == ["Europe/Stockholm"]
    # The same UID on every download, so calendar apps update instead of copying.
    again = icalendar.Calendar.from_ical(get_ics(directory_page, activity).content)
    assert str(again.walk("VEVENT")[0]["UID"]) == str(event["UID"])

    # Across the last Sunday of March the sessions stay at 17:00 local time.
    last_sunday = datetime.date(year, 3, 31)
    last_sunday -= days((last_sunday.weekday() + 1) % 7)
    window_start = last_sunday - days(20)
    window_end = last_sunday + days(20)
    sessions = recurring_ical_events.of(calendar).between(window_start, window_end)
    starts = sorted(session.start for session in sessions)
    expected = [
        window_start + days(n)
        for n in range((window_end - window_start).days)
        if (window_start + days(n)).weekday() == 1
        and window_start + days(n) >= first_tuesday
        and window_start + days(n) != cancelled
    ]
    assert [start.date() for start in starts] == expected
    assert any(day < last_sunday for day in expected)
    assert any(day > last_sunday for day in expected)
    for start in starts:
        local = start.astimezone(STOCKHOLM)
        assert (local.hour, local.minute) == (17, 0)
        offset = 1 if start.date() < last_sunday else 2
        assert start.utcoffset() == datetime.timedelta(hours=offset)


@pytest.mark.parametrize(
    ("change", "utc_offset"),
    [(summer_time_starts, 2), (winter_time_starts, 1)],
    ids=["summer", "winter"],
)
@pytest.mark.parametrize("last_day_from", ["until", "end_date"])
def test_ics_until_is_utc_and_the_last_session_is_kept(
    client, directory_page, change, utc_offset, last_day_from
):
    """Four Tuesdays at 17:00; the last one named by UNTIL or by the end date."""
    first = change(next_year()) + days(2)
    last = first + days(21)
    if last_day_from == "until":
        fields = {
            "rrule": f"FREQ=WEEKLY;BYDAY=TU;UNTIL={last:%Y%m%d}",
            "end_date": None,
        }
    else:
        fields = {"rrule": "FREQ=WEEKLY;BYDAY=TU", "end_date": last}
    activity = WeeklyActivityFactory(start_date=first, **fields)
    activity.full_clean()
    response = get_ics(directory_page, activity)
    # Up to and including the last day: its last second, in UTC.
    until = datetime.datetime.combine(last, datetime.time(23, 59, 59), STOCKHOLM)
    until = until.astimezone(datetime.UTC)
    assert until.hour == 23 - utc_offset
    assert f"UNTIL={until:%Y%m%dT%H%M%S}Z".encode() in response.content
    calendar = icalendar.Calendar.from_ical(response.content)
    sessions = recurring_ical_events.of(calendar).between(first, last + days(14))
    expected = [first + days(7 * n) for n in range(4)]
    assert [s.start for s in sessions] == [
        datetime.datetime.combine(day, datetime.time(17), STOCKHOLM) for day in expected
    ]
    # The page lists the same sessions as the calendar file.
    assert client.get(detail_url(activity)).context["sessions"] == expected


def test_ics_is_reachable_over_http(client, directory_page):
    activity = ActivityFactory()
    response = client.get(ics_url(directory_page, activity))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"


def test_ics_of_a_single_session(client, directory_page):
    activity = ActivityFactory(start_date=today() + days(5))
    calendar = icalendar.Calendar.from_ical(get_ics(directory_page, activity).content)
    (event,) = calendar.walk("VEVENT")
    assert "RRULE" not in event and "EXDATE" not in event
    assert event.start.date() == today() + days(5)
    assert event.end - event.start == datetime.timedelta(hours=2)
