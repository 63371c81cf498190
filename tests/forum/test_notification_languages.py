"""Notifications are stored as a kind and parameters and written in each
reader's language: the email in the recipient's, the list in the viewer's."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from core.users.language import language_for
from forum.factories import NotificationFactory
from forum.models import Notification, NotificationPreference
from forum.notification_texts import RENDERERS
from forum.notifications import notify_users
from tests.factories import UserFactory
from tests.forum.test_notifications import CONSULTATION, REPLY

pytestmark = pytest.mark.django_db

KIND = Notification.Kind.NEW_CONSULTATION


def mail_to(user):
    (message,) = [m for m in mail.outbox if m.to == [user.email]]
    return message


def test_two_members_get_the_same_notification_each_in_their_language():
    swedish = UserFactory(language="sv")
    english = UserFactory(language="en")
    notify_users([swedish, english], KIND, CONSULTATION)
    assert len(mail.outbox) == 2

    sv = mail_to(swedish)
    assert sv.subject == "[TIA] Nytt samråd: Handlingsplan 2031"
    assert "Råd & stöd ber om er organisations synpunkter" in sv.body
    assert "Sista dag för svar är 2031-03-01 17:00" in sv.body
    assert "Läs mer:\nhttp://testserver/forum/tia-skane/samrad/1/" in sv.body
    assert "http://testserver/forum/installningar/aviseringar/" in sv.body

    en = mail_to(english)
    assert en.subject == "[TIA] New consultation: Handlingsplan 2031"
    assert "Råd & stöd is asking for your organisation’s views" in en.body
    assert "2031-03-01 17:00" in en.body
    assert "Read more:\nhttp://testserver/en/forum/tia-skane/samrad/1/" in en.body
    assert "http://testserver/en/forum/installningar/aviseringar/" in en.body
    assert "Nytt samråd" not in en.body + en.subject


def test_without_a_choice_the_language_last_used_counts(client):
    member = UserFactory()
    assert language_for(member) == "sv"
    client.force_login(member)
    client.get("/en/forum/mina-aviseringar/")
    member.refresh_from_db()
    assert (member.language, member.last_language) == ("", "en")
    assert language_for(member) == "en"
    notify_users([member], KIND, CONSULTATION)
    assert mail_to(member).subject == "[TIA] New consultation: Handlingsplan 2031"
    # A chosen language wins over the last one used.
    member.language = "sv"
    assert language_for(member) == "sv"


def test_the_language_last_used_is_written_only_when_it_changes(client):
    member = UserFactory(last_language="en")
    client.force_login(member)
    client.get("/en/forum/mina-aviseringar/")
    with CaptureQueriesContext(connection) as english:
        client.get("/en/forum/mina-aviseringar/")
    updates = [q["sql"] for q in english.captured_queries if "UPDATE" in q["sql"]]
    assert not [sql for sql in updates if "last_language" in sql]
    client.get("/forum/mina-aviseringar/")
    member.refresh_from_db()
    assert member.last_language == "sv"


def test_a_language_no_longer_offered_counts_as_none():
    assert language_for(UserFactory(language="xx", last_language="en")) == "en"
    assert language_for(UserFactory(language="xx", last_language="yy")) == "sv"


def test_the_list_shows_the_viewers_language():
    member = UserFactory(language="sv")
    notify_users([member], Notification.Kind.THREAD_REPLY, REPLY)
    client = Client()
    client.force_login(member)
    english = client.get("/en/forum/mina-aviseringar/").content.decode()
    assert "New reply in the thread Lokaler" in english
    assert "Anna has replied in the thread Lokaler in TIA Skåne." in english
    swedish = client.get("/forum/mina-aviseringar/").content.decode()
    assert "Nytt svar i tråden Lokaler" in swedish
    # Opening it leads to the thread in the language being read.
    pk = Notification.objects.get(user=member).pk
    response = client.get(f"/en/forum/mina-aviseringar/{pk}/")
    assert response["Location"] == "/en/forum/tia-skane/dialog/7/#inlagg-70"


def test_notifications_stored_as_text_keep_showing_it():
    member = UserFactory(language="en")
    old = NotificationFactory(user=member, subject="Gammal avisering", body="Text")
    client = Client()
    client.force_login(member)
    assert (
        "Gammal avisering" in client.get("/en/forum/mina-aviseringar/").content.decode()
    )
    assert old.message().url == "/forum/"


def test_the_digest_is_in_the_recipients_language():
    english = UserFactory(language="en")
    NotificationPreference.objects.create(
        user=english, frequency=NotificationPreference.Frequency.DAILY
    )
    notify_users([english], KIND, CONSULTATION)
    notify_users([english], Notification.Kind.THREAD_REPLY, REPLY)
    call_command("send_notification_digest", stdout=None)
    (message,) = mail.outbox
    assert message.subject == "[TIA] Digest from the TIA collaboration platform"
    assert "New consultation: Handlingsplan 2031" in message.body
    assert "http://testserver/en/forum/tia-skane/samrad/1/" in message.body
    assert "Anna has replied in the thread Lokaler" in message.body
    assert "http://testserver/en/forum/tia-skane/dialog/7/#inlagg-70" in message.body


def test_transactional_mail_goes_out_in_each_recipients_language():
    from core import email

    swedish = UserFactory(language="sv")
    english = UserFactory(language="en")
    email.send(
        [swedish.email, english.email, "stranger@example.org"],
        "forum/email/notification.txt",
        {
            "messages": [],
            "settings_url": "http://testserver/forum/installningar/aviseringar/",
        },
    )
    sv, en = mail.outbox
    assert sv.to == [swedish.email, "stranger@example.org"]
    assert en.to == [english.email]
    assert "Välj hur ofta du vill få e-post" in sv.body
    assert "http://testserver/forum/installningar/aviseringar/" in sv.body
    assert "http://testserver/en/forum/installningar/aviseringar/" in en.body


def test_every_kind_of_notification_has_its_text():
    assert set(RENDERERS) == set(Notification.Kind.values)
