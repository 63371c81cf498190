"""Permission-matrix rows for the calendar URLs of events/ (tests/matrix_roles.py)."""

import datetime

from django.utils import timezone

from events.models import Event
from forum.models import Visibility
from tests.matrix_roles import (
    CONVENERS,
    COUNTY_ADMINS,
    EVERYONE,
    LOGIN,
    MEMBERS,
    ROLES,
)

# A meeting at level Dialog, two months from now on the hour.
START = (timezone.now() + datetime.timedelta(days=60)).replace(
    minute=0, second=0, microsecond=0
)
# Who sees a Dialog-level event: 404 for the rest, so its existence stays hidden.
DIALOG_AND_UP = (
    dict.fromkeys(ROLES, 404)
    | {"dialog": 200, "partnerskap": 200, "convener": 200}
    | COUNTY_ADMINS
)

ROWS = {
    "events:calendar": ("/kalender/", EVERYONE),
    "events:forum_calendar": ("/forum/tia-skane/kalender/", MEMBERS),
    "events:event_detail": ("/kalender/{calendar_event}/", DIALOG_AND_UP),
    "events:rsvp": (
        "POST /kalender/{calendar_event}/svar/",
        DIALOG_AND_UP
        | {"anonymous": LOGIN, "dialog": 302, "partnerskap": 302}
        | {"convener": 302, "county_admin": 302, "superuser": 302},
        {"occurrence": START.isoformat(), "answer": "going"},
    ),
    # Planning: conveners only; a meeting a person cannot see stays a 404.
    "events:plan_meeting": ("/forum/tia-skane/kalender/planera/", CONVENERS),
    "events:edit_meeting": (
        "/kalender/{calendar_event}/andra/",
        DIALOG_AND_UP
        | {"anonymous": LOGIN, "dialog": 403, "partnerskap": 403, "convener": 200},
    ),
    "events:meeting_papers": (
        "/kalender/{calendar_event}/handlingar/",
        DIALOG_AND_UP
        | {"anonymous": LOGIN, "dialog": 403, "partnerskap": 403, "convener": 200},
    ),
    "events:cancel_meeting": (
        "/kalender/{calendar_event}/installt/",
        DIALOG_AND_UP
        | {"anonymous": LOGIN, "dialog": 403, "partnerskap": 403, "convener": 200},
    ),
}


def populate(people, forum):
    """Add what the rows need to ``people`` as "_name" keys (used as {name} in URLs)."""
    event = Event.objects.create(
        forum=forum,
        kind=Event.Kind.DIALOGUE_MEETING,
        title="Dialogmöte om språkstöd",
        visibility=Visibility.DIALOG,
        start=START,
        end=START + datetime.timedelta(hours=2),
    )
    people["_calendar_event"] = event.pk
