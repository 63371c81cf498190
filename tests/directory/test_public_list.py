"""The public activity directory's list: the cards, the filters, sorting,
pagination, malformed filter values and the number of queries.
"""

import datetime
import re

import pytest
from django.utils import timezone

from directory.models import Activity, Language
from tests.directory.public import (
    LIST_URL,
    WEEKDAY_CODES,
    days,
    detail_url,
    ics_url,
    listed,
    municipality,
    titles,
    today,
)
from tests.factories import OrganisationFactory

from .conftest import ActivityFactory, WeeklyActivityFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("skane_subregions")]


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


def test_title_order_a_to_oe_is_swedish(client, directory_page):
    for title in ["Örtagård", "Åka skridskor", "Ängsvandring", "yoga", "Zumba"]:
        ActivityFactory(title=title)
    assert titles(client, sortering="titel") == [
        "yoga",
        "Zumba",
        "Åka skridskor",
        "Ängsvandring",
        "Örtagård",
    ]


def _options(text, name):
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', text, re.S)
    return re.findall(r"<option[^>]*>([^<]*)</option>", select[1])


def test_municipalities_and_subregions_are_offered_in_swedish_order(
    client, directory_page
):
    ActivityFactory()  # in Malmö: Skåne's places are offered
    text = client.get(LIST_URL).content.decode()
    municipalities = _options(text, "kommun")[1:]  # after "Alla kommuner"
    assert municipalities[-5:] == [
        "Ystad",
        "Åstorp",
        "Ängelholm",
        "Örkelljunga",
        "Östra Göinge",
    ]
    assert municipalities.index("Höganäs") < municipalities.index("Hörby")
    assert municipalities.index("Hörby") < municipalities.index("Höör")
    assert _options(text, "delregion")[1:] == [
        "Malmö",
        "Mellersta Skåne",
        "Nordvästra Skåne",
        "Nordöstra Skåne",
        "Södra Skåne",
    ]


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
    # The filters are open in the HTML; only site.js folds them on a narrow
    # screen.
    assert '<details class="directory-filters" open data-collapse-narrow>' in text
    assert '<summary class="directory-filters__toggle">Filtrera</summary>' in text
    assert (
        '<form class="directory-filters__form" method="get" action="/aktiviteter/"'
        in text
    )
    assert '<button type="submit">Visa aktiviteter</button>' in text
    for name in ("q", "kommun", "delregion", "omrade", "sprak", "malgrupp", "period"):
        assert f'<label for="id_{name}">' in text
    assert '<label for="id_sortering">Sortera</label>' in text
    assert '<option value="ar">arabiska – العربية</option>' in text


def test_the_number_of_results_is_a_live_region_in_words(client, directory_page):
    for n in range(12):
        ActivityFactory(title=f"Malmö {n}")
    ActivityFactory(title="Lund", municipality=municipality("lund"))
    text = client.get(LIST_URL).content.decode()
    assert '<p class="directory-results__count" role="status">13 aktiviteter</p>' in (
        re.sub(r"\s+(?=<)|(?<=>)\s+", "", text)
    )
    # Filtered: the count is announced again once the page has loaded
    # (site.js), and the folded filters say how many are in use.
    text = client.get(LIST_URL, {"kommun": "lund"}).content.decode()
    flat = re.sub(r"\s+(?=<)|(?<=>)\s+", "", text)
    assert (
        '<p class="directory-results__count" role="status" data-announce>'
        "1 aktivitet</p>" in flat
    )
    assert 'Filtrera <span class="directory-filters__in-use">(1 filter valt)' in text
    text = client.get(LIST_URL, {"kommun": "malmoe", "sprak": "sv"}).content.decode()
    assert "12 aktiviteter" in text
    assert "(2 filter valda)" in text


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
    # Two of them find the page tree in the reader's language (Wagtail's
    # routing: the locale, the home page in it).
    with django_assert_max_num_queries(18) as small:
        response = client.get(LIST_URL)
    assert len(response.context["activities"]) == 10

    _bulk_activities(1990, organisation, malmo, swedish, offset=10)
    with django_assert_max_num_queries(18) as large:
        response = client.get(LIST_URL)
    assert response.context["paginator"].count == 2000
    assert len(response.context["activities"]) == 20
    assert len(small.captured_queries) == len(large.captured_queries)
