"""Conveners cancel a meeting on the site, with a note, and may undo it."""

import datetime

import pytest
from django.utils import timezone
from icalendar import Calendar

from events.models import RSVP, Event
from forum.models import Level

NOTE = "Inställt på grund av sjukdom, nytt datum kommer."


@pytest.fixture
def meeting(make_event):
    return make_event(
        title="Forummöte i vår", start=timezone.now() + datetime.timedelta(days=10)
    )


def cancel_url(meeting):
    return f"/kalender/{meeting.pk}/installt/"


def feed_event(client, forum, user):
    client.force_login(user)
    feed = Calendar.from_ical(client.get(f"/ical/forum/{forum.slug}.ics").content)
    (event,) = feed.walk("VEVENT")
    return event


def test_a_convener_cancels_with_a_note_and_calendars_are_told(
    client, forum, convener, meeting
):
    before = feed_event(client, forum, convener)
    assert str(before["STATUS"]) == "CONFIRMED"
    page = client.get(f"/kalender/{meeting.pk}/").content.decode()
    assert cancel_url(meeting) in page

    response = client.post(cancel_url(meeting), {"note": NOTE}, follow=True)
    page = response.content.decode()
    assert "Mötet är inställt." in page
    assert NOTE in page
    meeting.refresh_from_db()
    assert meeting.cancelled and meeting.cancellation_note == NOTE

    after = feed_event(client, forum, convener)
    assert str(after["STATUS"]) == "CANCELLED"
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])

    # A second click (another tab) changes nothing and says so.
    again = client.post(cancel_url(meeting), {"note": "Annat"}, follow=True)
    assert "Mötet var redan inställt." in again.content.decode()
    meeting.refresh_from_db()
    assert meeting.cancellation_note == NOTE


def test_without_a_note_the_form_says_what_is_missing(client, forum, convener, meeting):
    client.force_login(convener)
    response = client.post(cancel_url(meeting), {"note": "  "})
    assert response.status_code == 200
    assert "Skriv varför mötet är inställt." in response.content.decode()
    response = client.post(cancel_url(meeting), {"note": "x" * 301})
    assert response.status_code == 200
    meeting.refresh_from_db()
    assert not meeting.cancelled


def test_a_convener_undoes_the_cancellation(client, forum, convener, meeting):
    client.force_login(convener)
    client.post(cancel_url(meeting), {"note": NOTE})
    page = client.get(f"/kalender/{meeting.pk}/").content.decode()
    assert "Ångra att mötet är inställt" in page
    response = client.post(cancel_url(meeting), {"reinstate": "1"}, follow=True)
    assert "Mötet är inte längre inställt." in response.content.decode()
    meeting.refresh_from_db()
    assert not meeting.cancelled and meeting.cancellation_note == ""
    assert str(feed_event(client, forum, convener)["STATUS"]) == "CONFIRMED"


def test_members_may_not_cancel(client, meeting, member):
    user = member(Level.PARTNERSKAP)
    client.force_login(user)
    assert (
        cancel_url(meeting)
        not in client.get(f"/kalender/{meeting.pk}/").content.decode()
    )
    assert client.post(cancel_url(meeting), {"note": NOTE}).status_code == 403
    assert not Event.objects.get(pk=meeting.pk).cancelled


def test_those_who_said_they_would_come_are_told_in_their_language(
    client, convener, meeting, member, mailoutbox
):
    def person(answer, language=""):
        user = member(Level.INFORMATION)
        user.language = language
        user.save()
        RSVP.objects.create(
            event=meeting, occurrence_start=meeting.start, user=user, answer=answer
        )
        return user

    swedish = person(RSVP.Answer.GOING)
    english = person(RSVP.Answer.GOING, "en")
    person(RSVP.Answer.NOT_GOING)
    client.force_login(convener)
    client.post(cancel_url(meeting), {"note": NOTE})

    by_reader = {message.to[0]: message for message in mailoutbox}
    assert set(by_reader) == {swedish.email, english.email}
    assert "Inställt: Forummöte i vår" in by_reader[swedish.email].subject
    assert NOTE in by_reader[swedish.email].body
    assert "Cancelled: Forummöte i vår" in by_reader[english.email].subject
    assert "You had said you would come." in by_reader[english.email].body
    assert f"/en/kalender/{meeting.pk}/" in by_reader[english.email].body
    # Undoing and cancelling again tells them again; a second click does not.
    client.post(cancel_url(meeting), {"note": NOTE})
    assert len(mailoutbox) == 2
