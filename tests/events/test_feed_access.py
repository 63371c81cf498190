"""Who sees what in the feeds: public and personal feeds, tokens, membership
and conveners, single-event downloads, and the subscription page.
"""

import pytest

from events.models import CalendarToken
from forum.models import Level, Visibility
from tests.events.feed_helpers import parse, personal_url, summaries, vevents
from tests.factories import (
    UserFactory,
)

# Who sees what


def test_public_feeds_hold_public_events_only(client, mixed):
    assert summaries(parse(client.get("/ical/kalender.ics"))) == {
        "Offentligt",
        "Annat offentligt",
    }
    assert summaries(parse(client.get("/ical/forum/tia-skane.ics"))) == {"Offentligt"}
    assert summaries(parse(client.get("/ical/forum/annat-forum.ics"))) == {
        "Annat offentligt"
    }


def test_public_feeds_ignore_the_session(client, mixed, member):
    client.force_login(member(Level.PARTNERSKAP))
    assert "Samråd" not in summaries(parse(client.get("/ical/kalender.ics")))
    assert "Dialog" not in summaries(parse(client.get("/ical/forum/tia-skane.ics")))


def test_personal_feed_follows_the_access_rule(client, mixed, member):
    samrad = member(Level.SAMRAD)
    url = personal_url(samrad)
    # Signed out: the token is the credential.
    assert summaries(parse(client.get(url))) == {
        "Offentligt",
        "Samråd",
        "Annat offentligt",
    }
    dialog = member(Level.DIALOG)
    assert "Dialog" in summaries(parse(client.get(personal_url(dialog))))


def test_regenerated_token_kills_the_old_url(client, mixed, member):
    user = member(Level.SAMRAD)
    old = personal_url(user)
    user.calendar_token.regenerate()
    assert client.get(old).status_code == 404
    assert client.get(personal_url(user)).status_code == 200


def test_personal_feed_empties_when_membership_ends(client, mixed, member):
    user = member(Level.SAMRAD)
    url = personal_url(user)
    assert "Samråd" in summaries(parse(client.get(url)))
    user.memberships.all().delete()
    assert summaries(parse(client.get(url))) == {"Offentligt", "Annat offentligt"}


def test_personal_feed_of_an_inactive_user_is_gone(client, mixed, member):
    user = member(Level.SAMRAD)
    url = personal_url(user)
    user.is_active = False
    user.save()
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/ical/forum/finns-inte.ics",
        "/ical/personlig/finns-inte.ics",
        "/ical/handelse/999999.ics",
    ],
)
def test_unknown_forum_token_or_event(client, db, url):
    assert client.get(url).status_code == 404


def test_single_event_download(client, make_event, member):
    event = make_event(title="Dialogmöte", visibility=Visibility.DIALOG)
    url = f"/ical/handelse/{event.pk}.ics"
    assert client.get(url).status_code == 404
    client.force_login(member(Level.SAMRAD))
    assert client.get(url).status_code == 404
    client.force_login(member(Level.DIALOG))
    response = client.get(url)
    (component,) = vevents(parse(response))
    assert str(component["UID"]) == event.uid
    assert response["Content-Disposition"] == 'attachment; filename="dialogmote.ics"'
    assert response["Cache-Control"] == "private, max-age=300"


def test_single_public_event_for_anonymous(client, make_event):
    event = make_event()
    assert parse(client.get(f"/ical/handelse/{event.pk}.ics"))


def test_convener_sees_everything_of_the_forum(client, mixed, forum):
    convener = UserFactory()
    forum.conveners.add(convener)
    assert {"Samråd", "Dialog"} <= summaries(parse(client.get(personal_url(convener))))


# The subscription page


def test_subscribe_page_creates_the_token_once(client, member):
    user = member(Level.INFORMATION)
    client.force_login(user)
    response = client.get("/kalender/prenumerera/")
    assert response.status_code == 200
    token = CalendarToken.objects.get(user=user).token
    content = response.content.decode()
    assert f"http://testserver/ical/personlig/{token}.ics" in content
    assert "webcal://testserver/ical/kalender.ics" in content
    assert "http://testserver/ical/forum/tia-skane.ics" in content
    client.get("/kalender/prenumerera/")
    assert CalendarToken.objects.get(user=user).token == token


def test_subscribe_page_needs_sign_in(client, db):
    response = client.get("/kalender/prenumerera/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_regenerate_token(client, member):
    user = member(Level.INFORMATION)
    client.force_login(user)
    old = personal_url(user)
    response = client.post("/kalender/prenumerera/ny-nyckel/", follow=True)
    assert response.redirect_chain[-1][0] == "/kalender/prenumerera/"
    assert "Den gamla adressen fungerar inte längre" in response.content.decode()
    assert client.get(old).status_code == 404
    assert client.get(personal_url(user)).status_code == 200
    assert client.get("/kalender/prenumerera/ny-nyckel/").status_code == 405
