"""Permission-matrix rows for the minutes URLs of events/ (tests/matrix_roles.py)."""

import datetime

from django.utils import timezone

from events.models import ActionItem, AgendaItem, AgendaProposal, Event, Minutes
from forum.models import Visibility
from tests.matrix_roles import CONVENERS, COUNTY_ADMINS, LOGIN, ROLES

# The meetings are visible from level Information: the other forum's member,
# the editor and anonymous visitors get a 404, never a hint that the meeting
# exists.
NOT_IN_FORUM = {"anonymous": 404, "other_forum": 404, "editor": 404}
SEES_MEETING = dict.fromkeys(ROLES, 200) | NOT_IN_FORUM
MANAGES = CONVENERS | {"other_forum": 404, "editor": 404}
MANAGES_POST = (
    dict.fromkeys(ROLES, 403)
    | {"anonymous": LOGIN, "other_forum": 404, "editor": 404}
    | {"convener": 302, "county_admin": 302, "superuser": 302}
)
# A draft: conveners, county administrators and the people listed as
# attending (dialog).
DRAFT_READERS = (
    dict.fromkeys(ROLES, 404) | {"convener": 200, "dialog": 200} | COUNTY_ADMINS
)
# Published minutes narrowed to Samråd: Information members do not see them.
SAMRAD_READERS = SEES_MEETING | {"information": 404}

ROWS = {
    "events:agenda": ("/kalender/{meeting}/dagordning/", SEES_MEETING),
    "events:proposal_decide": (
        "/kalender/{meeting}/dagordning/forslag/{proposal}/",
        MANAGES,
    ),
    "events:agenda_edit": ("/kalender/{meeting}/dagordning/redigera/", MANAGES),
    "events:minutes": ("/kalender/{draft_meeting}/protokoll/", DRAFT_READERS),
    "events:minutes_edit": (
        "/kalender/{draft_meeting}/protokoll/redigera/",
        MANAGES,
    ),
    "events:minutes_print": (
        "/kalender/{published_meeting}/protokoll/utskrift/",
        SAMRAD_READERS,
    ),
    "events:minutes_approve": (
        "POST /kalender/{draft_meeting}/protokoll/justera/",
        MANAGES_POST,
    ),
    "events:minutes_publish": (
        "POST /kalender/{approved_meeting}/protokoll/publicera/",
        MANAGES_POST,
    ),
    "events:action_items": (
        "/forum/tia-skane/atgarder/",
        dict.fromkeys(ROLES, 200)
        | {"anonymous": LOGIN, "other_forum": 403, "editor": 403},
    ),
    # The owner is the dialog member's organisation.
    "events:action_item_update": (
        "POST /atgarder/{action_item}/",
        MANAGES_POST | {"dialog": 302},
        {"status": "done"},
    ),
}


def meeting(forum, days, title):
    start = timezone.now() + datetime.timedelta(days=days)
    return Event.objects.create(
        forum=forum,
        kind=Event.Kind.FORUM_MEETING,
        title=title,
        visibility=Visibility.INFORMATION,
        start=start,
        end=start + datetime.timedelta(hours=2),
    )


def populate(people, forum):
    """Add what the rows need to ``people`` as "_name" keys (used as {name} in URLs)."""
    dialog = people["dialog"]
    dialog_org = dialog.memberships.get().organisation
    upcoming = meeting(forum, 14, "Forummöte i maj")
    AgendaItem.objects.create(event=upcoming, position=1, title="Lägesbild")
    proposal = AgendaProposal.objects.create(
        event=upcoming,
        title="Språkcaféer i Lund",
        proposed_by=dialog,
        organisation=dialog_org,
    )
    draft = Minutes.objects.create(event=meeting(forum, -14, "Forummöte i april"))
    draft.attending_people.add(dialog)
    approved = Minutes.objects.create(
        event=meeting(forum, -45, "Forummöte i mars"),
        status=Minutes.Status.APPROVED,
    )
    published = Minutes.objects.create(
        event=meeting(forum, -75, "Forummöte i februari"),
        status=Minutes.Status.PUBLISHED,
        visibility=Visibility.SAMRAD,
    )
    action = ActionItem.objects.create(
        minutes=published, description="Skicka kartläggningen", owner=dialog_org
    )
    people["_meeting"] = upcoming.pk
    people["_proposal"] = proposal.pk
    people["_draft_meeting"] = draft.event_id
    people["_approved_meeting"] = approved.event_id
    people["_published_meeting"] = published.event_id
    people["_action_item"] = action.pk
