"""The in-app list of a person's notifications, the header's unread count."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from forum.factories import NotificationFactory
from forum.models import Notification
from forum.notification_views import NOTIFICATIONS_PER_PAGE
from forum.notifications import notify_users
from tests.factories import UserFactory
from tests.forum.test_notifications import REPLY

pytestmark = pytest.mark.django_db

LIST = "/forum/mina-aviseringar/"
MARK_ALL = "/forum/mina-aviseringar/las-alla/"


def opened(pk):
    return f"/forum/mina-aviseringar/{pk}/"


def notifications(user, count, **fields):
    """``count`` notifications of ``user``, the last one the newest."""
    made = NotificationFactory.create_batch(count, user=user, **fields)
    start = timezone.now() - datetime.timedelta(days=count)
    for offset, notification in enumerate(made):
        Notification.objects.filter(pk=notification.pk).update(
            created_at=start + datetime.timedelta(days=offset)
        )
    return made


@pytest.fixture
def member(client):
    user = UserFactory()
    client.force_login(user)
    return user


def test_the_list_shows_only_my_notifications_newest_first_unread_marked(
    client, member
):
    old, new = notifications(member, 2)
    Notification.objects.filter(pk=old.pk).update(read_at=timezone.now())
    NotificationFactory(subject="Någon annans avisering")
    html = client.get(LIST).content.decode()
    assert html.index(new.subject) < html.index(old.subject)
    assert "Någon annans avisering" not in html
    # The unread one says so in words, the read one does not.
    items = html.split('<ul class="notification-list">')[1].split("</ul>")[0]
    newer, older = items.split("</li>")[:2]
    assert "Oläst:" in newer
    assert "Oläst:" not in older
    assert f'href="{opened(new.pk)}"' in newer


def test_the_list_is_paginated_with_the_shared_component(client, member):
    made = notifications(member, NOTIFICATIONS_PER_PAGE + 3)
    first = client.get(LIST).content.decode()
    assert made[-1].subject in first  # newest on the first page
    assert made[0].subject not in first
    assert 'href="?sida=2" rel="next"' in first
    assert "Sida 1 av 2" in first
    second = client.get(LIST, {"sida": "2"}).content.decode()
    assert made[0].subject in second
    assert made[-1].subject not in second
    # Any page number gives a page, never an error.
    assert client.get(LIST, {"sida": "x"}).status_code == 200


def test_an_empty_list_says_so_and_links_to_the_email_settings(client, member):
    html = client.get(LIST).content.decode()
    assert "Du har inga aviseringar än." in html
    assert 'href="/forum/installningar/aviseringar/"' in html
    assert "Markera alla som lästa" not in html


def test_the_settings_page_links_to_the_list(client, member):
    html = client.get("/forum/installningar/aviseringar/").content.decode()
    assert f'href="{LIST}"' in html


@pytest.mark.parametrize("size", [3, 3 * NOTIFICATIONS_PER_PAGE])
def test_the_list_page_costs_the_same_queries_at_any_size(
    client, member, size, django_assert_max_num_queries
):
    notifications(member, size)
    client.get(LIST)  # the session and caches settle
    with django_assert_max_num_queries(12) as small:
        assert client.get(LIST).status_code == 200
    # The same number with many more rows and pages (once the header's count,
    # forgotten when they were added, is in the cache again).
    notifications(member, size * 2)
    client.get(LIST)
    with django_assert_max_num_queries(12) as large:
        assert client.get(LIST).status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)


def count_queries(captured):
    return [
        q["sql"]
        for q in captured
        if "forum_notification" in q["sql"] and "COUNT(" in q["sql"].upper()
    ]


def test_the_header_shows_the_unread_count_from_the_cache_or_one_query(client, member):
    html = client.get("/forum/").content.decode()
    assert "Aviseringar" in html and "0 olästa" in html
    # Counted at sign-in: the pages read it from the cache.
    with CaptureQueriesContext(connection) as cached:
        client.get("/forum/")
    assert count_queries(cached) == []
    notifications(member, 3)
    notifications(member, 2, read_at=timezone.now())
    NotificationFactory()  # someone else's
    with CaptureQueriesContext(connection) as changed:
        html = client.get("/forum/").content.decode()
    assert '<span aria-hidden="true">(3)</span>' in html
    assert "3 olästa" in html
    assert len(count_queries(changed)) == 1
    assert len(changed) == len(cached) + 1
    # However many there are, one query when they change, then none.
    notifications(member, 40)
    assert "43 olästa" in client.get("/forum/").content.decode()
    with CaptureQueriesContext(connection) as many:
        client.get("/forum/")
    assert len(many) == len(cached)


def test_a_new_notification_shows_in_the_header_on_the_next_page(client, member):
    assert "0 olästa" in client.get("/forum/").content.decode()
    notify_users([member], Notification.Kind.THREAD_REPLY, REPLY)
    assert "1 oläst" in client.get("/forum/").content.decode()


def test_the_header_link_comes_after_my_organisations_for_signed_in_only(
    client, member
):
    html = client.get("/forum/").content.decode()
    organisations = html.index("Mina organisationer")
    assert html.index(f'href="{LIST}"') > organisations
    assert html.index(f'href="{LIST}"') < html.index("Mitt konto")
    anonymous = Client().get("/sok/").content.decode()
    assert f'href="{LIST}"' not in anonymous


def test_opening_marks_it_read_and_goes_to_its_page(client, member):
    (notification,) = notifications(member, 1, url="/forum/tia-skane/samrad/7/")
    response = client.get(opened(notification.pk))
    assert response.status_code == 302
    assert response["Location"] == "/forum/tia-skane/samrad/7/"
    notification.refresh_from_db()
    assert notification.read_at is not None
    html = client.get(LIST).content.decode()
    assert "Oläst:" not in html
    assert "0 olästa" in html


def test_another_persons_notification_is_not_found_and_stays_unread(client, member):
    theirs = NotificationFactory()
    assert client.get(opened(theirs.pk)).status_code == 404
    assert client.post(opened(theirs.pk)).status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_opening_needs_a_signed_in_person(client):
    notification = NotificationFactory()
    response = Client().get(opened(notification.pk))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    notification.refresh_from_db()
    assert notification.read_at is None


@pytest.mark.parametrize(
    "url",
    [
        "https://evil.example/",
        "//evil.example/forum/",
        "/\\evil.example/",
        "\\\\evil.example",
        "javascript:alert(1)",
        "forum/tia-skane/",
        " //evil.example",
        "",
    ],
)
def test_a_link_off_the_site_is_never_followed(client, member, url):
    (notification,) = notifications(member, 1, url=url)
    html = client.get(LIST).content.decode()
    assert "evil.example" not in html
    # No link to follow: a button marks it read instead.
    assert f'href="{opened(notification.pk)}"' not in html
    assert f"Markera som läst: {notification.subject}" in html
    response = client.post(opened(notification.pk))
    assert response.status_code == 302
    assert response["Location"] == LIST
    assert client.get(opened(notification.pk))["Location"] == LIST
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_mark_all_read_marks_only_mine(client, member):
    notifications(member, 4)
    theirs = NotificationFactory()
    response = client.post(MARK_ALL, follow=True)
    assert "Alla aviseringar är markerade som lästa." in response.content.decode()
    assert not Notification.objects.of(member).unread().exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None
    assert "0 olästa" in response.content.decode()


def test_mark_all_read_is_a_post_with_a_csrf_token(member):
    notifications(member, 2)
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(member)
    assert browser.get(MARK_ALL).status_code == 405
    assert browser.post(MARK_ALL).status_code == 403
    assert Notification.objects.of(member).unread().count() == 2


def test_reading_keeps_the_first_time_it_was_read(client, member):
    (notification,) = notifications(member, 1)
    client.get(opened(notification.pk))
    notification.refresh_from_db()
    first = notification.read_at
    client.get(opened(notification.pk))
    client.post(MARK_ALL)
    notification.refresh_from_db()
    assert notification.read_at == first


def test_the_list_and_header_in_english(client, member):
    notifications(member, 2)
    html = client.get("/en" + LIST).content.decode()
    assert "2 unread" in html
    assert "Unread:" in html


def test_the_settings_pages_latest_notifications_open_and_mark_read(client, member):
    (notification,) = notifications(member, 1, url="/forum/")
    html = client.get("/forum/installningar/aviseringar/").content.decode()
    assert f'href="{opened(notification.pk)}"' in html
    response = client.get(opened(notification.pk))
    assert response["Location"] == "/forum/"
    notification.refresh_from_db()
    assert notification.read_at is not None
