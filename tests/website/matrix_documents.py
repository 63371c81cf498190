"""Permission-matrix rows for Wagtail documents attached to forum content."""

import datetime

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from events.models import Event, EventAttachment
from forum.models import Visibility
from tests.matrix_roles import LOGIN, ROLES

START = datetime.datetime(2035, 2, 6, 9, tzinfo=datetime.UTC)
# A document of a members-only meeting: the forum's members and conveners; the
# rest never learn it exists, and visitors are asked to sign in.
INFORMATION_AND_UP = dict.fromkeys(ROLES, 200) | {
    "anonymous": LOGIN,
    "other_forum": 404,
    "editor": 404,
}

ROWS = {
    "document_serve": (
        "/documents/{meeting_document}",
        INFORMATION_AND_UP,
    ),
}


def populate(people, forum):
    """Add what the rows need to ``people`` as "_name" keys (used as {name} in URLs)."""
    event = Event.objects.create(
        forum=forum,
        kind=Event.Kind.NETWORK_MEETING,
        title="Nätverksmöte",
        visibility=Visibility.INFORMATION,
        start=START,
        end=START + datetime.timedelta(hours=2),
    )
    document = get_document_model().objects.create(
        title="Underlag", file=ContentFile(b"%PDF-1.4 underlag", name="underlag.pdf")
    )
    EventAttachment.objects.create(event=event, document=document)
    # Wagtail may rename the file on disk; the URL carries the stored name.
    people["_meeting_document"] = f"{document.pk}/{document.filename}"
