"""The calendar pages: month grid, list, filters, visibility and query counts."""

import datetime
from urllib.parse import quote
from uuid import uuid4

import icalendar
import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.formats import date_format

from core.geography.models import County, SubRegion
from events.calendar import expand, month_grid, month_window, rule_in_words
from events.models import STOCKHOLM, Event, OccurrenceOverride
from forum.models import Level, Visibility
from tests.dates import TUESDAY, at, local, next_weekday, next_year, today
from tests.factories import (
    ForumFactory,
    MembershipFactory,
    ParticipationFactory,
    UserFactory,
)

DAY, WEEK = datetime.timedelta(days=1), datetime.timedelta(weeks=1)
MONDAY = 0

# March 2021 has the layout the month-grid tests are about: Tuesdays on the
# 2nd, 9th, 16th, 23rd and 30th, and summer time from Sunday 28 March, so the
# 23rd is at UTC+1 and the 30th at UTC+2. The clock stands in January 2021,
# before all of it, whatever the machine's date.
BEFORE_MARCH_2021 = pytest.mark.time_machine(local(2021, 1, 4, 12))


def make_event(forum, start, hours=2, **fields):
    fields.setdefault("title", "Möte")
    fields.setdefault("kind", Event.Kind.NETWORK_MEETING)
    fields.setdefault("visibility", Visibility.PUBLIC)
    return Event.objects.create(
        forum=forum, start=start, end=start + datetime.timedelta(hours=hours), **fields
    )


def member(forum, level):
    participation = ParticipationFactory(forum=forum, level=level)
    return MembershipFactory(organisation=participation.organisation).user


@pytest.fixture
def forum(db):
    return ForumFactory(slug="tia-skane", name="TIA Skåne")


def cells(html):
    """{ISO date: the cell} for the month grid in ``html``."""
    soup = BeautifulSoup(html, "html.parser")
    result = {}
    for td in soup.select("table.calendar-month td"):
        stamp = td.find("time")["datetime"]
        result[stamp] = td
    return result


# --- the weekly series across daylight saving time -------------------------


@pytest.fixture
def weekly(forum):
    return make_event(
        forum,
        local(2021, 3, 2, 17),
        title="Veckomöte",
        rrule="FREQ=WEEKLY;BYDAY=TU",
    )


@BEFORE_MARCH_2021
def test_weekly_series_on_its_days_across_the_dst_change(client, weekly):
    response = client.get("/kalender/?manad=2021-03")
    assert response.status_code == 200
    grid = cells(response.content.decode())
    for day in (2, 9, 16, 23, 30):
        assert "Veckomöte" in grid[f"2021-03-{day:02d}"].text, day
    for day in (1, 3, 22, 24, 29, 31):
        assert "Veckomöte" not in grid[f"2021-03-{day:02d}"].text, day
    # Before and after the last Sunday of March (28th): still 17:00 local.
    assert "17:00" in grid["2021-03-23"].text
    assert "17:00" in grid["2021-03-30"].text
    times = [t["datetime"] for t in grid["2021-03-30"].select(".occurrence time")]
    assert times == ["2021-03-30T17:00:00+02:00"]
    times = [t["datetime"] for t in grid["2021-03-23"].select(".occurrence time")]
    assert times == ["2021-03-23T17:00:00+01:00"]


@BEFORE_MARCH_2021
def test_month_grid_helper_places_occurrences(weekly):
    weeks, first, last = month_window(2021, 3)
    start = datetime.datetime.combine(first, datetime.time(), tzinfo=STOCKHOLM)
    end = datetime.datetime.combine(
        last + datetime.timedelta(days=1), datetime.time(), tzinfo=STOCKHOLM
    )
    events = Event.objects.overlapping(start, end).with_calendar_relations()
    grid = month_grid(2021, 3, expand(events, start, end), datetime.date(2021, 3, 9))
    by_date = {day.date: day for week in grid for day in week}
    assert [
        o.local_start.hour for o in by_date[datetime.date(2021, 3, 30)].occurrences
    ] == [17]
    assert by_date[datetime.date(2021, 3, 9)].is_today
    assert not by_date[datetime.date(2021, 3, 31)].occurrences


@BEFORE_MARCH_2021
def test_exdate_is_left_out_and_overridden_occurrence_shows_cancelled(client, weekly):
    weekly.exdates = ["2021-03-09"]
    weekly.save()
    OccurrenceOverride.objects.create(
        event=weekly, original_start=local(2021, 3, 16, 17), cancelled=True
    )
    grid = cells(client.get("/kalender/?manad=2021-03").content.decode())
    assert "Veckomöte" not in grid["2021-03-09"].text
    assert "Inställt" in grid["2021-03-16"].text
    assert "Inställt" not in grid["2021-03-23"].text


@BEFORE_MARCH_2021
def test_cancelled_event_shows_cancelled(client, forum):
    make_event(forum, local(2021, 3, 4, 9), title="Avblåst", cancelled=True)
    grid = cells(client.get("/kalender/?manad=2021-03").content.decode())
    assert "Inställt" in grid["2021-03-04"].text


@BEFORE_MARCH_2021
def test_moved_occurrence_shows_on_the_new_day(client, weekly):
    OccurrenceOverride.objects.create(
        event=weekly,
        original_start=local(2021, 3, 16, 17),
        start=local(2021, 3, 17, 10),
        end=local(2021, 3, 17, 12),
    )
    grid = cells(client.get("/kalender/?manad=2021-03").content.decode())
    assert "Veckomöte" not in grid["2021-03-16"].text
    assert "10:00" in grid["2021-03-17"].text


@BEFORE_MARCH_2021
def test_occurrence_moved_into_another_month_shows_there(client, weekly):
    OccurrenceOverride.objects.create(
        event=weekly,
        original_start=local(2021, 3, 23, 17),
        start=local(2021, 4, 8, 10),
        end=local(2021, 4, 8, 12),
    )
    march = cells(client.get("/kalender/?manad=2021-03").content.decode())
    assert "Veckomöte" not in march["2021-03-23"].text
    april = cells(client.get("/kalender/?manad=2021-04").content.decode())
    assert "10:00" in april["2021-04-08"].text
    assert "Veckomöte" in april["2021-04-08"].text
    # Shown once, on its new day only.
    assert sum("Veckomöte" in cell.text for cell in april.values()) == sum(
        "Veckomöte" in april[day].text
        for day in ("2021-03-30", "2021-04-06", "2021-04-08", "2021-04-13")
        + ("2021-04-20", "2021-04-27", "2021-05-04")
        if day in april
    )


def test_today_is_marked_not_by_colour_only(client, forum):
    html = client.get("/kalender/").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    today = soup.select('td[aria-current="date"]')
    assert len(today) == 1
    assert "idag" in today[0].text
    assert soup.select("table.calendar-month caption")
    assert len(soup.select('table.calendar-month th[scope="col"]')) == 7


def test_previous_and_next_month_links(client, forum):
    year = next_year()
    html = client.get(f"/kalender/?manad={year}-01&slag=training").content.decode()
    assert f"manad={year - 1}-12&amp;slag=training" in html
    assert f"manad={year}-02&amp;slag=training" in html


def test_rule_in_words():
    assert rule_in_words("FREQ=WEEKLY;BYDAY=TU") == "Varje vecka på tisdag"
    assert rule_in_words("FREQ=MONTHLY;BYDAY=2TU") == "Andra tisdag varje månad"
    assert rule_in_words("FREQ=WEEKLY;INTERVAL=2") == "Var 2:e vecka"
    assert rule_in_words("FREQ=YEARLY;BYMONTH=3") is None


# --- the list view ---------------------------------------------------------


def test_list_shows_the_next_60_days(client, forum):
    now = timezone.now()
    make_event(forum, now + datetime.timedelta(days=3), title="Snart")
    make_event(forum, now + datetime.timedelta(days=90), title="Långt bort")
    make_event(forum, now - datetime.timedelta(days=3), title="Förbi")
    html = client.get("/kalender/?visa=lista").content.decode()
    assert "Snart" in html
    assert "Långt bort" not in html
    assert "Förbi" not in html


# --- visibility ------------------------------------------------------------


@pytest.fixture
def levels(forum):
    start = timezone.now() + datetime.timedelta(days=2)
    return {
        "public": make_event(forum, start, title="Öppet möte"),
        "dialog": make_event(
            forum, start, title="Hemligt dialogmöte", visibility=Visibility.DIALOG
        ),
    }


def pages(client, event):
    month = timezone.localdate(event.start).strftime("%Y-%m")
    return (
        client.get(f"/kalender/?manad={month}").content.decode(),
        client.get("/kalender/?visa=lista").content.decode(),
    )


def test_anonymous_sees_only_public_events(client, levels):
    grid, listing = pages(client, levels["public"])
    for html in (grid, listing):
        assert "Öppet möte" in html
        assert "Hemligt dialogmöte" not in html
    assert client.get(f"/kalender/{levels['dialog'].pk}/").status_code == 404
    assert client.get(f"/kalender/{levels['public'].pk}/").status_code == 200


def test_samrad_member_does_not_see_a_dialog_event(client, forum, levels):
    client.force_login(member(forum, Level.SAMRAD))
    grid, listing = pages(client, levels["public"])
    for html in (grid, listing):
        assert "Öppet möte" in html
        assert "Hemligt dialogmöte" not in html
    assert client.get(f"/kalender/{levels['dialog'].pk}/").status_code == 404
    forum_page = client.get("/forum/tia-skane/kalender/?visa=lista").content.decode()
    assert "Hemligt dialogmöte" not in forum_page
    assert "Öppet möte" in forum_page


def test_dialog_member_and_convener_see_it(client, forum, levels):
    convener = UserFactory()
    forum.conveners.add(convener)
    for user in (member(forum, Level.DIALOG), convener):
        client.force_login(user)
        grid, listing = pages(client, levels["public"])
        for html in (grid, listing):
            assert "Hemligt dialogmöte" in html
        assert client.get(f"/kalender/{levels['dialog'].pk}/").status_code == 200


def test_forum_calendar_shows_only_that_forum(client, forum, levels):
    other = ForumFactory(slug="annat")
    make_event(other, levels["public"].start, title="Annat forums möte")
    client.force_login(member(forum, Level.PARTNERSKAP))
    html = client.get("/forum/tia-skane/kalender/?visa=lista").content.decode()
    assert "Hemligt dialogmöte" in html
    assert "Annat forums möte" not in html
    assert client.get("/forum/annat/kalender/").status_code == 403


def test_online_link_only_for_members(client, forum):
    event = make_event(
        forum,
        timezone.now() + datetime.timedelta(days=1),
        online_url="https://meet.example.org/abc",
    )
    assert (
        "meet.example.org" not in client.get(f"/kalender/{event.pk}/").content.decode()
    )
    client.force_login(member(forum, Level.INFORMATION))
    assert "meet.example.org" in client.get(f"/kalender/{event.pk}/").content.decode()


# --- filters and bad input -------------------------------------------------


def test_filters(client, forum):
    other = ForumFactory(slug="annat")
    county = County.objects.get(code="12")
    malmo = SubRegion.objects.create(county=county, name="Malmö", slug="malmo")
    when = timezone.now() + datetime.timedelta(days=2)
    make_event(forum, when, title="Utbildning A", kind=Event.Kind.TRAINING)
    make_event(forum, when, title="Nätverk B", subregion=malmo)
    make_event(other, when, title="Annat C")
    html = client.get("/kalender/?visa=lista&slag=training").content.decode()
    assert "Utbildning A" in html and "Nätverk B" not in html
    html = client.get("/kalender/?visa=lista&forum=annat").content.decode()
    assert "Annat C" in html and "Utbildning A" not in html
    html = client.get("/kalender/?visa=lista&delregion=malmo").content.decode()
    assert "Nätverk B" in html and "Utbildning A" not in html
    assert 'class="notice"' not in html


@pytest.mark.parametrize(
    "query",
    [
        "manad=2026-13",
        "manad=abc",
        "slag=<script>alert(1)</script>",
        "forum=nope",
        "delregion=nope",
        "manad=0000-00",
    ],
)
def test_bad_parameters_give_a_note(client, forum, query):
    make_event(forum, timezone.now() + datetime.timedelta(days=1), title="Möte X")
    response = client.get(f"/kalender/?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="notice"' in html
    assert "<script>alert" not in html
    if query.startswith("manad"):
        assert f'value="{timezone.localdate():%Y-%m}"' in html


def test_bad_occurrence_on_detail_gives_a_note(client, forum):
    event = make_event(forum, timezone.now() + datetime.timedelta(days=1))
    response = client.get(f"/kalender/{event.pk}/?tillfalle=nonsense")
    assert response.status_code == 200
    assert 'class="notice"' in response.content.decode()


# Keys at the ends of what a datetime can hold: arithmetic on them overflowed.
FAR_OFF_KEYS = [
    "9999-12-31T23:59:59+14:00",
    "9999-12-31T23:59:59.999999",
    "9999-12-31",
    "0001-01-01T00:00:00-14:00",
    "0001-01-01",
]


@pytest.mark.parametrize("key", FAR_OFF_KEYS)
@pytest.mark.parametrize("rrule", ["", "FREQ=WEEKLY;BYDAY=TU"])
def test_far_off_occurrence_on_detail_gives_a_note(client, forum, key, rrule):
    event = make_event(forum, at(next_weekday(TUESDAY), 17), rrule=rrule)
    response = client.get(f"/kalender/{event.pk}/", {"tillfalle": key})
    assert response.status_code == 200
    assert "Mötet har inget sådant tillfälle." in response.content.decode()


def test_detail_of_a_series_lists_the_next_ten(client, forum, time_machine):
    # A Monday noon; the series began on a Tuesday three weeks before.
    monday = next_weekday(MONDAY)
    time_machine.move_to(at(monday, 12))
    tomorrow = monday + DAY
    event = make_event(
        forum,
        at(tomorrow - 3 * WEEK, 17),
        title="Serie",
        rrule="FREQ=WEEKLY;BYDAY=TU",
        description="<p>Hej <strong>alla</strong></p>",
    )
    html = client.get(f"/kalender/{event.pk}/").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    listed = [t["datetime"] for t in soup.select(".occurrence-list li time")]
    assert listed == [at(tomorrow + n * WEEK, 17).isoformat() for n in range(10)]
    assert "Varje vecka på tisdag" in html
    assert "<strong>alla</strong>" in html
    assert f"/ical/handelse/{event.pk}.ics" in html
    link = soup.select(".occurrence-list a")[0]["href"]
    assert link == f"?tillfalle={quote(at(tomorrow, 17).isoformat(), safe='')}"
    chosen = client.get(f"/kalender/{event.pk}/{link}").content.decode()
    assert "Det här tillfället" in chosen


# --- all-day events --------------------------------------------------------


def all_day(forum, first, end, **fields):
    """An all-day event from ``first`` until ``end`` (exclusive, as in iCalendar)."""
    fields.setdefault("title", "Heldag")
    return Event.objects.create(
        forum=forum,
        kind=Event.Kind.TRAINING,
        visibility=Visibility.PUBLIC,
        start=first,
        end=end,
        all_day=True,
        **fields,
    )


def when(client, event):
    """The dates the event's page gives under "När"."""
    soup = BeautifulSoup(client.get(f"/kalender/{event.pk}/").content, "html.parser")
    section = soup.find(id="when-heading").parent
    return [time["datetime"] for time in section.select("p time")], section.text


def cell(client, day):
    html = client.get(f"/kalender/?manad={day:%Y-%m}").content.decode()
    return cells(html)[day.isoformat()].text


def dtend(client, event):
    content = client.get(f"/ical/handelse/{event.pk}.ics").content
    (component,) = icalendar.Calendar.from_ical(content).walk("VEVENT")
    return component["DTSTART"].dt, component["DTEND"].dt


def test_an_all_day_event_shows_the_days_it_runs(client, forum):
    first = today() + 10 * DAY
    one_day = all_day(forum, at(first), at(first + DAY), title="Studiedag")
    two_days = all_day(forum, at(first), at(first + 2 * DAY), title="Tvådagarskurs")
    # Ticked "heldag" with office hours: still that one day …
    office_hours = all_day(forum, at(first, 9), at(first, 16), title="Kursdag")
    # … or those two days.
    two_office_days = all_day(
        forum, at(first, 9), at(first + DAY, 16), title="Tvådagarskurs 9–16"
    )
    with translation.override("sv"):
        first_text = date_format(first, "l j F Y")
        second_text = date_format(first + DAY, "l j F Y")

    for event in (one_day, office_hours):
        dates, text = when(client, event)
        assert dates == [first.isoformat()]
        assert first_text in text and second_text not in text
        # iCalendar: DTEND is the day after the last day (exclusive).
        assert dtend(client, event) == (first, first + DAY)

    for event in (two_days, two_office_days):
        dates, text = when(client, event)
        assert dates == [first.isoformat(), (first + DAY).isoformat()]
        assert f"{first_text} – {second_text}" in " ".join(text.split())
        assert dtend(client, event) == (first, first + 2 * DAY)
    assert "Tvådagarskurs" in cell(client, first)
    assert "Tvådagarskurs" in cell(client, first + DAY)
    assert "Tvådagarskurs" not in cell(client, first + 2 * DAY)


# --- query counts ----------------------------------------------------------


def bulk_events(forum, count):
    base = at(today(), 8)
    Event.objects.bulk_create(
        Event(
            forum=forum,
            kind=Event.Kind.NETWORK_MEETING,
            title=f"Möte {n}",
            visibility=Visibility.PUBLIC if n % 2 else Visibility.SAMRAD,
            start=base + datetime.timedelta(hours=n % 600),
            end=base + datetime.timedelta(hours=n % 600 + 1),
            rrule="FREQ=WEEKLY" if n % 10 == 0 else "",
            uid=str(uuid4()),
        )
        for n in range(count)
    )


def count_queries(client, url):
    client.get(url)  # the first request of a session reads more (session, user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", ["/kalender/", "/kalender/?visa=lista"])
def test_query_count_does_not_grow_with_events(client, forum, url):
    client.force_login(member(forum, Level.SAMRAD))
    bulk_events(forum, 10)
    small = count_queries(client, url)
    bulk_events(forum, 990)
    large = count_queries(client, url)
    assert small == large
    # 9 for the page (forums, sub-regions, the first event and the first
    # activity, events, overrides; the directory's municipalities, languages
    # and activities); the rest are session, user and what base.html reads
    # (site, settings, navigation). With activities, tests/events/
    # test_calendar_activities.py.
    assert large <= 17


def test_forum_calendar_query_count(client, forum):
    client.force_login(member(forum, Level.SAMRAD))
    url = "/forum/tia-skane/kalender/"
    bulk_events(forum, 10)
    small = count_queries(client, url)
    bulk_events(forum, 990)
    assert count_queries(client, url) == small
