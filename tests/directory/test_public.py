"""The public activity directory: list, filters, detail, .ics file, travel routes."""

import datetime
import json
import re
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
from django.test import Client
from django.utils import timezone

from core.geography.models import Municipality
from directory.models import Activity, Language, TravelRoute
from partners.models import ContactPerson
from tests.dates import next_year, summer_time_starts, winter_time_starts
from tests.factories import OrganisationFactory

from .conftest import ActivityFactory, WeeklyActivityFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("skane_subregions")]

LIST_URL = "/aktiviteter/"
STOCKHOLM = ZoneInfo("Europe/Stockholm")
WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def today():
    return timezone.localdate()


def days(n):
    return datetime.timedelta(days=n)


def detail_url(activity):
    return f"{LIST_URL}aktivitet/{activity.slug}/"


def ics_url(page, activity):
    return f"/ical/aktivitet/{activity.slug}.ics"


def get_ics(page, activity):
    """The activity's .ics, fetched over HTTP from its machine endpoint."""
    response = Client().get(ics_url(page, activity))
    assert response.status_code == 200, response.status_code
    return response


def municipality(slug):
    return Municipality.objects.get(slug=slug)


def titles(client, **params):
    response = client.get(LIST_URL, params)
    assert response.status_code == 200
    return [activity.title for activity in response.context["activities"]]


def listed(client, **params):
    return set(titles(client, **params))


# The list


def test_card_shows_what_a_visitor_needs(client, directory_page):
    activity = ActivityFactory(
        title="Språkcafé",
        organisation__name="Röda Korset Malmö",
        target_group=Activity.TargetGroup.WOMEN,
        languages=["ar", "sv"],
        support=["fa"],
    )
    response = client.get(LIST_URL)
    assert response.status_code == 200
    text = response.content.decode()
    assert f'<a href="{detail_url(activity)}">Språkcafé</a>' in text
    assert "Röda Korset Malmö" in text
    assert "Malmö" in text and "Svenska språket" in text
    assert '<span lang="ar" dir="rtl">العربية</span>' in text
    assert '<span lang="fa" dir="rtl">فارسی</span>' in text
    assert '<span lang="sv" dir="ltr">svenska</span>' in text
    assert "Kvinnor" in text
    start = activity.start_date
    assert f'<time datetime="{start:%Y-%m-%d}T17:00">' in text
    assert "17.00–19.00" in text
    assert "1 aktivitet" in text


def test_next_session_of_a_running_weekly_activity_is_in_the_future(
    client, directory_page
):
    WeeklyActivityFactory(start_date=today() - days(30), title="Varje vecka")
    (activity,) = client.get(LIST_URL).context["activities"]
    assert today() <= activity.next_session < today() + days(7)


def test_filter_by_municipality(client, directory_page):
    ActivityFactory(title="I Malmö")
    ActivityFactory(title="I Lund", municipality=municipality("lund"))
    assert listed(client, kommun="malmoe") == {"I Malmö"}
    assert listed(client, kommun="lund") == {"I Lund"}


def test_filter_by_subregion(client, directory_page):
    ActivityFactory(title="I Malmö")
    ActivityFactory(title="I Lund", municipality=municipality("lund"))
    ActivityFactory(title="I Eslöv", municipality=municipality("esloev"))
    assert listed(client, delregion="mellersta-skaane") == {"I Lund", "I Eslöv"}


def test_filter_by_category(client, directory_page):
    ActivityFactory(title="Svenska", category=Activity.Category.SWEDISH)
    ActivityFactory(title="Hälsa", category=Activity.Category.HEALTH)
    assert listed(client, omrade="health") == {"Hälsa"}


def test_language_filter_matches_instruction_or_support_language(
    client, directory_page
):
    ActivityFactory(title="På arabiska", languages=["ar"])
    ActivityFactory(title="Stöd på arabiska", languages=["sv"], support=["ar"])
    ActivityFactory(title="På somaliska", languages=["so"], support=["sv"])
    assert listed(client, sprak="ar") == {"På arabiska", "Stöd på arabiska"}
    assert client.get(LIST_URL, {"sprak": "ar"}).context["paginator"].count == 2


def test_target_group_women_includes_activities_for_everyone(client, directory_page):
    ActivityFactory(title="Kvinnor", target_group="women")
    ActivityFactory(title="Män", target_group="men")
    ActivityFactory(title="Alla", target_group="everyone")
    assert listed(client, malgrupp="women") == {"Kvinnor", "Alla"}
    assert listed(client, malgrupp="men") == {"Män", "Alla"}


def test_text_search_looks_in_title_summary_description_and_organiser(
    client, directory_page
):
    ActivityFactory(title="Cykelskola")
    ActivityFactory(title="B", summary="Vi lagar mat ihop.")
    ActivityFactory(title="C", description="<p>Promenad i parken</p>")
    ActivityFactory(title="D", organisation__name="ABF Skåne")
    ActivityFactory(title="E")
    assert listed(client, q="cykel") == {"Cykelskola"}
    assert listed(client, q="lagar mat") == {"B"}
    assert listed(client, q="promenad") == {"C"}
    assert listed(client, q="abf") == {"D"}


def test_filters_combine(client, directory_page):
    lund = municipality("lund")
    ActivityFactory(
        title="Rätt", municipality=lund, category="health", languages=["ar"]
    )
    ActivityFactory(title="Fel kommun", category="health", languages=["ar"])
    ActivityFactory(title="Fel språk", municipality=lund, category="health")
    ActivityFactory(title="Fel område", municipality=lund, languages=["ar"])
    assert listed(client, kommun="lund", omrade="health", sprak="ar") == {"Rätt"}
    response = client.get(LIST_URL, {"kommun": "lund", "omrade": "health"})
    text = response.content.decode()
    assert "Valda filter" in text and "Rensa alla filter" in text
    # Each active filter can be removed on its own; the others stay.
    assert 'href="/aktiviteter/?omrade=health"' in text
    assert 'href="/aktiviteter/?kommun=lund"' in text


def test_sorting(client, directory_page):
    now = timezone.now()
    ActivityFactory(
        title="Öppet hus",
        start_date=today() + days(1),
        published_at=now - days(10),
    )
    ActivityFactory(title="Ändrad tid", start_date=today() + days(20), published_at=now)
    ActivityFactory(
        title="Bokcirkel",
        start_date=today() - days(30),
        end_date=today() + days(30),
        rrule="FREQ=WEEKLY",
        published_at=now - days(5),
    )
    # Already running counts as starting today.
    assert titles(client) == ["Bokcirkel", "Öppet hus", "Ändrad tid"]
    assert titles(client, sortering="start") == ["Bokcirkel", "Öppet hus", "Ändrad tid"]
    assert titles(client, sortering="titel")[0] == "Bokcirkel"
    assert titles(client, sortering="nyast") == ["Ändrad tid", "Bokcirkel", "Öppet hus"]


def test_pagination_keeps_the_filters_and_links_prev_and_next(client, directory_page):
    for n in range(45):
        ActivityFactory(title=f"Kurs {n:02}", category="health")
    ActivityFactory(title="Annat", category="social")
    response = client.get(LIST_URL, {"omrade": "health", "sortering": "titel"})
    assert len(response.context["activities"]) == 20
    text = response.content.decode()
    assert "45 aktiviteter" in text
    assert 'href="/aktiviteter/?omrade=health&amp;sortering=titel&amp;sida=2"' in text
    assert 'rel="next"' in text and 'rel="prev"' not in text

    response = client.get(
        LIST_URL, {"omrade": "health", "sortering": "titel", "sida": 3}
    )
    assert [a.title for a in response.context["activities"]] == [
        f"Kurs {n:02}" for n in range(40, 45)
    ]
    text = response.content.decode()
    assert 'rel="prev"' in text and 'rel="next"' not in text
    assert "Sida 3 av 3" in text


def test_period_week_uses_the_sessions_not_just_the_dates(client, directory_page):
    weekday = WEEKDAY_CODES[today().weekday()]
    WeeklyActivityFactory(
        title="Varje vecka",
        start_date=today() - days(21),
        rrule=f"FREQ=WEEKLY;BYDAY={weekday}",
    )
    # Runs over this week, but this week's only session is cancelled.
    WeeklyActivityFactory(
        title="Inställd denna vecka",
        start_date=today() - days(21),
        rrule=f"FREQ=WEEKLY;BYDAY={weekday}",
        exdates=[today().isoformat()],
    )
    next_month = (today().replace(day=28) + days(10)).replace(day=5)
    ActivityFactory(title="Nästa månad", start_date=next_month)
    response = client.get(LIST_URL, {"period": "vecka"})
    assert {a.title for a in response.context["activities"]} == {"Varje vecka"}
    assert response.context["paginator"].count == 1
    assert "Nästa månad" not in listed(client, period="manad")
    assert "Varje vecka" in listed(client, period="manad")


def test_ended_and_unpublished_activities_are_not_public(client, directory_page):
    ended = ActivityFactory(
        title="Slutade i går",
        start_date=today() - days(30),
        end_date=today() - days(1),
    )
    draft = ActivityFactory(title="Utkast", status=Activity.Status.DRAFT)
    submitted = ActivityFactory(title="Granskas", status=Activity.Status.SUBMITTED)
    closed = ActivityFactory(title="Avslutad", status=Activity.Status.ENDED)
    ActivityFactory(title="Pågår", start_date=today() - days(3), end_date=today())
    assert listed(client) == {"Pågår"}
    for activity in (ended, draft, submitted, closed):
        assert client.get(detail_url(activity)).status_code == 404
        assert client.get(ics_url(directory_page, activity)).status_code == 404


@pytest.mark.parametrize(
    "params",
    [
        {"kommun": "atlantis"},
        {"delregion": "atlantis"},
        {"omrade": "<script>"},
        {"sprak": "xx"},
        {"malgrupp": "children"},
        {"period": "år"},
        {"sortering": "pris"},
        {"q": "x" * 500},
        {"sida": "abc"},
        {"sida": "99999"},
        {"sida": "-1"},
    ],
)
def test_malformed_values_are_ignored_with_a_note(client, directory_page, params):
    ActivityFactory(title="Kvar")
    response = client.get(LIST_URL, params)
    assert response.status_code == 200
    text = response.content.decode()
    assert re.search(r'<p class="notice" role="status">[^<]*användes inte', text)
    assert [a.title for a in response.context["activities"]] == ["Kvar"]
    assert "<script>" not in text.split("</header>", 1)[1]


def test_ignored_note_names_the_filter_and_valid_filters_still_apply(
    client, directory_page
):
    ActivityFactory(title="Hälsa", category="health")
    ActivityFactory(title="Svenska", category="swedish")
    response = client.get(LIST_URL, {"kommun": "atlantis", "omrade": "health"})
    text = response.content.decode()
    assert re.search(r"användes inte:\s*Kommun\.", text)
    assert {a.title for a in response.context["activities"]} == {"Hälsa"}


def test_empty_municipality_suggests_its_subregion(client, directory_page):
    ActivityFactory(title="Svenska i Lund", municipality=municipality("lund"))
    ActivityFactory(
        title="Hälsa i Lund", municipality=municipality("lund"), category="health"
    )
    ActivityFactory(title="Svenska i Malmö")
    response = client.get(LIST_URL, {"kommun": "esloev", "omrade": "swedish"})
    assert response.status_code == 200
    assert response.context["paginator"].count == 0
    text = response.content.decode()
    assert "Inga aktiviteter matchar" in text
    suggestion = response.context["suggestion"]
    assert suggestion["subregion"].slug == "mellersta-skaane"
    assert (
        suggestion["url"] == "/aktiviteter/?omrade=swedish&delregion=mellersta-skaane"
    )
    assert 'href="/aktiviteter/?omrade=swedish&amp;delregion=mellersta-skaane"' in text
    assert "Aktiviteter i Mellersta Skåne" in text
    assert {a.title for a in suggestion["activities"]} == {
        "Svenska i Lund",
        "Hälsa i Lund",
    }
    assert listed(client, omrade="swedish", delregion="mellersta-skaane") == {
        "Svenska i Lund"
    }


def test_subregion_suggestion_lists_at_most_five(client, directory_page):
    for n in range(7):
        ActivityFactory(title=f"Lund {n}", municipality=municipality("lund"))
    response = client.get(LIST_URL, {"kommun": "esloev"})
    assert len(response.context["suggestion"]["activities"]) == 5


def test_form_works_without_javascript(client, directory_page):
    text = client.get(LIST_URL).content.decode()
    assert '<form class="directory-filters" method="get" action="/aktiviteter/"' in text
    assert '<button type="submit">Visa aktiviteter</button>' in text
    for name in ("q", "kommun", "delregion", "omrade", "sprak", "malgrupp", "period"):
        assert f'<label for="id_{name}">' in text
    assert '<label for="id_sortering">Sortera</label>' in text
    assert '<option value="ar">arabiska – العربية</option>' in text


def _bulk_activities(count, organisation, malmo, swedish, offset=0):
    activities = Activity.objects.bulk_create(
        Activity(
            title=f"Massaktivitet {offset + n}",
            slug=f"mass-{offset + n}",
            summary="Samma sak många gånger.",
            organisation=organisation,
            category=Activity.Category.SOCIAL,
            municipality=malmo,
            start_date=today() - days(n % 20),
            end_date=today() + days(90),
            start_time=datetime.time(10, 0),
            end_time=datetime.time(12, 0),
            rrule="FREQ=WEEKLY" if n % 2 else "",
            status=Activity.Status.PUBLISHED,
            published_at=timezone.now(),
        )
        for n in range(count)
    )
    through = Activity.instruction_languages.through
    through.objects.bulk_create(
        through(activity_id=activity.pk, language_id=swedish.pk)
        for activity in activities
    )
    support = Activity.support_languages.through
    support.objects.bulk_create(
        support(activity_id=activity.pk, language_id=swedish.pk)
        for activity in activities
    )


def test_list_query_count_does_not_grow_with_the_data(
    client, directory_page, django_assert_max_num_queries
):
    organisation = OrganisationFactory()
    malmo = municipality("malmoe")
    swedish = Language.objects.get(code="sv")
    _bulk_activities(10, organisation, malmo, swedish)
    client.get(LIST_URL)  # warm the site and page caches
    with django_assert_max_num_queries(16) as small:
        response = client.get(LIST_URL)
    assert len(response.context["activities"]) == 10

    _bulk_activities(1990, organisation, malmo, swedish, offset=10)
    with django_assert_max_num_queries(16) as large:
        response = client.get(LIST_URL)
    assert response.context["paginator"].count == 2000
    assert len(response.context["activities"]) == 20
    assert len(small.captured_queries) == len(large.captured_queries)


# One activity


def test_detail_shows_the_activity(client, directory_page):
    organisation = OrganisationFactory(
        name="Studieförbundet Vuxenskolan", email="info@sv.example"
    )
    start = today() - days(today().weekday()) + days(1)  # Tuesday this week
    activity = WeeklyActivityFactory(
        title="Svenska på tisdagar",
        organisation=organisation,
        start_date=start,
        end_date=start + days(70),
        rrule="FREQ=WEEKLY;BYDAY=TU",
        venue="Stadsbiblioteket",
        address="Regementsgatan 3",
        latitude="55.601000",
        longitude="12.993000",
        capacity=15,
        join_method=Activity.JoinMethod.REGISTRATION,
        registration_url="https://anmalan.example/svenska",
        accessibility_notes="Hiss finns.",
        funding=Activity.Funding.TIA_GRANT,
        grant_reference="LST 851-2026",
        description="<h2>Om kursen</h2><p>Vi <strong>läser</strong> och pratar.</p>",
        languages=["sv"],
        support=["ar", "ti"],
    )
    response = client.get(detail_url(activity))
    assert response.status_code == 200
    text = response.content.decode()
    assert "<h1>Svenska på tisdagar</h1>" in text
    assert "<strong>läser</strong>" in text
    assert "Varje tisdag 17.00–19.00" in text
    assert len(response.context["sessions"]) == 10
    assert all(day.weekday() == 1 for day in response.context["sessions"])
    assert "Stadsbiblioteket" in text and "Regementsgatan 3" in text
    assert (
        'href="https://www.openstreetmap.org/?mlat=55.601000&amp;mlon=12.993000' in text
    )
    assert "<iframe" not in text
    assert '<span lang="ti" dir="ltr">ትግርኛ</span>' in text
    assert "Antal platser" in text and "15" in text
    assert 'href="https://anmalan.example/svenska"' in text
    assert "Hiss finns." in text
    assert "LST 851-2026" in text
    assert "Uppgifterna bekräftades senast" in text
    assert f'href="{ics_url(directory_page, activity)}"' in text
    # No public contact person: the organisation's own address is shown.
    assert "info@sv.example" in text


def test_contact_person_is_shown_only_when_public(client, directory_page):
    organisation = OrganisationFactory(email="kansli@example.org")
    hidden = ContactPerson.objects.create(
        organisation=organisation,
        name="Dolda Person",
        email="dold@example.org",
        visibility=ContactPerson.Visibility.MEMBERS,
    )
    shown = ContactPerson.objects.create(
        organisation=organisation,
        name="Synliga Person",
        email="synlig@example.org",
        phone="040-12 34 56",
        visibility=ContactPerson.Visibility.PUBLIC,
    )
    private = ActivityFactory(organisation=organisation, contact_person=hidden)
    public = ActivityFactory(organisation=organisation, contact_person=shown)

    text = client.get(detail_url(private)).content.decode()
    assert "Dolda Person" not in text and "dold@example.org" not in text
    assert "kansli@example.org" in text

    text = client.get(detail_url(public)).content.decode()
    assert "Synliga Person" in text and 'href="mailto:synlig@example.org"' in text
    assert 'href="tel:040-123456"' in text


def test_script_in_a_description_never_reaches_the_page(client, directory_page):
    activity = ActivityFactory(
        description='<p>Hej</p><script>alert("x")</script>'
        '<a href="javascript:alert(1)">länk</a><img src=x onerror=alert(2)>'
    )
    text = client.get(detail_url(activity)).content.decode()
    assert "alert(" not in text
    assert "<script>" not in text
    assert "<p>Hej</p>" in text


def jsonld_of(response):
    match = re.search(
        r'<script type="application/ld\+json">(.*?)</script>',
        response.content.decode(),
        re.S,
    )
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


def test_jsonld_describes_a_language_course(client, directory_page):
    activity = WeeklyActivityFactory(
        title="Svenska för nybörjare",
        organisation__name="ABF Malmö",
        organisation__website="https://abf.example",
        rrule="FREQ=WEEKLY;BYDAY=TU,TH",
        description="<p>Vi <em>läser</em> &amp; pratar.</p>",
        exdates=[(today() + days(14)).isoformat()],
        languages=["sv"],
        support=["ar"],
        latitude="55.6",
        longitude="13.0",
        address="Storgatan 1",
    )
    data = jsonld_of(client.get(detail_url(activity)))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "EducationEvent"
    assert data["name"] == "Svenska för nybörjare"
    assert data["description"] == "Vi ses och pratar svenska.\n\nVi läser & pratar."
    assert data["organizer"] == {
        "@type": "Organization",
        "name": "ABF Malmö",
        "url": "https://abf.example",
    }
    assert data["inLanguage"] == ["sv", "ar"]
    assert data["isAccessibleForFree"] is True
    assert data["offers"]["price"] == 0
    schedule = data["eventSchedule"]
    assert schedule["@type"] == "Schedule"
    assert schedule["repeatFrequency"] == "P1W"
    assert schedule["byDay"] == [
        "https://schema.org/Tuesday",
        "https://schema.org/Thursday",
    ]
    assert schedule["exceptDate"] == [(today() + days(14)).isoformat()]
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"]["streetAddress"] == "Storgatan 1"
    assert data["location"]["geo"]["latitude"] == 55.6
    assert data["startDate"].endswith(("+01:00", "+02:00"))
    assert data["url"] == f"http://testserver{detail_url(activity)}"


def test_jsonld_of_an_online_event_and_its_escaping(client, directory_page):
    activity = ActivityFactory(
        title="</script><script>alert(1)</script> & mer",
        category=Activity.Category.HEALTH,
        mode=Activity.Mode.ONLINE,
        registration_url="https://mote.example/rum",
        join_method=Activity.JoinMethod.REGISTRATION,
    )
    response = client.get(detail_url(activity))
    text = response.content.decode()
    assert "<script>alert(1)" not in text
    data = jsonld_of(response)
    assert data["@type"] == "Event"
    assert data["name"] == "</script><script>alert(1)</script> & mer"
    assert data["location"] == {
        "@type": "VirtualLocation",
        "url": "https://mote.example/rum",
    }
    assert "eventSchedule" not in data


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


# Travel reimbursement


def route(from_slug, to_slug, valid_from, valid_until=None):
    return TravelRoute.objects.create(
        from_municipality=municipality(from_slug),
        to_municipality=municipality(to_slug),
        valid_from=valid_from,
        valid_until=valid_until,
        decision_reference=f"MIG {from_slug}-{to_slug}",
    )


def test_travel_note_lists_the_municipalities_with_routes_in_force(
    client, directory_page
):
    route("lund", "malmoe", today() - days(100))
    route("malmoe", "esloev", today() - days(10), today() + days(10))
    route("malmoe", "hoeoer", today() - days(100), today() - days(1))  # expired
    route("malmoe", "ystad", today() + days(1))  # not yet
    route("lund", "esloev", today() - days(100))  # not to Malmö
    activity = ActivityFactory()
    response = client.get(detail_url(activity))
    assert [m.name for m in response.context["travel_from"]] == ["Eslöv", "Lund"]
    text = response.content.decode()
    assert "Resor till aktiviteten ersätts från Eslöv och Lund." in text
    assert "Höör" not in text and "Ystad" not in text


def test_without_routes_the_page_says_so_and_links_the_routes(client, directory_page):
    activity = ActivityFactory(municipality=municipality("ystad"))
    text = client.get(detail_url(activity)).content.decode()
    assert "Reseersättning är inte beviljad för resor till Ystad" in text
    assert 'href="/aktiviteter/reseersattning/"' in text


def test_travel_routes_page_lists_routes_in_force(client, directory_page):
    route("lund", "malmoe", today() - days(100))
    route("malmoe", "hoeoer", today() - days(100), today() - days(1))
    route("ystad", "malmoe", today() - days(5), today() + days(30))
    response = client.get(f"{LIST_URL}reseersattning/")
    assert response.status_code == 200
    text = response.content.decode()
    rows = [(r["municipality"].name, r["other"].name) for r in response.context["rows"]]
    assert rows == [
        ("Lund", "Malmö"),
        ("Malmö", "Lund"),
        ("Malmö", "Ystad"),
        ("Ystad", "Malmö"),
    ]
    assert "MIG lund-malmoe" in text and "MIG malmoe-hoeoer" not in text
    assert "Tills vidare" in text
    assert "2 km" in text and "deltagarintyg" in text
