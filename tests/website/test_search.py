"""The site search (``/sok/``): everything public, grouped by kind, never a 500.

What it finds: current activities (title, summary, municipality, organiser,
languages by name), guidance and other public pages (title and body), public
events. What it never finds: drafts, ended activities, private events, forum
content, for a visitor and a signed-in member alike.
"""

import datetime
import re

import factory
import pytest
from django.db import connection
from django.test import override_settings
from django.utils import timezone
from hypothesis import HealthCheck, example, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from wagtail.models import Page

from core.geography.models import Municipality
from core.i18n.locales import active_locale_id
from directory.factories import ActivityFactory as BaseActivityFactory
from directory.models import Activity, DirectoryPage, Language
from events.factories import EventFactory
from forum.factories import ThreadFactory
from forum.models import Level, Visibility
from tests.factories import MembershipFactory, ParticipationFactory
from website.home.models import GuidancePage

pytestmark = pytest.mark.django_db

URL = "/sok/"


class ActivityFactory(BaseActivityFactory):
    """A published, current activity (the directory's factory makes drafts)."""

    status = Activity.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


def language(code):
    return Language.objects.get(code=code)


def municipality(name):
    return Municipality.objects.get(name=name)


@pytest.fixture
def directory_page(db):
    home = Page.objects.get(depth=2, locale__language_code="sv")
    page = home.add_child(
        instance=DirectoryPage(title="Aktiviteter", slug="aktiviteter")
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def guidance_page(db):
    home = Page.objects.get(depth=2, locale__language_code="sv")
    page = home.add_child(
        instance=GuidancePage(
            title="Reseersättning till aktiviteter",
            slug="reseersattning",
            intro="Vem som får ersättning för resor.",
            body=[
                {
                    "type": "paragraph",
                    "value": "<p>Migrationsverket betalar bussbiljetten mellan "
                    "godkända kommuner.</p>",
                }
            ],
        )
    )
    page.save_revision().publish()
    return page


def found(response, key=None):
    """Titles found, of one kind or of every kind shown."""
    return [
        result.title
        for group in response.context["shown"]
        if key is None or group["kind"].key == key
        for result in group["results"]
    ]


def counts(response):
    return {group["kind"].key: group["count"] for group in response.context["groups"]}


def text(response):
    return response.content.decode()


# --- what it finds ---------------------------------------------------------


def test_finds_an_activity_by_a_word_in_its_summary(client, directory_page):
    ActivityFactory(
        title="Kvällskurs i svenska",
        summary="Vi läser, skriver och pratar om vardagen.",
    )
    ActivityFactory(title="Promenadgrupp", summary="Vi går längs stranden.")
    response = client.get(URL, {"q": "vardagen"})
    assert response.status_code == 200
    assert found(response) == ["Kvällskurs i svenska"]
    # The result links to the activity's page in the directory.
    assert 'href="/aktiviteter/aktivitet/' in text(response)


def test_finds_activities_by_municipality_in_any_case(client, directory_page):
    ActivityFactory(title="Språkcafé", municipality=municipality("Ystad"))
    ActivityFactory(title="Läxhjälp", municipality=municipality("Ängelholm"))
    ActivityFactory(title="Simskola", municipality=municipality("Malmö"))
    assert found(client.get(URL, {"q": "Ystad"})) == ["Språkcafé"]
    # Å, Ä and Ö fold like ASCII letters, on SQLite too.
    assert found(client.get(URL, {"q": "ängelholm"})) == ["Läxhjälp"]
    assert found(client.get(URL, {"q": "ÄNGELHOLM"})) == ["Läxhjälp"]


def test_finds_activities_by_organiser(client, directory_page):
    activity = ActivityFactory(title="Körkortsteori")
    ActivityFactory(title="Annat")
    organiser = activity.organisation.name.split()[-1]
    assert "Körkortsteori" in found(client.get(URL, {"q": organiser}))


def test_finds_activities_by_support_language_in_swedish_and_the_readers_language(
    client, directory_page
):
    ActivityFactory(
        title="Svenska för nybörjare",
        summary="Grunderna i svenska.",
        support_languages=[language("ar"), language("so")],
    )
    ActivityFactory(title="Svenska steg 2", summary="Grammatik och samtal.")
    assert found(client.get(URL, {"q": "arabiska"})) == ["Svenska för nybörjare"]
    assert found(client.get(URL, {"q": "somaliska svenska"})) == [
        "Svenska för nybörjare"
    ]
    # In its own name, and on an English page in English.
    assert found(client.get(URL, {"q": "العربية"})) == ["Svenska för nybörjare"]
    english = client.get("/en/sok/", {"q": "Arabic"})
    assert english.status_code == 200
    assert found(english) == ["Svenska för nybörjare"]
    assert "Support in Arabic" in text(english) or "Arabic" in text(english)


def test_finds_a_guidance_page_by_a_word_in_its_body(client, guidance_page):
    response = client.get(URL, {"q": "bussbiljetten"})
    assert found(response, "sidor") == ["Reseersättning till aktiviteter"]
    assert 'href="/reseersattning/"' in text(response)


def test_every_word_must_match(client, directory_page):
    ActivityFactory(title="Svenska i Ystad", municipality=municipality("Ystad"))
    ActivityFactory(title="Svenska i Malmö", municipality=municipality("Malmö"))
    assert found(client.get(URL, {"q": "svenska ystad"})) == ["Svenska i Ystad"]


def test_finds_public_events_and_never_private_ones(client, make_user):
    EventFactory(title="Öppet informationsmöte om TIA", visibility=Visibility.PUBLIC)
    private = EventFactory(
        title="Informationsmöte för samordnarna", visibility=Visibility.DIALOG
    )
    ThreadFactory(forum=private.forum, title="Informationsmöte: vem bjuder vi in?")
    assert found(client.get(URL, {"q": "informationsmöte"})) == [
        "Öppet informationsmöte om TIA"
    ]
    # A member at the top level of the private event's forum: the site search is
    # the public search all the same (members have /forum/sok/).
    member = MembershipFactory().user
    ParticipationFactory(
        forum=private.forum,
        organisation=member.memberships.get().organisation,
        level=Level.PARTNERSKAP,
    )
    client.force_login(member)
    response = client.get(URL, {"q": "informationsmöte"})
    assert found(response) == ["Öppet informationsmöte om TIA"]
    assert "samordnarna" not in text(response)
    assert "vem bjuder vi in" not in text(response)


def test_drafts_and_ended_activities_are_not_found(client, directory_page):
    ActivityFactory(title="Publicerad simskola")
    ActivityFactory(title="Utkast simskola", status=Activity.Status.DRAFT)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    ActivityFactory(
        title="Gammal simskola",
        start_date=yesterday - datetime.timedelta(days=30),
        end_date=yesterday,
    )
    assert found(client.get(URL, {"q": "simskola"})) == ["Publicerad simskola"]


def test_private_pages_are_not_found(client, guidance_page):
    draft = Page.objects.get(depth=2, locale__language_code="sv").add_child(
        instance=GuidancePage(title="Bussbiljetten i utkast", slug="utkast", live=False)
    )
    draft.save_revision()
    assert found(client.get(URL, {"q": "bussbiljetten"})) == [
        "Reseersättning till aktiviteter"
    ]


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Swedish stemming is PostgreSQL's full-text search; SQLite matches words",
)
def test_on_postgresql_a_word_finds_its_other_forms(client, directory_page):
    ActivityFactory(title="Kurs i svenska", summary="En kurs för nybörjare.")
    ActivityFactory(title="Språkcafé", summary="Kurserna i svenska är fulla.")
    ActivityFactory(title="Promenad", summary="Vi går.")
    assert found(client.get(URL, {"q": "kurser"})) == ["Kurs i svenska", "Språkcafé"]
    assert found(client.get(URL, {"q": "nybörjarna"})) == ["Kurs i svenska"]
    # Stop words ask nothing; words that are all stop words find nothing.
    assert found(client.get(URL, {"q": "nybörjare för"})) == ["Kurs i svenska"]
    assert found(client.get(URL, {"q": "för och"})) == []


@pytest.fixture
def knowledge_kind(monkeypatch):
    """A kind as the knowledge room will add one: its own page type, which the
    page kind then leaves out."""
    from core import site_search
    from website.search import forms

    monkeypatch.setattr(site_search, "_kinds", dict(site_search._kinds))

    def find(query):
        # Pages: the reader's language tree only, as the pages kind does.
        return GuidancePage.objects.live().filter(
            site_search.matching(query.words, ["title", "intro"]),
            locale_id=active_locale_id(),
        )

    def results(rows, query):
        return [site_search.Result(title=page.title, url=page.url) for page in rows]

    site_search.register(
        site_search.Kind(
            key="kunskap",
            title="Kunskap",
            find=find,
            results=results,
            page_types=(GuidancePage,),
            order=30,
        )
    )
    forms.search_form.cache_clear()
    yield
    forms.search_form.cache_clear()


def test_a_room_adds_its_kind_through_the_registry(
    client, guidance_page, knowledge_kind
):
    response = client.get(URL, {"q": "ersättning"})
    assert counts(response) == {
        "aktiviteter": 0,
        "sidor": 0,
        "kunskap": 1,
        "kalender": 0,
    }
    assert found(response, "kunskap") == ["Reseersättning till aktiviteter"]
    assert "Kunskap (1)" in text(response)
    response = client.get(URL, {"q": "ersättning", "typ": "kunskap"})
    assert found(response) == ["Reseersättning till aktiviteter"]


# --- the page ---------------------------------------------------------------


def test_results_are_grouped_by_kind_with_counts(client, directory_page, guidance_page):
    for n in range(7):
        ActivityFactory(title=f"Resa {n}", summary="Vi åker buss tillsammans.")
    EventFactory(title="Buss till länsmötet", visibility=Visibility.PUBLIC)
    response = client.get(URL, {"q": "buss"})
    assert counts(response) == {
        "aktiviteter": 7,
        "sidor": 0,
        "kunskap": 0,
        "kalender": 1,
    }
    page = text(response)
    assert '<p class="search-count" role="status">8 träffar för ”buss”.</p>' in page
    assert re.search(r"<h1[^>]*>Sök</h1>", page)
    # The overview shows the first five of a kind and links to the rest.
    assert len(found(response, "aktiviteter")) == 5
    assert "Visa alla 7 träffar: Aktiviteter" in page
    assert 'href="/sok/?q=buss&amp;typ=aktiviteter"' in page

    # One kind: its own list, in pages (core/pagination.py).
    response = client.get(URL, {"q": "buss", "typ": "aktiviteter"})
    assert found(response) == [f"Resa {n}" for n in range(7)]
    assert found(response, "kalender") == []
    assert '<span aria-current="page">Aktiviteter (7)</span>' in text(response)


def test_a_kind_has_pages(client, directory_page):
    for n in range(12):
        ActivityFactory(title=f"Språkcafé {n:02}", summary="Fika och svenska.")
    first = client.get(URL, {"q": "fika", "typ": "aktiviteter"})
    assert len(found(first)) == 10
    assert 'href="/sok/?q=fika&amp;typ=aktiviteter&amp;sida=2"' in text(first)
    second = client.get(URL, {"q": "fika", "typ": "aktiviteter", "sida": "2"})
    assert found(second) == ["Språkcafé 10", "Språkcafé 11"]
    beyond = client.get(URL, {"q": "fika", "typ": "aktiviteter", "sida": "99"})
    assert found(beyond) == ["Språkcafé 10", "Språkcafé 11"]
    assert "Sidnumret finns inte" in text(beyond)


def test_filters_narrow_the_activities_and_leave_other_kinds_out(
    client, directory_page, guidance_page
):
    ActivityFactory(
        title="Svenska i Ystad",
        summary="Vi åker buss.",
        municipality=municipality("Ystad"),
        support_languages=[language("ti")],
    )
    ActivityFactory(
        title="Svenska i Lund",
        summary="Vi åker buss.",
        municipality=municipality("Lund"),
    )
    response = client.get(URL, {"q": "buss", "kommun": "ystad"})
    assert found(response) == ["Svenska i Ystad"]
    assert set(counts(response)) == {"aktiviteter"}
    assert found(client.get(URL, {"q": "buss", "sprak": "ti"})) == ["Svenska i Ystad"]
    # A filter alone lists what it selects.
    assert found(client.get(URL, {"kommun": "lund"})) == ["Svenska i Lund"]
    # A value that does not exist is left out, and the page says so.
    response = client.get(URL, {"q": "buss", "kommun": "atlantis", "typ": "nej"})
    assert response.status_code == 200
    assert re.search(r"användes inte:\s+Visa, Kommun\.", text(response))
    assert sorted(found(response, "aktiviteter")) == [
        "Svenska i Lund",
        "Svenska i Ystad",
    ]


def test_the_query_stays_in_the_box_and_nothing_found_points_to_the_directory(
    client, directory_page
):
    response = client.get(URL, {"q": "xyzzy <b>"})
    page = text(response)
    assert 'value="xyzzy &lt;b&gt;"' in page
    assert (
        '<p class="search-count" role="status">0 träffar för ”xyzzy &lt;b&gt;”.' in page
    )
    assert '<a href="/aktiviteter/">Bläddra bland alla aktiviteter' in page


def test_the_header_search_box_submits_here_with_a_label(client):
    page = text(client.get("/"))
    form = re.search(r'<form class="site-search"[^>]*>.*?</form>', page, re.S).group(0)
    assert 'action="/sok/"' in form
    assert '<label for="site-search-q">Sök på webbplatsen</label>' in form
    assert 'name="q"' in form


# Per kind: its count and its rows (activities: their translations and
# languages too), the events' overrides; the directory page, the languages,
# the page tree's view restrictions, the site; the knowledge pages' count and
# view restrictions.
QUERIES = 18


def test_query_count_does_not_grow_with_the_results(
    client, directory_page, guidance_page, django_assert_max_num_queries
):
    def add(n, offset=0):
        for i in range(offset, offset + n):
            ActivityFactory(
                title=f"Buss {i}",
                summary="Vi åker buss.",
                support_languages=[language("ar")],
            )
            EventFactory(title=f"Bussresa {i}", visibility=Visibility.PUBLIC)

    add(3)
    client.get(URL, {"q": "buss"})  # warm the site and page caches
    every_kind, one_kind = {"q": "buss"}, {"q": "buss", "typ": "aktiviteter"}
    small = {}
    for params in (every_kind, one_kind):
        with django_assert_max_num_queries(QUERIES) as queries:
            client.get(URL, params)
        small[params.get("typ")] = len(queries.captured_queries)
    add(30, offset=3)
    for params in (every_kind, one_kind):
        with django_assert_max_num_queries(QUERIES) as queries:
            response = client.get(URL, params)
        assert counts(response)["aktiviteter"] == 33
        assert len(queries.captured_queries) == small[params.get("typ")]


# --- what a visitor may type ------------------------------------------------

# The header's search crashed on a lone double quote (SQLite's full-text
# syntax) and on a NUL byte (both databases).
HOSTILE = [
    '"',
    '""',
    '"a b',
    "'",
    "it's",
    "\\",
    "a\\b",
    "&|!:*()<>",
    "a & b | !c",
    "(svenska",
    "svenska:*",
    "-svenska",
    "OR",
    "NOT svenska",
    "NEAR(a b)",
    "%",
    "_",
    "   ",
    "\t\n",
    "عربي",
    "ትግርኛ",
    "українська",
    "x" * 5000,
    "a " * 500,
    "😀",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_any_typed_query_is_answered(client, directory_page, guidance_page, query):
    ActivityFactory(title="Svenska och fika")
    response = client.get(URL, {"q": query, "typ": "aktiviteter"})
    assert response.status_code == 200
    response = client.get(URL, {"q": query})
    assert response.status_code == 200


def test_a_double_quote_is_read_as_a_space(client, directory_page, guidance_page):
    response = client.get(URL, {"q": '"bussbiljetten'})
    assert found(response) == ["Reseersättning till aktiviteter"]
    assert response.context["search_query"] == '"bussbiljetten'


@pytest.mark.parametrize("query", ["\x00", "a\x00b"])
def test_a_nul_byte_is_refused_with_a_message(client, guidance_page, query):
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    assert "Null-tecken är inte tillåtna." in text(response)
    assert not response.context["searched"]


def test_a_long_query_is_cut_with_a_note(client, guidance_page):
    response = client.get(URL, {"q": "bussbiljetten " + "x" * 300})
    assert response.status_code == 200
    assert "bara de första 200 tecknen" in text(response)


@override_settings(DEBUG_PROPAGATE_EXCEPTIONS=True)
def test_hypothesis_finds_no_query_that_fails(client, directory_page, guidance_page):
    ActivityFactory(title="Svenska och fika", support_languages=[language("ar")])

    @hypothesis_settings(
        max_examples=60,
        deadline=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.function_scoped_fixture,
        ],
    )
    @given(
        query=st.text(
            alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]),
            max_size=300,
        ),
        kind=st.sampled_from(["", "aktiviteter", "sidor", "kalender", "x"]),
    )
    @example(query="\x00'\"\\&|!:*()<>", kind="")
    @example(query="أ ب ت ትግርኛ", kind="aktiviteter")
    def any_query(query, kind):
        response = client.get(URL, {"q": query, "typ": kind})
        assert response.status_code == 200

    any_query()
