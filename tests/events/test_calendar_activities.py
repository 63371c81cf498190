"""The public calendar shows the directory's activity sessions beside the
forums' public events, with a filter; it links its feeds; and its month pages
stop where the calendar has nothing more to offer."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from core.geography.models import Municipality
from directory.models import DirectoryPage
from events.calendar_views import MONTHS_AHEAD, MONTHS_BACK
from events.models import Event
from forum.models import Level, Visibility
from tests.dates import at, next_weekday, today
from tests.directory.conftest import ActivityFactory, WeeklyActivityFactory

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
THURSDAY = 3


def place(name):
    return Municipality.objects.get(name=name, county__code="12")


@pytest.fixture
def directory_page(db):
    home = Page.objects.get(depth=2, locale__language_code="sv").specific
    page = home.add_child(
        instance=DirectoryPage(title="Aktiviteter", slug="aktiviteter")
    )
    page.save_revision().publish()
    return page


def month_of(day, shift=0):
    index = day.year * 12 + day.month - 1 + shift
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def shown_titles(response):
    page = soup(response)
    return {t.get_text(strip=True) for t in page.select(".occurrence__title")}


@pytest.fixture
def calendar(forum, directory_page):
    """A public meeting next week, and activities on the coming Thursdays."""
    thursday = next_weekday(THURSDAY)
    meeting = Event.objects.create(
        forum=forum,
        kind=Event.Kind.NETWORK_MEETING,
        title="Nätverksmöte",
        visibility=Visibility.PUBLIC,
        start=at(thursday, 9),
        end=at(thursday, 11),
    )
    cafe = WeeklyActivityFactory(
        title="Språkcafé i Ystad",
        municipality=place("Ystad"),
        start_date=thursday,
        end_date=thursday + 10 * 7 * DAY,
        support=["ar"],
        exdates=[(thursday + 7 * DAY).isoformat()],
    )
    malmo = WeeklyActivityFactory(
        title="Samhällsinfo i Malmö",
        municipality=place("Malmö"),
        start_date=thursday,
        end_date=thursday + 10 * 7 * DAY,
        languages=["ti"],
    )
    hidden = [
        WeeklyActivityFactory(title="Utkastet", start_date=thursday, status="draft"),
        WeeklyActivityFactory(
            title="Obekräftad",
            start_date=thursday,
            last_confirmed=today() - 130 * DAY,
        ),
    ]
    return {
        "thursday": thursday,
        "meeting": meeting,
        "cafe": cafe,
        "malmo": malmo,
        "hidden": hidden,
    }


def month_url(day, **params):
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"/kalender/?manad={month_of(day)}" + (f"&{query}" if query else "")


def test_the_month_shows_activity_sessions_beside_events(client, calendar):
    thursday = calendar["thursday"]
    page = soup(client.get(month_url(thursday)))
    cell = next(
        td
        for td in page.select("table.calendar-month td")
        if td.find("time")["datetime"] == thursday.isoformat()
    )
    titles = [t.get_text(strip=True) for t in cell.select(".occurrence__title")]
    assert titles == ["Nätverksmöte", "Samhällsinfo i Malmö", "Språkcafé i Ystad"]
    link = cell.find("a", class_="occurrence--activity")
    assert link["href"] == f"/aktiviteter/aktivitet/{calendar['malmo'].slug}/"
    assert "Aktivitet · Malmö" in cell.get_text(" ", strip=True)
    assert "17:00" in link.get_text()
    # Drafts and activities nobody has confirmed lately are not public.
    assert not {"Utkastet", "Obekräftad"} & shown_titles(
        client.get(month_url(thursday))
    )


def test_a_cancelled_session_is_marked(client, calendar):
    cancelled = calendar["thursday"] + 7 * DAY
    page = soup(client.get(month_url(cancelled)))
    cell = next(
        td
        for td in page.select("table.calendar-month td")
        if td.find("time")["datetime"] == cancelled.isoformat()
    )
    cafe = cell.find("a", class_="occurrence--cancelled")
    assert "Inställt" in cafe.get_text() and "Språkcafé i Ystad" in cafe.get_text()


def test_the_list_shows_the_coming_sessions(client, calendar):
    titles = shown_titles(client.get("/kalender/?visa=lista"))
    assert {"Nätverksmöte", "Språkcafé i Ystad", "Samhällsinfo i Malmö"} <= titles


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"typ": "moten"}, {"Nätverksmöte"}),
        ({"typ": "aktiviteter"}, {"Språkcafé i Ystad", "Samhällsinfo i Malmö"}),
        ({"kommun": "ystad"}, {"Nätverksmöte", "Språkcafé i Ystad"}),
        ({"sprak": "ar"}, {"Nätverksmöte", "Språkcafé i Ystad"}),
        ({"typ": "aktiviteter", "sprak": "ti"}, {"Samhällsinfo i Malmö"}),
    ],
)
def test_the_filter_picks_events_activities_or_both(client, calendar, params, expected):
    response = client.get(month_url(calendar["thursday"], **params))
    assert shown_titles(response) == expected
    # The list keeps the filter too.
    listing = client.get("/kalender/", {"visa": "lista", **params})
    assert shown_titles(listing) == expected


def test_the_filter_offers_the_places_and_languages_of_activities(client, calendar):
    page = soup(client.get("/kalender/"))
    towns = [o.get_text() for o in page.select("#filter-municipality option")]
    assert towns == ["Alla kommuner", "Malmö", "Ystad"]
    languages = {o["value"] for o in page.select("#filter-language option")}
    assert languages == {"", "sv", "ar", "ti"}


def test_an_unknown_filter_value_is_noted_and_everything_shown(client, calendar):
    response = client.get(month_url(calendar["thursday"], kommun="atlantis", typ="x"))
    text = soup(response).get_text()
    assert "Kommunen i filtret har inga aktiviteter" in text
    assert "Det går inte att visa det urvalet" in text
    assert "Språkcafé i Ystad" in shown_titles(response)


def test_the_forum_calendar_shows_no_activities(client, forum, calendar, member):
    client.force_login(member(Level.INFORMATION))
    response = client.get(f"/forum/{forum.slug}/kalender/?manad={month_of(today())}")
    page = soup(response)
    assert not page.select(".occurrence--activity")
    assert not page.select("#filter-municipality")
    assert not page.select(".calendar-feeds")


def test_the_public_calendar_offers_its_feeds(client, calendar):
    page = soup(client.get("/kalender/"))
    feeds = page.select_one(".calendar-feeds")
    links = [a["href"] for a in feeds.find_all("a")]
    assert "webcal://testserver/ical/kalender.ics" in links
    assert "http://testserver/ical/kalender.ics" in links
    assert "webcal://testserver/ical/aktiviteter.ics" in links
    # The activity filters go with the activities' feed.
    filtered = soup(client.get("/kalender/?kommun=ystad&sprak=ar&slag=training"))
    links = [a["href"] for a in filtered.select(".calendar-feeds a")]
    assert "webcal://testserver/ical/aktiviteter.ics?kommun=ystad&sprak=ar" in links
    # Only activities: only their feed.
    only = soup(client.get("/kalender/?typ=aktiviteter"))
    links = [a["href"] for a in only.select(".calendar-feeds a")]
    assert not any("kalender.ics" in link for link in links)
    # The feeds the page links to answer.
    assert client.get("/ical/aktiviteter.ics?kommun=ystad&sprak=ar").status_code == 200


def make_activities(count, start):
    for n in range(count):
        WeeklyActivityFactory(
            title=f"Kurs {n}",
            start_date=start,
            end_date=start + 20 * 7 * DAY,
            support=["ar"] if n % 2 else [],
            municipality=place("Ystad" if n % 3 else "Lund"),
        )


@pytest.mark.parametrize("url", ["/kalender/", "/kalender/?visa=lista&sprak=ar"])
def test_the_query_count_does_not_grow_with_activities(
    client, forum, directory_page, url
):
    start = next_weekday(THURSDAY) - 14 * DAY

    def count():
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    make_activities(5, start)
    small = count()
    make_activities(150, start)
    assert count() == small
    assert small <= 16


# --- the months worth a page -------------------------------------------------


def test_months_outside_the_useful_range_answer_404(client, forum):
    now = today()
    assert (
        client.get(f"/kalender/?manad={month_of(now, MONTHS_AHEAD)}").status_code == 200
    )
    assert (
        client.get(f"/kalender/?manad={month_of(now, -MONTHS_BACK)}").status_code == 200
    )
    for shift in (MONTHS_AHEAD + 1, -MONTHS_BACK - 1, 12 * 150, -12 * 100):
        response = client.get(f"/kalender/?manad={month_of(now, shift)}")
        assert response.status_code == 404, shift


def test_the_range_reaches_back_to_the_first_event(client, forum):
    long_ago = today().replace(day=15) - 30 * 30 * DAY
    Event.objects.create(
        forum=forum,
        kind=Event.Kind.FORUM_MEETING,
        title="Det första forummötet",
        visibility=Visibility.PUBLIC,
        start=at(long_ago, 10),
        end=at(long_ago, 12),
    )
    first = soup(client.get(f"/kalender/?manad={month_of(long_ago)}"))
    assert "Det första forummötet" in first.get_text()
    assert not first.select('a[rel="prev"]')
    assert client.get(f"/kalender/?manad={month_of(long_ago, -1)}").status_code == 404


def test_the_links_stop_at_the_ends_of_the_range(client, forum):
    last = soup(client.get(f"/kalender/?manad={month_of(today(), MONTHS_AHEAD)}"))
    assert not last.select('a[rel="next"]')
    assert last.select('a[rel="prev"]')
    first = soup(client.get(f"/kalender/?manad={month_of(today(), -MONTHS_BACK)}"))
    assert not first.select('a[rel="prev"]')
    # Every month in between links on both sides.
    this = soup(client.get("/kalender/"))
    assert this.select('a[rel="prev"]') and this.select('a[rel="next"]')


def test_an_empty_month_is_not_indexed(client, calendar):
    busy = soup(client.get(month_url(calendar["thursday"])))
    assert not busy.select('meta[name="robots"]')
    empty = soup(client.get(f"/kalender/?manad={month_of(today(), MONTHS_AHEAD)}"))
    assert empty.select_one('meta[name="robots"]')["content"] == "noindex"


def test_a_month_that_cannot_be_read_shows_this_month_with_a_note(client, forum):
    response = client.get("/kalender/?manad=1800-13")
    assert response.status_code == 200
    assert "Månaden går inte att läsa" in response.content.decode()


def test_a_busy_day_lists_the_first_sessions_and_links_to_the_rest(
    client, forum, calendar
):
    thursday = calendar["thursday"]
    for n in range(12):
        ActivityFactory(title=f"Kurs {n:02d}", start_date=thursday)
    page = soup(client.get(month_url(thursday, sprak="sv")))
    cell = next(
        td
        for td in page.select("table.calendar-month td")
        if td.find("time")["datetime"] == thursday.isoformat()
    )
    # The meeting and three sessions; the other ten behind a link.
    listed = [t.get_text(strip=True) for t in cell.select(".occurrence__title")]
    assert len(listed) == 4 and listed[0] == "Nätverksmöte"
    more = cell.find("a", class_="calendar-day__more")
    assert more.get_text(" ", strip=True).startswith("10 aktiviteter till")
    day = soup(client.get("/kalender/" + more["href"]))
    titles = {t.get_text(strip=True) for t in day.select(".occurrence__title")}
    # The filter goes along: Swedish activities, and the meeting.
    assert titles == {"Nätverksmöte", "Språkcafé i Ystad"} | {
        f"Kurs {n:02d}" for n in range(12)
    }
    assert day.select_one('meta[name="robots"]')["content"] == "noindex"
    assert day.select_one("h2 time")["datetime"] == thursday.isoformat()
    # The list of the coming days lists ten sessions a day.
    listing = soup(client.get("/kalender/?visa=lista"))
    [heading] = [
        h
        for h in listing.select(".calendar-list h3")
        if h.find("time")["datetime"] == thursday.isoformat()
    ]
    item = heading.parent
    assert len(item.select(".occurrence--activity")) == 10
    assert "4 aktiviteter till" in item.find("a", class_="calendar-day__more").text


def test_a_day_outside_the_range_or_unreadable(client, forum):
    far = today().replace(day=1) + 800 * DAY
    assert client.get(f"/kalender/?visa=lista&dag={far.isoformat()}").status_code == 404
    response = client.get("/kalender/?visa=lista&dag=igår")
    assert response.status_code == 200
    assert "Dagen går inte att läsa" in response.content.decode()
