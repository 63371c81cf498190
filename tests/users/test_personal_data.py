"""A person's own data: the download of everything the platform holds about
them, and the deletion of their account (what they wrote for others stays)."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.db.models import Count

from events.models import RSVP, CalendarToken
from forum.models import Post, ResponseVersion
from partners.models import Membership
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def download(client, user):
    client.force_login(user)
    response = client.get("/konto/mina-uppgifter/hamta/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    return json.loads(response.content)


def a_demo_member_with_posts_and_rsvps():
    users = get_user_model().objects.annotate(
        posts=Count("forum_posts", distinct=True), answers=Count("rsvps", distinct=True)
    )
    return users.filter(posts__gt=0, answers__gt=0).order_by("-posts", "pk").first()


def test_the_account_area_leads_to_the_download_and_the_deletion(client, make_user):
    client.force_login(make_user())
    overview = client.get("/konto/").content.decode()
    assert 'href="/konto/mina-uppgifter/"' in overview
    page = client.get("/konto/mina-uppgifter/").content.decode()
    assert 'href="/konto/mina-uppgifter/hamta/"' in page
    assert 'href="/konto/ta-bort/"' in page


def test_a_demo_members_download_has_their_posts_rsvps_and_memberships_only(
    demo, client
):
    member = a_demo_member_with_posts_and_rsvps()
    assert member is not None, "the demo has a member with posts and answers"
    data = download(client, member)
    assert data["profile"]["email"] == member.email
    own_posts = list(Post.objects.filter(author=member))
    assert sorted(p["text"] for p in data["forum_posts"]) == sorted(
        p.body for p in own_posts
    )
    assert len(data["meeting_answers"]) == RSVP.objects.filter(user=member).count()
    assert {m["organisation"] for m in data["memberships"]} == set(
        Membership.objects.filter(user=member).values_list(
            "organisation__name", flat=True
        )
    )
    text = json.dumps(data, ensure_ascii=False)
    others = Post.objects.exclude(author=member).exclude(author=None)
    assert others.exists()
    for post in others:
        if post.body not in {p.body for p in own_posts}:
            assert post.body not in text
    for other in get_user_model().objects.exclude(pk=member.pk):
        assert other.email not in text


def test_the_download_says_whether_there_is_a_calendar_link_not_the_link(
    client, make_user
):
    user = make_user()
    token = CalendarToken.objects.create(user=user)
    data = download(client, user)
    assert data["calendar_subscription"]["subscribed"] is True
    assert token.token not in json.dumps(data)


def test_deletion_needs_the_password_and_the_word(client, make_user):
    user = make_user()
    client.force_login(user)
    wrong = client.post(
        "/konto/ta-bort/", {"password": "fel-losenord-123", "confirmation": "TA BORT"}
    )
    assert wrong.status_code == 200
    assert "Lösenordet stämmer inte." in wrong.content.decode()
    no_word = client.post("/konto/ta-bort/", {"password": PASSWORD, "confirmation": ""})
    assert no_word.status_code == 200
    assert get_user_model().objects.filter(pk=user.pk).exists()


def test_deleting_an_account_keeps_what_they_wrote_for_others(demo, client):
    version = (
        ResponseVersion.objects.exclude(saved_by=None)
        .select_related("response__consultation__forum", "saved_by")
        .first()
    )
    author = version.saved_by
    response = version.response
    forum = response.consultation.forum
    author.set_password(PASSWORD)
    author.save()
    token = CalendarToken.objects.get_or_create(user=author)[0].token
    posts = list(Post.objects.filter(author=author).values_list("pk", flat=True))
    client.force_login(author)
    assert client.get(f"/ical/personlig/{token}.ics").status_code == 200
    done = client.post(
        "/konto/ta-bort/", {"password": PASSWORD, "confirmation": "ta bort"}
    )
    assert done.status_code == 302
    assert not get_user_model().objects.filter(pk=author.pk).exists()
    # Signed out, and the personal calendar link is dead.
    assert client.get("/konto/").status_code == 302
    assert client.get(f"/ical/personlig/{token}.ics").status_code == 404
    # The organisation's response and its versions stay, readable to a convener.
    response.refresh_from_db()
    assert response.versions.filter(pk=version.pk, saved_by=None).exists()
    convener = forum.conveners.first()
    client.force_login(convener)
    export = client.get(
        f"/forum/{forum.slug}/samrad/{response.consultation.pk}/svar.csv"
    )
    assert export.status_code == 200
    assert response.organisation.name in export.content.decode("utf-8-sig")
    # Their posts stay, shown as a former member's.
    kept = Post.objects.filter(pk__in=posts).select_related("thread__forum")
    assert len(kept) == len(posts)
    for post in kept:
        assert post.author is None
    if kept:
        thread = kept[0].thread
        client.force_login(thread.forum.conveners.first())
        page = client.get(f"/forum/{thread.forum.slug}/dialog/{thread.pk}/")
        assert "Tidigare medlem" in page.content.decode()
