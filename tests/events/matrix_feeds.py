"""Permission-matrix rows for the feed URLs of events/ (tests/matrix_roles.py).

The personal feed's token is the credential, not the session: with one
person's token the URL answers 200 whoever asks.
"""

import datetime

from django.utils import timezone

from events.models import CalendarToken, Event
from forum.models import Visibility
from tests.matrix_roles import COUNTY_ADMINS, EVERYONE, LOGIN, ROLES, SIGNED_IN

# The single-event download of a Samråd event: members from Samråd up, the
# convener and county administrators; everyone else (the editor too) gets
# 404, as if it did not exist.
SAMRAD_AND_UP = (
    dict.fromkeys(ROLES, 404)
    | {"samrad": 200, "dialog": 200, "partnerskap": 200, "org_admin": 200}
    | {"convener": 200}
    | COUNTY_ADMINS
)

ROWS = {
    "events_feed_public": ("/ical/kalender.ics", EVERYONE),
    "events_feed_forum": ("/ical/forum/tia-skane.ics", EVERYONE),
    "events_feed_personal": ("/ical/personlig/{feed_token}.ics", EVERYONE),
    "events_feed_event": ("/ical/handelse/{feed_event}.ics", SAMRAD_AND_UP),
    "events:subscribe": ("/kalender/prenumerera/", SIGNED_IN),
    "events:regenerate_token": (
        "POST /kalender/prenumerera/ny-nyckel/",
        dict.fromkeys(ROLES, 302) | {"anonymous": LOGIN},
        {},
    ),
}


def populate(people, forum):
    """Add what the rows need to ``people`` as "_name" keys (used as {name} in URLs)."""
    start = timezone.now() + datetime.timedelta(days=7)
    event = Event.objects.create(
        forum=forum,
        kind=Event.Kind.FORUM_MEETING,
        title="Samrådsmöte",
        visibility=Visibility.SAMRAD,
        start=start,
        end=start + datetime.timedelta(hours=2),
    )
    people["_feed_event"] = event.pk
    people["_feed_token"] = CalendarToken.objects.create(user=people["dialog"]).token
