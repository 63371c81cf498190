"""What the iCalendar feeds hold: a VEVENT's fields, all-day events, series
across daylight saving, overrides, UNTIL in UTC, cancellations, SEQUENCE, the
covered period and the cache headers.
"""

import datetime
import re

import pytest
from django.utils import timezone

from events.models import Event, OccurrenceOverride
from forum.models import Level
from tests.dates import (
    STOCKHOLM,
    TUESDAY,
    at,
    next_weekday,
    next_year,
    summer_time_starts,
    today,
    winter_time_starts,
)
from tests.events.feed_helpers import (
    DAY,
    UTC,
    WEEK,
    between,
    parse,
    personal_url,
    summaries,
    vevents,
)

# What a VEVENT holds


def test_event_fields(client, make_event):
    start = at(today() + 3 * DAY, 9, 30)
    event = make_event(
        title="Samordnarmöte",
        kind=Event.Kind.COORDINATORS_MEETING,
        description="<p>Lägesbild &amp; planering</p><ul><li>Punkt ett</li></ul>",
        venue="Länsstyrelsen, Malmö",
        start=start,
    )
    calendar = parse(client.get("/ical/kalender.ics"))
    (component,) = vevents(calendar)
    assert str(component["UID"]) == event.uid
    assert component["SEQUENCE"] == event.sequence
    assert str(component["STATUS"]) == "CONFIRMED"
    assert str(component["LOCATION"]) == "Länsstyrelsen, Malmö"
    assert str(component["DESCRIPTION"]) == "Lägesbild & planering\n• Punkt ett"
    assert component["CATEGORIES"].cats == ["Samordnarmöte"]
    assert str(component["URL"]) == f"http://testserver/kalender/{event.pk}/"
    assert component["DTSTAMP"].dt.tzinfo is not None
    assert component["DTSTAMP"].dt.utcoffset() == datetime.timedelta(0)
    assert component["DTSTART"].params["TZID"] == "Europe/Stockholm"
    assert component["DTSTART"].dt == start
    assert component["DTEND"].dt == at(start.date(), 11, 30)
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Stockholm"
    assert b"\r\n" in client.get("/ical/kalender.ics").content


def test_all_day_event_uses_dates(client, make_event):
    day = today() + 10 * DAY
    make_event(start=at(day), hours=24, all_day=True)
    (component,) = vevents(parse(client.get("/ical/kalender.ics")))
    assert component["DTSTART"].params["VALUE"] == "DATE"
    assert component["DTSTART"].dt == day
    assert component["DTEND"].dt == day + DAY


def test_weekly_series_keeps_local_time_across_daylight_saving(client, make_event):
    # Weekly at 17:00 from two weeks before summer time until after winter time.
    year = next_year()
    spring, autumn = summer_time_starts(year), winter_time_starts(year)
    start = at(spring - 12 * DAY, 17)
    cancelled = spring + 9 * DAY
    event = make_event(
        start=start, rrule="FREQ=WEEKLY;COUNT=40", exdates=[cancelled.isoformat()]
    )
    calendar = parse(client.get("/ical/kalender.ics"))
    (component,) = vevents(calendar)
    assert component["RRULE"]["FREQ"] == ["WEEKLY"]
    assert component["DTSTART"].params["TZID"] == "Europe/Stockholm"
    assert component["DTSTART"].dt == start
    exdate = component["EXDATE"]
    assert exdate.params["TZID"] == "Europe/Stockholm"
    assert exdate.dts[0].dt == at(cancelled, 17)
    (zone,) = calendar.walk("VTIMEZONE")
    assert {sub.name for sub in zone.subcomponents} == {"STANDARD", "DAYLIGHT"}

    occurrences = between(calendar, at(spring - 20 * DAY), at(spring + 300 * DAY))
    starts = {o["DTSTART"].dt.astimezone(STOCKHOLM).date(): o for o in occurrences}
    assert len(starts) == 39  # 40 less the excluded date
    assert cancelled not in starts
    assert {o["DTSTART"].dt.astimezone(STOCKHOLM).hour for o in occurrences} == {17}
    assert all(str(o["UID"]) == event.uid for o in occurrences)

    def utc_hour(day):
        return starts[day]["DTSTART"].dt.astimezone(UTC).hour

    assert utc_hour(spring - 5 * DAY) == 16  # winter time, UTC+1
    assert utc_hour(spring + 2 * DAY) == 15  # summer time, UTC+2
    assert utc_hour(autumn - 5 * DAY) == 15
    assert utc_hour(autumn + 2 * DAY) == 16  # winter time again


def test_override_moves_one_occurrence_and_cancels_another(client, make_event):
    first = next_weekday(TUESDAY)
    event = make_event(start=at(first, 17), rrule="FREQ=WEEKLY;COUNT=10")
    moved_from, cancelled_on = first + 4 * WEEK, first + 5 * WEEK
    moved_to = moved_from + DAY
    OccurrenceOverride.objects.create(
        event=event,
        original_start=at(moved_from, 17),
        start=at(moved_to, 18),
        end=at(moved_to, 19, 30),
        venue="Stadshuset",
    )
    OccurrenceOverride.objects.create(
        event=event, original_start=at(cancelled_on, 17), cancelled=True
    )
    calendar = parse(client.get("/ical/kalender.ics"))
    components = vevents(calendar)
    assert len(components) == 3
    assert {str(c["UID"]) for c in components} == {event.uid}
    moved, cancelled = (c for c in components if "RECURRENCE-ID" in c)
    assert moved["RECURRENCE-ID"].dt == at(moved_from, 17)
    assert str(cancelled["STATUS"]) == "CANCELLED"

    occurrences = between(calendar, at(moved_from - DAY), at(moved_from + 3 * DAY))
    assert [o["DTSTART"].dt for o in occurrences] == [at(moved_to, 18)]
    assert str(occurrences[0]["LOCATION"]) == "Stadshuset"
    assert occurrences[0]["DTEND"].dt == at(moved_to, 19, 30)
    # recurring_ical_events keeps cancelled occurrences, marked as such.
    on_that_day = between(calendar, at(cancelled_on), at(cancelled_on + DAY))
    assert on_that_day
    assert all(str(o["STATUS"]) == "CANCELLED" for o in on_that_day)


# UNTIL: inclusive, and in UTC when DTSTART has a time zone (RFC 5545 3.3.10)


@pytest.mark.parametrize(
    ("change", "utc_offset"),
    [(summer_time_starts, 2), (winter_time_starts, 1)],
    ids=["summer", "winter"],
)
@pytest.mark.parametrize("written_as", ["date", "local", "utc"])
def test_until_is_sent_in_utc_and_keeps_the_last_occurrence(
    client, make_event, change, utc_offset, written_as
):
    """Four Tuesdays at 17:00, UNTIL naming the last one as a date or a time."""
    first = change(next_year()) + 2 * DAY
    last = first + 3 * WEEK
    until = {
        "date": f"{last:%Y%m%d}",
        "local": f"{last:%Y%m%d}T170000",
        "utc": f"{last:%Y%m%d}T{17 - utc_offset:02d}0000Z",
    }[written_as]
    make_event(start=at(first, 17), rrule=f"FREQ=WEEKLY;UNTIL={until}")
    response = client.get("/ical/kalender.ics")
    calendar = parse(response)
    (component,) = vevents(calendar)
    if written_as == "date":
        # The whole of the last day, its last second in Stockholm.
        expected = at(last, 23, 59) + datetime.timedelta(seconds=59)
    else:
        expected = at(last, 17)
    expected = expected.astimezone(UTC)
    assert f"UNTIL={expected:%Y%m%dT%H%M%S}Z".encode() in response.content
    (until_value,) = component["RRULE"]["UNTIL"]
    assert until_value == expected
    assert until_value.utcoffset() == datetime.timedelta(0)

    occurrences = between(calendar, at(first), at(last + 2 * WEEK))
    starts = [o["DTSTART"].dt for o in occurrences]
    assert starts == [at(first + n * WEEK, 17) for n in range(4)]
    assert starts[-1].astimezone(UTC).hour == 17 - utc_offset


def test_until_of_an_all_day_series_stays_a_date(client, make_event):
    first = next_weekday(TUESDAY)
    last = first + 3 * WEEK
    make_event(
        start=at(first),
        hours=24,
        all_day=True,
        rrule=f"FREQ=WEEKLY;UNTIL={last:%Y%m%d}",
    )
    response = client.get("/ical/kalender.ics")
    calendar = parse(response)
    (component,) = vevents(calendar)
    assert component["RRULE"]["UNTIL"] == [last]
    assert re.search(rf"UNTIL={last:%Y%m%d}(?![T0-9])".encode(), response.content)
    occurrences = between(calendar, first, last + 2 * WEEK)
    assert [o["DTSTART"].dt for o in occurrences] == [
        first + n * WEEK for n in range(4)
    ]


def test_cancelled_event_has_status_cancelled(client, make_event):
    make_event(cancelled=True, cancellation_note="Sjukdom")
    (component,) = vevents(parse(client.get("/ical/kalender.ics")))
    assert str(component["STATUS"]) == "CANCELLED"
    assert "Sjukdom" in str(component["DESCRIPTION"])


def test_sequence_grows_after_an_edit_and_uid_stays(client, make_event):
    event = make_event()
    first = vevents(parse(client.get("/ical/kalender.ics")))[0]
    event.title = "Flyttat forummöte"
    event.save()
    event.save()
    second = vevents(parse(client.get("/ical/kalender.ics")))[0]
    assert second["SEQUENCE"] > first["SEQUENCE"]
    assert second["SEQUENCE"] == Event.objects.get(pk=event.pk).sequence
    assert str(second["UID"]) == str(first["UID"]) == event.uid


def test_feed_covers_recent_past_and_running_series(client, make_event):
    now = timezone.now()
    make_event(title="Nyss", start=now - datetime.timedelta(days=30))
    make_event(title="Länge sedan", start=now - datetime.timedelta(days=200))
    make_event(
        title="Pågående serie",
        start=now - datetime.timedelta(days=400),
        rrule="FREQ=WEEKLY",
    )
    make_event(
        title="Avslutad serie",
        start=now - datetime.timedelta(days=400),
        rrule="FREQ=WEEKLY;COUNT=3",
    )
    assert summaries(parse(client.get("/ical/kalender.ics"))) == {
        "Nyss",
        "Pågående serie",
    }


def test_cache_headers(client, make_event, member):
    make_event()
    assert client.get("/ical/kalender.ics")["Cache-Control"] == "public, max-age=300"
    assert (
        client.get("/ical/forum/tia-skane.ics")["Cache-Control"]
        == "public, max-age=300"
    )
    response = client.get(personal_url(member(Level.SAMRAD)))
    assert response["Cache-Control"] == "private, max-age=300"
