"""The knowledge feeds: RSS 2.0 and Atom of the public index, a forum's index
and a tag, parsed back with feedparser; only public live pages, whoever asks;
linked from the index pages."""

import feedparser
import pytest

from forum.models import Level, Visibility
from knowledge.factories import (
    ArticleFactory,
    MeetingNotesFactory,
    NeedsAnalysisFactory,
)


@pytest.fixture
def pages(public_index, forum_index, forum):
    """Public and private pages, a draft, in both indexes, some tagged."""
    ArticleFactory(
        parent=public_index,
        title="Att nå eget boende",
        slug="att-na-eget-boende",
        tags=["boende", "språk"],
    )
    NeedsAnalysisFactory(parent=forum_index, title="Behov i Malmö", forum=forum)
    MeetingNotesFactory(
        parent=forum_index,
        title="Nätverksmöte för medlemmar",
        forum=forum,
        visibility=Visibility.INFORMATION,
        tags=["boende"],
    )
    NeedsAnalysisFactory(
        parent=forum_index,
        title="Kartläggning för Dialog",
        forum=forum,
        visibility=Visibility.DIALOG,
        tags=["hemligt"],
    )
    ArticleFactory(parent=public_index, title="Utkast", tags=["boende"], live=False)


def parsed(client, url, version):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == version
    return response, feed


def titles(feed):
    return sorted(entry.title for entry in feed.entries)


@pytest.mark.parametrize(
    ("route", "version", "mime"),
    [("rss/", "rss20", "application/rss+xml"), ("atom/", "atom10", "application/atom")],
)
def test_the_public_feed_holds_exactly_the_public_pages(
    client, pages, public_index, route, version, mime
):
    response, feed = parsed(client, public_index.url + route, version)
    assert response["Content-Type"].startswith(mime)
    assert titles(feed) == ["Att nå eget boende", "Behov i Malmö"]
    assert feed.feed.title == "Kunskap"
    entry = next(e for e in feed.entries if e.title == "Att nå eget boende")
    assert entry.link == "http://testserver/kunskap/att-na-eget-boende/"
    assert {tag.term for tag in entry.tags} >= {"boende", "språk"}
    assert entry.summary == "Vad vi har lärt oss."


@pytest.mark.parametrize("route", ["rss/", "atom/"])
def test_no_private_page_whoever_reads(client, pages, public_index, convener, route):
    # A convener sees every page of the forum, but the feed is everybody's.
    client.force_login(convener)
    _, feed = parsed(
        client, public_index.url + route, "rss20" if route == "rss/" else "atom10"
    )
    assert titles(feed) == ["Att nå eget boende", "Behov i Malmö"]


def test_a_forums_feed_holds_its_public_pages(client, pages, forum_index, member):
    client.force_login(member(Level.PARTNERSKAP))
    _, feed = parsed(client, forum_index.url + "rss/", "rss20")
    assert titles(feed) == ["Behov i Malmö"]
    _, feed = parsed(client, forum_index.url + "atom/", "atom10")
    assert titles(feed) == ["Behov i Malmö"]


def test_a_tags_feed_holds_the_public_pages_with_it(client, pages, public_index):
    _, feed = parsed(client, public_index.url + "tagg/boende/rss/", "rss20")
    assert titles(feed) == ["Att nå eget boende"]
    assert feed.feed.title == "Kunskap: boende"
    _, feed = parsed(client, public_index.url + "tagg/boende/atom/", "atom10")
    assert titles(feed) == ["Att nå eget boende"]


@pytest.mark.parametrize("tag", ["hemligt", "finns-inte"])
def test_a_tag_only_private_pages_have_has_no_feed(
    client, pages, public_index, convener, tag
):
    client.force_login(convener)
    assert client.get(public_index.url + f"tagg/{tag}/rss/").status_code == 404
    assert client.get(public_index.url + f"tagg/{tag}/atom/").status_code == 404


def test_the_index_pages_link_their_feeds(client, pages, public_index, forum_index):
    html = client.get(public_index.url).content.decode()
    assert (
        '<link rel="alternate" type="application/rss+xml" title="Kunskap (RSS)" '
        'href="/kunskap/rss/">' in html
    )
    assert 'type="application/atom+xml" title="Kunskap (Atom)"' in html
    assert '<a href="/kunskap/rss/" type="application/rss+xml">RSS</a>' in html
    assert '<a href="/kunskap/atom/" type="application/atom+xml">Atom</a>' in html
    html = client.get(forum_index.url).content.decode()
    assert 'href="/kunskap/tia-skane/rss/"' in html
    assert 'href="/kunskap/tia-skane/atom/"' in html


def test_a_chosen_public_tag_offers_its_feed(client, pages, public_index, convener):
    html = client.get(public_index.url + "?tagg=boende").content.decode()
    assert '<a href="/kunskap/tagg/boende/rss/"' in html
    assert '<a href="/kunskap/tagg/boende/atom/"' in html
    client.force_login(convener)
    html = client.get(public_index.url + "?tagg=hemligt").content.decode()
    assert "tagg/hemligt/" not in html


def test_feeds_in_another_language_tree_keep_the_rule(client, pages, public_index):
    # The English tree's aliases: the same public pages, under /en/.
    response = client.get("/en/kunskap/rss/")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert titles(feed) == ["Att nå eget boende", "Behov i Malmö"]
    assert feed.feed.language == "en"
