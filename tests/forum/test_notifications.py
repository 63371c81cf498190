"""Notifications: stored per person, emailed at once, in the daily digest, or not."""

import pytest
from django.core import mail
from django.core.management import call_command

from forum.models import Notification, NotificationPreference
from forum.notifications import notify_users
from tests.factories import UserFactory

Frequency = NotificationPreference.Frequency
KIND = Notification.Kind.NEW_CONSULTATION


def person(frequency=None, **fields):
    user = UserFactory(**fields)
    if frequency:
        NotificationPreference.objects.create(user=user, frequency=frequency)
    return user


CONSULTATION = {
    "consultation": 1,
    "forum": "tia-skane",
    "forum_name": "Råd & stöd",
    "title": "Handlingsplan 2031",
    "deadline": "2031-03-01T16:00:00+00:00",
}
REPLY = {
    "thread": 7,
    "post": 70,
    "page": 1,
    "forum": "tia-skane",
    "forum_name": "TIA Skåne",
    "title": "Lokaler",
    "author": "Anna",
}


def send(users):
    return notify_users(users, KIND, CONSULTATION)


@pytest.mark.django_db
def test_immediate_sends_one_email_with_subject_body_and_link():
    user = person()  # the default is immediate
    send([user])
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [user.email]
    assert "Nytt samråd: Handlingsplan 2031" in message.subject
    assert "Råd & stöd ber om" in message.body  # not HTML-escaped
    assert "2031-03-01 17:00" in message.body  # local time
    assert "http://testserver/forum/tia-skane/samrad/1/" in message.body
    notification = Notification.objects.get(user=user)
    assert notification.sent_at is not None


@pytest.mark.django_db
def test_daily_waits_for_the_digest_and_none_sends_nothing():
    daily = person(Frequency.DAILY)
    silent = person(Frequency.NONE)
    send([daily, silent])
    assert mail.outbox == []
    assert not Notification.objects.filter(user=silent).exists()
    assert Notification.objects.get(user=daily).sent_at is None


@pytest.mark.django_db
def test_inactive_people_get_nothing():
    user = person(is_active=False)
    send([user])
    assert mail.outbox == []
    assert not Notification.objects.exists()


@pytest.mark.django_db
def test_digest_lists_every_item_once_and_is_idempotent():
    daily = person(Frequency.DAILY)
    immediate = person()
    send([daily, immediate])
    notify_users([daily], Notification.Kind.THREAD_REPLY, REPLY)
    mail.outbox.clear()
    call_command("send_notification_digest", stdout=None)
    call_command("send_notification_digest", stdout=None)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [daily.email]
    assert "Sammanfattning från TIA samverkansplattform" in message.subject
    assert "Nytt samråd: Handlingsplan 2031" in message.body
    assert "http://testserver/forum/tia-skane/samrad/1/" in message.body
    assert "Nytt svar i tråden Lokaler" in message.body
    assert "Anna har svarat i tråden Lokaler" in message.body
    assert "http://testserver/forum/tia-skane/dialog/7/#inlagg-70" in message.body
    assert not Notification.objects.filter(sent_at__isnull=True).exists()


@pytest.mark.django_db
def test_preference_form_saves_the_frequency(client):
    user = person()
    client.force_login(user)
    url = "/forum/installningar/aviseringar/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"frequency": "daily"})
    assert response.status_code == 302
    assert user.notification_preference.frequency == Frequency.DAILY
    client.post(url, {"frequency": "none"})
    user.notification_preference.refresh_from_db()
    assert user.notification_preference.frequency == Frequency.NONE


@pytest.mark.django_db
def test_preference_form_refuses_an_unknown_frequency(client):
    user = person()
    client.force_login(user)
    response = client.post("/forum/installningar/aviseringar/", {"frequency": "hourly"})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not NotificationPreference.objects.filter(user=user).exists()


@pytest.mark.django_db
def test_preference_page_needs_sign_in(client):
    response = client.get("/forum/installningar/aviseringar/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
