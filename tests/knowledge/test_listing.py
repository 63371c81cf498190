"""The index pages: filtered by kind, sub-region, municipality, tag and year,
in pages, only what the reader may see, in a fixed number of queries; each
page's related pages; the forum's desk, the home page, search and sitemap."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from core.geography.models import County, Municipality, SubRegion
from forum.models import Level, Visibility
from knowledge.factories import (
    ArticleFactory,
    MeetingNotesFactory,
    NeedsAnalysisFactory,
)
from knowledge.listing import PER_PAGE


@pytest.fixture
def malmo(db):
    return SubRegion.objects.create(
        county=County.objects.get(code="12"), name="Malmö", slug="malmo"
    )


@pytest.fixture
def nordvast(db):
    return SubRegion.objects.create(
        county=County.objects.get(code="12"),
        name="Nordvästra Skåne",
        slug="nordvastra-skane",
    )


def titles(response):
    return [page.title for page in response.context["knowledge_pages"]]


def test_the_public_index_lists_public_pages_newest_first(client, public_index):
    today = timezone.localdate()
    ArticleFactory(
        parent=public_index, title="Äldre", date=today - datetime.timedelta(days=10)
    )
    ArticleFactory(parent=public_index, title="Nyare", date=today)
    response = client.get(public_index.url)
    assert response.status_code == 200
    assert titles(response) == ["Nyare", "Äldre"]


def test_lists_show_only_what_the_reader_may_see(
    client, public_index, forum_index, forum, member
):
    ArticleFactory(parent=public_index, title="För alla")
    NeedsAnalysisFactory(
        parent=forum_index,
        title="Bara Dialog",
        forum=forum,
        visibility=Visibility.DIALOG,
    )
    assert titles(client.get(public_index.url)) == ["För alla"]
    assert client.get(forum_index.url).status_code == 200
    assert titles(client.get(forum_index.url)) == []
    client.force_login(member(Level.SAMRAD))
    assert "Bara Dialog" not in client.get(public_index.url).content.decode()
    client.force_login(member(Level.DIALOG))
    assert set(titles(client.get(public_index.url))) == {"För alla", "Bara Dialog"}
    assert titles(client.get(forum_index.url)) == ["Bara Dialog"]


def test_filters_by_kind_subregion_municipality_tag_and_year(
    client, public_index, malmo, nordvast
):
    today = timezone.localdate()
    helsingborg = Municipality.objects.get(code="1283")
    ArticleFactory(
        parent=public_index, title="Artikel", subregion=malmo, tags=["boende"]
    )
    NeedsAnalysisFactory(
        parent=public_index,
        title="Analys",
        subregion=nordvast,
        municipalities=[helsingborg, Municipality.objects.get(code="1284")],
        date=datetime.date(today.year - 1, 6, 1),
    )
    MeetingNotesFactory(parent=public_index, title="Anteckningar", tags=["boende"])
    url = public_index.url
    assert titles(client.get(url, {"typ": "needs_analysis"})) == ["Analys"]
    assert titles(client.get(url, {"delregion": "malmo"})) == ["Artikel"]
    assert titles(client.get(url, {"kommun": helsingborg.slug})) == ["Analys"]
    assert set(titles(client.get(url, {"tagg": "boende"}))) == {
        "Artikel",
        "Anteckningar",
    }
    assert titles(client.get(url, {"ar": str(today.year - 1)})) == ["Analys"]
    # Choices are what the list has: a value naming nothing is left out, said.
    response = client.get(url, {"typ": "nonsense", "ar": "1999"})
    assert len(titles(response)) == 3
    assert response.context["filters_ignored"]
    assert "användes inte" in response.content.decode()


def test_the_filters_offer_nothing_of_what_the_reader_may_not_see(
    client, forum_index, forum, malmo
):
    NeedsAnalysisFactory(
        parent=forum_index,
        forum=forum,
        visibility=Visibility.PARTNERSKAP,
        subregion=malmo,
        tags=["hemligt"],
    )
    content = client.get(forum_index.url).content.decode()
    assert "hemligt" not in content
    assert 'value="malmo"' not in content


def make_pages(index, count, **fields):
    for number in range(count):
        ArticleFactory(
            parent=index,
            title=f"Artikel {number}",
            tags=["boende", f"tagg-{number % 3}"],
            **fields,
        )


@pytest.mark.parametrize("count", [3, PER_PAGE + 5])
def test_the_list_reads_in_a_fixed_number_of_queries(
    client,
    public_index,
    forum_index,
    forum,
    member,
    malmo,
    count,
    django_assert_max_num_queries,
):
    make_pages(public_index, count, subregion=malmo)
    make_pages(forum_index, count, forum=forum, visibility=Visibility.INFORMATION)
    client.force_login(member(Level.DIALOG))
    client.get(public_index.url)  # caches warmed (locales, site)
    with django_assert_max_num_queries(30):
        response = client.get(public_index.url, {"tagg": "boende"})
    assert response.status_code == 200
    assert len(response.context["knowledge_pages"]) == min(2 * count, PER_PAGE)


def add_live_pages(index, count, **fields):
    """Live articles under ``index`` without revisions or aliases (publishing
    gives every page seven aliases): a thousand in seconds."""
    for _ in range(count):
        page = ArticleFactory.build(
            live=True, first_published_at=timezone.now(), **fields
        )
        page.tags.add("boende")
        index.add_child(instance=page)
    if connection.vendor == "postgresql":
        # What autovacuum does in production: without fresh statistics the
        # planner takes the new thousand rows for none.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def test_the_query_count_is_the_same_at_10_and_1000_pages(client, public_index, malmo):
    from django.test.utils import CaptureQueriesContext

    def queries():
        client.get(public_index.url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(public_index.url, {"tagg": "boende"})
        assert response.status_code == 200
        return len(captured), len(response.context["knowledge_pages"])

    add_live_pages(public_index, 10, subregion=malmo)
    small, shown = queries()
    assert shown == 10
    add_live_pages(public_index, 990, subregion=malmo)
    big, shown = queries()
    assert (big, shown) == (small, PER_PAGE)


def test_pages_show_related_pages_the_reader_may_see(
    client, public_index, forum_index, forum, malmo, member
):
    page = ArticleFactory(parent=public_index, title="Huvudsidan", tags=["kvinnor"])
    ArticleFactory(parent=public_index, title="Samma tagg", tags=["kvinnor"])
    ArticleFactory(parent=public_index, title="Annat ämne", tags=["resor"])
    NeedsAnalysisFactory(
        parent=forum_index,
        title="Privat med samma tagg",
        forum=forum,
        visibility=Visibility.DIALOG,
        tags=["kvinnor"],
    )
    related = [p.title for p in client.get(page.url).context["related_pages"]]
    assert related == ["Samma tagg"]
    client.force_login(member(Level.DIALOG))
    related = [p.title for p in client.get(page.url).context["related_pages"]]
    assert set(related) == {"Samma tagg", "Privat med samma tagg"}


def test_same_subregion_counts_as_related(client, public_index, malmo):
    page = ArticleFactory(parent=public_index, title="Malmö 1", subregion=malmo)
    ArticleFactory(parent=public_index, title="Malmö 2", subregion=malmo)
    related = [p.title for p in client.get(page.url).context["related_pages"]]
    assert related == ["Malmö 2"]


def test_meeting_notes_link_the_meeting_for_those_who_see_it(
    client, public_index, forum
):
    from events.factories import EventFactory

    start = timezone.now() - datetime.timedelta(days=3)
    meeting = EventFactory(
        forum=forum,
        title="Nätverksmöte i Malmö",
        visibility=Visibility.INFORMATION,
        start=start,
        end=start + datetime.timedelta(hours=2),
    )
    notes = MeetingNotesFactory(parent=public_index, forum=forum, meeting=meeting)
    assert "Nätverksmöte i Malmö" not in client.get(notes.url).content.decode()
    public = EventFactory(forum=forum, title="Öppet möte", visibility=Visibility.PUBLIC)
    other = MeetingNotesFactory(parent=public_index, forum=forum, meeting=public)
    assert f"/kalender/{public.pk}/" in client.get(other.url).content.decode()


def test_the_forums_desk_links_its_knowledge_index(client, forum_index, forum, member):
    NeedsAnalysisFactory(
        parent=forum_index,
        title="Kartläggning för Dialog",
        forum=forum,
        visibility=Visibility.DIALOG,
    )
    client.force_login(member(Level.INFORMATION))
    content = client.get("/forum/tia-skane/").content.decode()
    assert forum_index.url in content
    assert "Kartläggning för Dialog" not in content
    client.force_login(member(Level.DIALOG))
    content = client.get("/forum/tia-skane/").content.decode()
    assert "Kartläggning för Dialog" in content


def test_the_forum_index_links_back_to_the_forum(client, forum_index, member):
    client.force_login(member(Level.INFORMATION))
    assert 'href="/forum/tia-skane/"' in client.get(forum_index.url).content.decode()


def test_the_public_index_is_in_the_menu_and_on_the_home_page(
    client, public_index, home
):
    ArticleFactory(parent=public_index, title="Resor i praktiken")
    content = client.get("/").content.decode()
    assert f'href="{public_index.url}"' in content
    assert "Resor i praktiken" in content


def test_the_site_search_finds_public_pages_only(
    client, public_index, forum_index, forum, member
):
    ArticleFactory(parent=public_index, title="Språkcafé i eget boende")
    NeedsAnalysisFactory(
        parent=forum_index,
        title="Språkcafé bakom inloggning",
        forum=forum,
        visibility=Visibility.INFORMATION,
    )
    client.force_login(member(Level.PARTNERSKAP))
    content = client.get("/sok/", {"q": "språkcafé"}).content.decode()
    assert "Språkcafé i eget boende" in content
    assert "bakom inloggning" not in content


def test_the_site_search_finds_the_text_of_a_page(client, public_index):
    from knowledge.factories import paragraphs

    ArticleFactory(
        parent=public_index,
        title="Om resor",
        body=paragraphs("Reseersättning mellan godkända kommunpar."),
    )
    content = client.get("/sok/", {"q": "kommunpar"}).content.decode()
    assert "Om resor" in content


def test_the_sitemap_leaves_out_private_pages(client, public_index, forum_index, forum):
    public = ArticleFactory(parent=public_index, slug="offentlig")
    private = NeedsAnalysisFactory(
        parent=forum_index,
        slug="privat",
        forum=forum,
        visibility=Visibility.INFORMATION,
    )
    content = client.get("/sitemap.xml").content.decode()
    assert public.url in content
    assert private.url not in content
