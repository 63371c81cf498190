"""Dialog threads: who reads and writes, sanitised posts, following, moderation."""

import pytest
from django.urls import reverse

from forum.models import Level, Post, PostModeration, Thread, ThreadFollow, Visibility
from partners.models import Membership
from tests.factories import (
    ForumFactory,
    MembershipFactory,
    OrganisationFactory,
    ParticipationFactory,
    UserFactory,
)
from tests.forum.notices import rendered

XSS = (
    '<p>Hej<script>alert("x")</script></p>'
    '<img src="x" onerror="alert(1)">'
    '<a href="javascript:alert(2)">klicka</a>'
    '<a href="https://example.org">ok</a>'
)


def member(forum, level, **org):
    participation = ParticipationFactory(forum=forum, level=level, **org)
    return MembershipFactory(organisation=participation.organisation).user


@pytest.fixture
def forum(db):
    return ForumFactory(slug="tia-skane")


@pytest.fixture
def dialog_user(forum):
    return member(forum, Level.DIALOG, organisation__name="Röda Korset")


@pytest.fixture
def convener(forum):
    user = UserFactory()
    forum.conveners.add(user)
    return user


@pytest.fixture
def notified(monkeypatch):
    calls = []
    monkeypatch.setattr(
        "forum.dialog_views.notify_users",
        lambda users, kind, params: calls.append(
            {"users": list(users)} | rendered(kind, params)
        ),
    )
    return calls


def make_thread(forum, author, visibility=Visibility.DIALOG, title="Tråd"):
    thread = Thread.objects.create(
        forum=forum, title=title, visibility=visibility, created_by=author
    )
    Post.objects.create(thread=thread, author=author, body="<p>Första</p>")
    ThreadFollow.objects.create(thread=thread, user=author)
    return thread


def url(name, forum, *args):
    return reverse(f"forum:{name}", args=[forum.slug, *args])


def test_start_thread_records_organisation_follows_and_sanitises(
    client, forum, dialog_user
):
    client.force_login(dialog_user)
    response = client.post(
        url("thread_create", forum),
        {"title": "Språkcaféer", "visibility": Visibility.DIALOG, "body": XSS},
    )
    thread = Thread.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("thread_detail", forum, thread.pk)
    assert thread.created_by == dialog_user
    assert thread.organisation.name == "Röda Korset"
    post = thread.posts.get()
    assert post.organisation.name == "Röda Korset"
    for stored in (post.body,):
        assert "<script" not in stored and "alert" not in stored
        assert "onerror" not in stored and "javascript:" not in stored
    assert 'href="https://example.org"' in post.body
    assert ThreadFollow.objects.filter(thread=thread, user=dialog_user).exists()
    page = client.get(url("thread_detail", forum, thread.pk)).content.decode()
    assert "Hej" in page and "klicka" in page
    for bad in ('alert("x")', "onerror", "javascript:alert"):
        assert bad not in page


def test_author_organisation_is_one_taking_part_in_the_forum(client, forum):
    other_forum = ForumFactory()
    user = member(other_forum, Level.PARTNERSKAP)
    here = ParticipationFactory(forum=forum, level=Level.DIALOG).organisation
    MembershipFactory(user=user, organisation=here)
    client.force_login(user)
    client.post(
        url("thread_create", forum),
        {"title": "T", "visibility": Visibility.DIALOG, "body": "<p>x</p>"},
    )
    assert Thread.objects.get().organisation == here


def test_thread_visibility_cannot_exceed_the_authors_level(client, forum, dialog_user):
    client.force_login(dialog_user)
    response = client.post(
        url("thread_create", forum),
        {"title": "T", "visibility": Visibility.PARTNERSKAP, "body": "<p>x</p>"},
    )
    assert response.status_code == 200
    assert not Thread.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"title": " ", "visibility": 3, "body": "<p>x</p>"},
        {"title": "T", "visibility": "nonsense", "body": "<p>x</p>"},
        {"title": "T", "visibility": 3, "body": "<script>alert(1)</script>"},
        {"title": "T" * 500, "visibility": 3, "body": "x"},
    ],
)
def test_bad_thread_input_is_a_form_error(client, forum, dialog_user, data):
    client.force_login(dialog_user)
    response = client.post(url("thread_create", forum), data)
    assert response.status_code == 200
    assert not Thread.objects.exists()


@pytest.mark.parametrize("level", [Level.INFORMATION, Level.SAMRAD])
def test_members_below_dialog_cannot_start_reply_or_see_threads(client, forum, level):
    author = member(forum, Level.DIALOG)
    thread = make_thread(forum, author, title="Hemlig rubrik")
    user = member(forum, level)
    client.force_login(user)
    listing = client.get(url("threads", forum))
    assert listing.status_code == 200
    assert "Dialogen börjar på nivån Dialog" in listing.content.decode()
    assert "Hemlig rubrik" not in listing.content.decode()
    assert client.get(url("thread_create", forum)).status_code == 403
    assert client.post(url("thread_create", forum), {"title": "x"}).status_code == 403
    assert client.get(url("thread_detail", forum, thread.pk)).status_code == 404
    reply = client.post(url("thread_detail", forum, thread.pk), {"body": "<p>x</p>"})
    assert reply.status_code == 404
    assert thread.posts.count() == 1


def test_partnership_thread_is_hidden_from_dialog_members(client, forum, dialog_user):
    partner = member(forum, Level.PARTNERSKAP)
    thread = make_thread(forum, partner, Visibility.PARTNERSKAP, title="Budget")
    client.force_login(dialog_user)
    assert "Budget" not in client.get(url("threads", forum)).content.decode()
    assert client.get(url("thread_detail", forum, thread.pk)).status_code == 404
    client.force_login(partner)
    assert "Budget" in client.get(url("threads", forum)).content.decode()


def test_thread_of_another_forum_is_not_found_here(client, forum, dialog_user):
    other = ForumFactory()
    thread = make_thread(other, member(other, Level.PARTNERSKAP))
    client.force_login(dialog_user)
    assert client.get(url("thread_detail", forum, thread.pk)).status_code == 404


def test_reply_bumps_activity_and_notifies_followers_but_not_the_author(
    client, forum, dialog_user, notified
):
    thread = make_thread(forum, dialog_user)
    before = thread.last_activity_at
    follower = member(forum, Level.PARTNERSKAP)
    ThreadFollow.objects.create(thread=thread, user=follower)
    replier = member(forum, Level.DIALOG, organisation__name="Sensus")
    ThreadFollow.objects.create(thread=thread, user=replier)
    client.force_login(replier)
    response = client.post(url("thread_detail", forum, thread.pk), {"body": XSS})
    post = thread.posts.last()
    assert response.status_code == 302
    assert response["Location"].endswith(f"#inlagg-{post.pk}")
    assert post.author == replier and post.organisation.name == "Sensus"
    assert "<script" not in post.body and "onerror" not in post.body
    thread.refresh_from_db()
    assert thread.last_activity_at > before
    assert thread.last_activity_at == post.created_at
    assert len(notified) == 1
    assert notified[0]["kind"] == "thread_reply"
    assert set(notified[0]["users"]) == {dialog_user, follower}
    assert notified[0]["url"].endswith(
        url("thread_detail", forum, thread.pk) + f"#inlagg-{post.pk}"
    )


def test_reply_without_followers_sends_nothing(client, forum, dialog_user, notified):
    thread = make_thread(forum, dialog_user)
    client.force_login(dialog_user)
    client.post(url("thread_detail", forum, thread.pk), {"body": "<p>Själv</p>"})
    assert thread.posts.count() == 2
    assert notified == []


def test_empty_reply_is_a_form_error(client, forum, dialog_user, notified):
    thread = make_thread(forum, dialog_user)
    client.force_login(dialog_user)
    response = client.post(url("thread_detail", forum, thread.pk), {"body": ""})
    assert response.status_code == 200
    assert thread.posts.count() == 1
    assert notified == []


def test_follow_toggles(client, forum, dialog_user):
    thread = make_thread(forum, member(forum, Level.DIALOG))
    client.force_login(dialog_user)
    follow_url = url("thread_follow", forum, thread.pk)
    assert client.get(follow_url).status_code == 405
    assert client.post(follow_url).status_code == 302
    assert thread.follows.filter(user=dialog_user).exists()
    client.post(follow_url)
    assert not thread.follows.filter(user=dialog_user).exists()


def test_moderation_hides_and_shows_with_logged_reason(
    client, forum, dialog_user, convener
):
    thread = make_thread(forum, dialog_user)
    post = Post.objects.create(
        thread=thread, author=dialog_user, body="<p>Olämplig text</p>"
    )
    moderate_url = url("post_moderate", forum, post.pk)
    client.force_login(convener)
    assert client.get(moderate_url).status_code == 200
    # The reason is required.
    response = client.post(moderate_url, {"action": "hidden", "reason": "  "})
    assert response.status_code == 200
    post.refresh_from_db()
    assert not post.hidden and not PostModeration.objects.exists()

    response = client.post(
        moderate_url, {"action": "hidden", "reason": "Personuppgifter"}
    )
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.hidden and post.hidden_reason == "Personuppgifter"
    log = PostModeration.objects.get()
    assert (log.action, log.reason, log.moderator) == (
        "hidden",
        "Personuppgifter",
        convener,
    )

    page = client.get(url("thread_detail", forum, thread.pk)).content.decode()
    assert "Olämplig text" in page and "Dolt för medlemmarna" in page
    client.force_login(dialog_user)
    page = client.get(url("thread_detail", forum, thread.pk)).content.decode()
    assert "Inlägget är dolt av sammankallande: Personuppgifter" in page
    assert "Olämplig text" not in page
    assert (
        client.post(moderate_url, {"action": "shown", "reason": "x"}).status_code == 403
    )

    client.force_login(convener)
    client.post(moderate_url, {"action": "shown", "reason": "Rättat"})
    post.refresh_from_db()
    assert not post.hidden and post.hidden_reason == ""
    assert list(
        PostModeration.objects.order_by("pk").values_list("action", "reason")
    ) == [("hidden", "Personuppgifter"), ("shown", "Rättat")]
    # Asking for the state the post already has logs nothing.
    client.post(moderate_url, {"action": "shown", "reason": "Igen"})
    assert PostModeration.objects.count() == 2


def test_conveners_moderate_only_their_own_forum(client, forum, convener):
    other = ForumFactory()
    thread = make_thread(other, member(other, Level.DIALOG))
    post = thread.posts.get()
    client.force_login(convener)
    # The post is not in this forum; in the other forum they are not a convener.
    assert client.get(url("post_moderate", forum, post.pk)).status_code == 404
    assert client.get(url("post_moderate", other, post.pk)).status_code == 403


def test_pending_membership_gives_no_level(client, forum):
    organisation = ParticipationFactory(
        forum=forum, level=Level.PARTNERSKAP
    ).organisation
    user = MembershipFactory(
        organisation=organisation, status=Membership.Status.PENDING
    ).user
    client.force_login(user)
    assert client.get(url("thread_create", forum)).status_code == 403


@pytest.mark.parametrize("count", [5, 50])
def test_thread_list_has_constant_queries(
    client, forum, dialog_user, django_assert_max_num_queries, count
):
    organisation = OrganisationFactory()
    for i in range(count):
        author = MembershipFactory(organisation=organisation).user
        thread = make_thread(forum, author, title=f"Tråd {i}")
        Post.objects.create(thread=thread, author=dialog_user, body="<p>Svar</p>")
    client.force_login(dialog_user)
    # 19 today, about half of them the base template and the session.
    with django_assert_max_num_queries(20):
        response = client.get(url("threads", forum))
    assert response.status_code == 200
    threads = list(response.context["page"])
    assert len(threads) == count
    assert all(thread.reply_count == 1 for thread in threads)
    assert all(thread.last_post.author == dialog_user for thread in threads)


def test_convener_sees_threads_with_correct_reply_counts(client, forum, convener):
    # A second convener must not double the counts through the convener join.
    forum.conveners.add(UserFactory())
    thread = make_thread(forum, member(forum, Level.DIALOG))
    client.force_login(convener)
    response = client.get(url("threads", forum))
    (listed,) = response.context["page"]
    assert listed == thread and listed.reply_count == 0


def test_notifications_reach_followers(client, forum, dialog_user):
    from forum.models import Notification

    thread = make_thread(forum, dialog_user)
    replier = member(forum, Level.DIALOG)
    client.force_login(replier)
    client.post(url("thread_detail", forum, thread.pk), {"body": "<p>Svar</p>"})
    assert Notification.objects.filter(user=dialog_user, kind="thread_reply").exists()
    assert not Notification.objects.filter(user=replier).exists()


def test_notifications_are_in_the_readers_language_whatever_the_writer_reads(
    client, forum, dialog_user
):
    from django.core import mail

    thread = make_thread(forum, dialog_user, title="Språkcaféer")
    client.force_login(member(forum, Level.DIALOG))
    response = client.post(
        "/en" + url("thread_detail", forum, thread.pk), {"body": "<p>Reply</p>"}
    )
    assert response["Location"].startswith("/en/")  # the writer stays in English
    (message,) = mail.outbox
    assert message.to == [dialog_user.email]  # who has not chosen: Swedish
    assert message.subject == "[TIA] Nytt svar i tråden Språkcaféer"
    assert "har svarat i tråden Språkcaféer" in message.body
    assert "/en/" not in message.body
