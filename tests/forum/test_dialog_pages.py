"""Long dialog threads in pages: ?sida=, page links, and replies, notifications and
moderation that lead to the page holding the post."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from forum.dialog_views import POSTS_PER_PAGE, page_of
from forum.models import Level, Post, ThreadFollow
from tests.forum import test_dialog
from tests.forum.test_dialog import make_thread, member, url

ARTICLE_ID = re.compile(r'<article[^>]* id="inlagg-(\d+)"')
PAGE_NAV = re.compile(
    r'<nav class="pagination[^"]*" aria-label="[^"]+">.*?</nav>', re.S
)


# The dialog's fixtures, shared with test_dialog.py.
forum = test_dialog.forum
dialog_user = test_dialog.dialog_user
convener = test_dialog.convener
notified = test_dialog.notified


def long_thread(forum, author, count):
    """A thread of ``count`` posts, "Inlägg 1" the oldest; a few authors take turns."""
    thread = make_thread(forum, author)
    first = thread.posts.get()
    first.body = "<p>Inlägg 1</p>"
    first.created_at = timezone.now() - datetime.timedelta(days=1)
    first.save()
    authors = [author] + [
        member(forum, Level.DIALOG, organisation__name=f"Förening {i}")
        for i in range(3)
    ]
    Post.objects.bulk_create(
        Post(
            thread=thread,
            author=authors[number % len(authors)],
            organisation=authors[number % len(authors)].memberships.get().organisation,
            body=f"<p>Inlägg {number}</p>",
            created_at=first.created_at + datetime.timedelta(minutes=number),
        )
        for number in range(2, count + 1)
    )
    return thread


def numbers(response):
    """The numbers of the posts a thread page shows, in order."""
    return [
        int(re.fullmatch(r"<p>Inlägg (\d+)</p>", post.body)[1])
        for post in response.context["posts"]
    ]


def shown_pks(response):
    return [int(pk) for pk in ARTICLE_ID.findall(response.content.decode())]


def test_long_thread_shows_fifty_posts_a_page_oldest_first(client, forum, dialog_user):
    assert POSTS_PER_PAGE == 50
    thread = long_thread(forum, dialog_user, 120)
    client.force_login(dialog_user)
    thread_url = url("thread_detail", forum, thread.pk)

    first = client.get(thread_url)
    assert numbers(first) == list(range(1, 51))
    assert shown_pks(first) == [post.pk for post in first.context["posts"]]
    assert numbers(client.get(thread_url + "?sida=1")) == list(range(1, 51))
    assert numbers(client.get(thread_url + "?sida=2")) == list(range(51, 101))
    last = client.get(thread_url + "?sida=3")
    assert numbers(last) == list(range(101, 121))
    assert len(shown_pks(last)) == 20


def test_pages_are_linked_above_and_below_the_posts(client, forum, dialog_user):
    thread = long_thread(forum, dialog_user, 120)
    client.force_login(dialog_user)
    page = client.get(url("thread_detail", forum, thread.pk) + "?sida=2")
    html = page.content.decode()
    navs = PAGE_NAV.findall(html)
    assert len(navs) == 2
    # One before the first post and one after the last, before the reply form.
    first_post = html.index('id="inlagg-')
    last_post = html.rindex('id="inlagg-')
    assert html.index(navs[0]) < first_post
    assert last_post < html.rindex(navs[1]) < html.index('id="reply-heading"')
    for nav in navs:
        assert 'href="?sida=1" rel="prev"' in nav
        assert 'href="?sida=3" rel="next"' in nav
        assert re.search(r'<a href="\?sida=1">.*?1</a>', nav)
        assert re.search(r'<a href="\?sida=3">.*?3</a>', nav)
        assert re.search(r'<li aria-current="page">.*?2</li>', nav)
        assert 'href="?sida=2"' not in nav
        assert nav.count('aria-current="page"') == 1

    first = client.get(url("thread_detail", forum, thread.pk)).content.decode()
    assert 'rel="prev"' not in first
    assert all('href="?sida=2" rel="next"' in nav for nav in PAGE_NAV.findall(first))
    last = client.get(url("thread_detail", forum, thread.pk) + "?sida=3")
    assert 'rel="next"' not in last.content.decode()


def test_one_page_thread_has_no_page_links(client, forum, dialog_user):
    thread = long_thread(forum, dialog_user, POSTS_PER_PAGE)
    client.force_login(dialog_user)
    response = client.get(url("thread_detail", forum, thread.pk))
    assert len(response.context["posts"]) == POSTS_PER_PAGE
    assert not PAGE_NAV.search(response.content.decode())
    assert "?sida=" not in response.content.decode()


def test_many_pages_are_elided_around_the_current_one(client, forum, dialog_user):
    thread = long_thread(forum, dialog_user, 11 * POSTS_PER_PAGE)
    client.force_login(dialog_user)
    html = client.get(url("thread_detail", forum, thread.pk) + "?sida=6")
    (nav, _below) = PAGE_NAV.findall(html.content.decode())
    linked = [int(n) for n in re.findall(r'href="\?sida=(\d+)">', nav)]
    assert linked == [1, 4, 5, 7, 8, 11]
    assert nav.count("…") == 2


@pytest.mark.parametrize(
    ("sida", "shown"),
    [
        ("tre", range(1, 51)),
        ("", range(1, 51)),
        ("1.5", range(1, 51)),
        ("2abc", range(1, 51)),
        ("9" * 5000, range(1, 51)),
        ("0", range(101, 121)),
        ("-1", range(101, 121)),
        ("4", range(101, 121)),
        ("99999999999999999999", range(101, 121)),
    ],
)
def test_bad_page_numbers_give_a_page_never_an_error(
    client, forum, dialog_user, sida, shown
):
    thread = long_thread(forum, dialog_user, 120)
    client.force_login(dialog_user)
    response = client.get(url("thread_detail", forum, thread.pk), {"sida": sida})
    assert response.status_code == 200
    assert numbers(response) == list(shown)


def test_reply_form_is_at_the_bottom_of_every_page(client, forum, dialog_user):
    thread = long_thread(forum, dialog_user, 120)
    client.force_login(dialog_user)
    for sida in ("1", "2", "3"):
        html = client.get(
            url("thread_detail", forum, thread.pk), {"sida": sida}
        ).content.decode()
        assert html.rindex('id="inlagg-') < html.index('id="reply-heading"')


@pytest.mark.parametrize(
    ("before", "query"), [(49, ""), (50, "?sida=2"), (51, "?sida=2")]
)
def test_reply_leads_to_the_page_of_the_new_post(
    client, forum, dialog_user, notified, before, query
):
    thread = long_thread(forum, dialog_user, before)
    follower = member(forum, Level.DIALOG)
    ThreadFollow.objects.create(thread=thread, user=follower)
    replier = member(forum, Level.DIALOG)
    client.force_login(replier)
    response = client.post(
        url("thread_detail", forum, thread.pk) + "?sida=1", {"body": "<p>Svar</p>"}
    )
    post = thread.posts.get(author=replier)
    expected = url("thread_detail", forum, thread.pk) + query + f"#inlagg-{post.pk}"
    assert response.status_code == 302
    assert response["Location"] == expected
    shown = client.get(response["Location"]).context["posts"]
    assert shown[-1] == post
    (notification,) = notified
    assert set(notification["users"]) == {dialog_user, follower}
    assert notification["url"] == f"http://testserver{expected}"


def test_reply_on_a_51_post_thread_notifies_with_page_2_and_anchor(
    client, forum, dialog_user, notified
):
    thread = long_thread(forum, dialog_user, 51)
    client.force_login(member(forum, Level.DIALOG))
    response = client.post(
        url("thread_detail", forum, thread.pk), {"body": "<p>Svar 52</p>"}
    )
    post = thread.posts.last()
    assert post.body == "<p>Svar 52</p>"
    assert response["Location"].endswith(f"?sida=2#inlagg-{post.pk}")
    assert "sida=2" in notified[0]["url"]
    assert notified[0]["url"].endswith(f"?sida=2#inlagg-{post.pk}")


def test_moderating_a_post_returns_to_its_page(client, forum, dialog_user, convener):
    thread = long_thread(forum, dialog_user, 120)
    posts = list(thread.posts.order_by("created_at", "pk"))
    client.force_login(convener)
    for index, query in [(0, ""), (49, ""), (50, "?sida=2"), (99, "?sida=2")]:
        post = posts[index]
        moderate_url = url("post_moderate", forum, post.pk)
        back = url("thread_detail", forum, thread.pk) + query + f"#inlagg-{post.pk}"
        # The breadcrumb leads to the post's page too.
        assert f'href="{back}"' in client.get(moderate_url).content.decode()
        response = client.post(moderate_url, {"action": "hidden", "reason": "Skäl"})
        assert response.status_code == 302
        assert response["Location"] == back
    # A hidden post keeps its place: the pages do not shift.
    page = client.get(url("thread_detail", forum, thread.pk) + "?sida=2")
    assert numbers(page) == list(range(51, 101))


def test_follow_button_returns_to_the_same_page(client, forum, dialog_user):
    thread = long_thread(forum, dialog_user, 120)
    reader = member(forum, Level.DIALOG)
    client.force_login(reader)
    thread_url = url("thread_detail", forum, thread.pk)
    html = client.get(thread_url + "?sida=2").content.decode()
    assert '<input type="hidden" name="sida" value="2">' in html
    follow_url = url("thread_follow", forum, thread.pk)
    assert client.post(follow_url, {"sida": "2"})["Location"] == thread_url + "?sida=2"
    assert client.post(follow_url)["Location"] == thread_url
    assert client.post(follow_url, {"sida": "x"})["Location"] == thread_url
    # A number too high is the thread page's to handle: it shows the last page.
    assert client.post(follow_url, {"sida": "9"})["Location"] == thread_url + "?sida=9"


def test_page_of_counts_posts_before_in_thread_order(forum, dialog_user):
    thread = long_thread(forum, dialog_user, 100)
    at = timezone.now()
    # Posts written in the same instant are ordered by pk.
    same = Post.objects.bulk_create(
        Post(thread=thread, author=dialog_user, body="<p>x</p>", created_at=at)
        for _ in range(2)
    )
    other = make_thread(forum, dialog_user)
    posts = list(thread.posts.order_by("created_at", "pk"))
    assert posts[-2:] == same
    assert [page_of(post) for post in posts] == [1] * 50 + [2] * 50 + [3] * 2
    assert page_of(other.posts.get()) == 1


def thread_page_queries(client, forum, thread, query=""):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url("thread_detail", forum, thread.pk) + query)
    assert response.status_code == 200
    return len(queries), response


def test_thread_page_queries_do_not_grow_with_pages(client, forum, dialog_user):
    short = make_thread(forum, dialog_user, title="Kort")
    long = long_thread(forum, dialog_user, 120)
    Post.objects.filter(thread=long, body="<p>Inlägg 110</p>").update(
        hidden=True, hidden_reason="Skäl"
    )
    client.force_login(dialog_user)
    # Once to warm up whatever the first request of a session loads.
    thread_page_queries(client, forum, short)

    one, _response = thread_page_queries(client, forum, short)
    first, first_page = thread_page_queries(client, forum, long)
    last, last_page = thread_page_queries(client, forum, long, "?sida=3")

    assert one == first == last
    assert len(first_page.context["posts"]) == 50
    assert len(last_page.context["posts"]) == 20
