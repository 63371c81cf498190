"""The directory's filter as a calendar subscription (``/ical/aktiviteter.ics``).

It takes the directory page's parameters and holds exactly the sessions of the
activities the page lists: expanded with recurring-ical-events, the file gives
the sessions the directory computes, cancelled dates left out.
"""

import datetime

import icalendar
import pytest
import recurring_ical_events
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.geography.models import Municipality
from directory.ical import upcoming_sessions
from tests.dates import next_year, summer_time_starts
from tests.directory.public import LIST_URL, STOCKHOLM, days, today

from .conftest import ActivityFactory, WeeklyActivityFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("skane_subregions")]

FEED = "/ical/aktiviteter.ics"


def place(name):
    return Municipality.objects.get(name=name, county__code="12")


def weekly(title, town, languages=("sv",), support=(), **fields):
    start = today() - days(14)
    return WeeklyActivityFactory(
        title=title,
        municipality=place(town),
        start_date=start,
        end_date=start + days(140),
        languages=list(languages),
        support=list(support),
        **fields,
    )


@pytest.fixture
def activities(directory_page):
    soon = today() + days(10)
    return {
        "ystad_ar": weekly(
            "Svenska med stöd på arabiska",
            "Ystad",
            support=["ar"],
            venue="Biblioteket",
            exdates=[(today() + days(21)).isoformat()],
        ),
        "ystad_taught_ar": weekly("Samhällsinfo på arabiska", "Ystad", ["ar"]),
        "ystad_sv": weekly("Språkcafé", "Ystad"),
        "malmo_ar": weekly("Svenska i Malmö", "Malmö", support=["ar"]),
        "ystad_once": ActivityFactory(
            title="Studiebesök",
            municipality=place("Ystad"),
            start_date=soon,
            support=["ar"],
        ),
        "draft": weekly("Utkast", "Ystad", support=["ar"], status="draft"),
        "unconfirmed": weekly(
            "Obekräftad",
            "Ystad",
            support=["ar"],
            last_confirmed=today() - days(130),
        ),
    }


def parse(response):
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def expanded(calendar, first, last):
    """{(UID, date)} of every session from ``first`` to ``last`` inclusive."""
    found = recurring_ical_events.of(calendar).between(first, last + days(1))
    return {
        (str(event["UID"]), event["DTSTART"].dt.astimezone(STOCKHOLM).date())
        for event in found
    }


def computed(activities, first, last):
    """The same, as the directory computes it for its pages."""
    return {
        (f"activity-{activity.pk}@testserver", day)
        for activity in activities
        for day in upcoming_sessions(activity, first, last)
    }


def test_the_filtered_feed_holds_exactly_the_listed_activities_sessions(
    client, activities
):
    query = {"kommun": place("Ystad").slug, "sprak": "ar"}
    listed = client.get(LIST_URL, query).context["activities"]
    assert {a.title for a in listed} == {
        "Svenska med stöd på arabiska",
        "Samhällsinfo på arabiska",
        "Studiebesök",
    }
    calendar = parse(client.get(FEED, query))
    first, last = today(), today() + days(100)
    sessions = expanded(calendar, first, last)
    assert sessions == computed(listed, first, last)
    # The cancelled date is not among them, and each activity is one VEVENT.
    cancelled = (
        f"activity-{activities['ystad_ar'].pk}@testserver",
        today() + days(21),
    )
    assert cancelled not in sessions
    assert len(calendar.walk("VEVENT")) == 3
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Stockholm"
    assert "Ystad" in str(calendar["X-WR-CALNAME"])


def test_each_event_carries_its_series_place_and_page(client, activities):
    activity = activities["ystad_ar"]
    calendar = parse(client.get(FEED, {"kommun": place("Ystad").slug}))
    [event] = [
        e
        for e in calendar.walk("VEVENT")
        if str(e["UID"]) == f"activity-{activity.pk}@testserver"
    ]
    assert event["RRULE"]["FREQ"] == ["WEEKLY"]
    assert event["EXDATE"].dts[0].dt.date() == today() + days(21)
    assert "Biblioteket" in str(event["LOCATION"])
    assert str(event["URL"]) == (
        f"http://testserver{LIST_URL}aktivitet/{activity.slug}/"
    )
    # The same UID as the activity's own file: one event in the subscriber's
    # calendar, whichever they added first.
    single = icalendar.Calendar.from_ical(
        client.get(f"/ical/aktivitet/{activity.slug}.ics").content
    )
    assert single.walk("VEVENT")[0]["UID"] == event["UID"]


def test_without_filters_it_holds_every_public_activity(client, activities):
    calendar = parse(client.get(FEED))
    uids = {str(e["UID"]) for e in calendar.walk("VEVENT")}
    public = {"ystad_ar", "ystad_taught_ar", "ystad_sv", "malmo_ar", "ystad_once"}
    assert uids == {f"activity-{activities[k].pk}@testserver" for k in public}


@pytest.mark.parametrize(
    "query",
    [
        {"kommun": "ingenstans"},
        {"sprak": "xx"},
        {"omrade": "astrologi"},
        {"delregion": "'; DROP TABLE"},
        {"q": "a" * 500},
        {"kommun": "\x00"},
    ],
)
def test_a_value_that_names_nothing_is_refused_with_400(client, activities, query):
    response = client.get(FEED, query)
    assert response.status_code == 400
    assert "Okänt värde" in response.content.decode()


def test_a_place_without_activities_gives_an_empty_calendar(client, activities):
    # Lund exists but has no activities: a subscription stays valid.
    calendar = parse(client.get(FEED, {"kommun": place("Lund").slug}))
    assert calendar.walk("VEVENT") == []
    # The page and sort order decide nothing here.
    assert parse(client.get(FEED, {"sida": "x", "sortering": "?"}))


def test_cache_headers_and_not_modified(client, activities):
    response = client.get(FEED, {"sprak": "ar"})
    assert response["Cache-Control"] == "public, max-age=300"
    etag = response["ETag"]
    again = client.get(FEED, {"sprak": "ar"}, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    # Another filter, or a changed activity, is another file.
    assert client.get(FEED, {"sprak": "sv"})["ETag"] != etag
    activity = activities["malmo_ar"]
    activity.title = "Svenska i Malmö, ny tid"
    activity.save()
    changed = client.get(FEED, {"sprak": "ar"}, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert "ny tid" in changed.content.decode()


def test_the_query_count_does_not_grow_with_activities(client, directory_page):
    def count():
        with CaptureQueriesContext(connection) as queries:
            parse(client.get(FEED, {"sprak": "ar", "kommun": place("Ystad").slug}))
        return len(queries)

    for n in range(5):
        weekly(f"Liten {n}", "Ystad", support=["ar"])
    client.get(FEED)  # the first request reads the site's pages once
    small = count()
    for n in range(60):
        weekly(f"Stor {n}", "Ystad", support=["ar"], exdates=[today().isoformat()])
    assert count() == small <= 7


def test_the_directory_page_offers_its_filter_as_a_subscription(client, activities):
    ystad = place("Ystad").slug
    response = client.get(LIST_URL, {"kommun": ystad, "sprak": "ar", "sida": "1"})
    soup = BeautifulSoup(response.content, "html.parser")
    link = soup.find("a", string="Prenumerera på de här aktiviteterna")
    assert link["href"] == f"webcal://testserver{FEED}?kommun={ystad}&sprak=ar"
    https = soup.select_one(".directory-feed__address a")["href"]
    assert https == f"http://testserver{FEED}?kommun={ystad}&sprak=ar"
    # Following it gives the page's activities.
    calendar = parse(client.get(https.removeprefix("http://testserver")))
    assert len(calendar.walk("VEVENT")) == 3

    unfiltered = BeautifulSoup(client.get(LIST_URL).content, "html.parser")
    assert unfiltered.find("a", string="Prenumerera på alla aktiviteter")["href"] == (
        f"webcal://testserver{FEED}"
    )


def test_sessions_across_the_daylight_saving_change_keep_their_local_time(
    client, directory_page
):
    change = summer_time_starts(next_year())
    start = change - days(14)
    WeeklyActivityFactory(
        title="Kvällskurs",
        start_date=start,
        end_date=start + days(35),
        start_time=datetime.time(18, 0),
        end_time=datetime.time(20, 0),
    )
    calendar = parse(client.get(FEED))
    found = recurring_ical_events.of(calendar).between(start, start + days(36))
    times = {e["DTSTART"].dt.astimezone(STOCKHOLM).time() for e in found}
    assert times == {datetime.time(18, 0)}
    assert len(found) == 6
