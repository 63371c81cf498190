"""Permission-matrix rows for Wagtail documents (``core/documents/access.py``).

One route serves every document, so its rows are named ``document_serve`` and
``document_serve/<what refers to the document>``.
"""

import datetime
import json

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from events.models import Event, EventAttachment
from forum.models import Visibility
from partners.models import Agreement
from tests.matrix_roles import COUNTY_ADMINS, EVERYONE, LOGIN, ROLES
from website.home.models import GuidancePage, HomePage

# A meeting two months from now on the hour.
START = (timezone.now() + datetime.timedelta(days=60)).replace(
    minute=0, second=0, microsecond=0
)
# A document of a members-only meeting: the forum's members and conveners; the
# rest never learn it exists, and visitors are asked to sign in.
INFORMATION_AND_UP = dict.fromkeys(ROLES, 200) | {
    "anonymous": LOGIN,
    "other_forum": 404,
    "editor": 404,
}
# A signed agreement: whoever opens the partnership workspace.
PARTNERS = (
    dict.fromkeys(ROLES, 404)
    | {"anonymous": LOGIN, "partnerskap": 200, "convener": 200}
    | COUNTY_ADMINS
)
# Uploaded, referred to by nothing: those who may change documents in the
# admin (Wagtail's Editors group and the county administrators), nobody else.
DOCUMENT_KEEPERS = (
    dict.fromkeys(ROLES, 404) | {"anonymous": LOGIN, "editor": 200} | COUNTY_ADMINS
)

ROWS = {
    "document_serve": ("/documents/{meeting_document}", INFORMATION_AND_UP),
    "document_serve/agreement": ("/documents/{agreement_document}", PARTNERS),
    "document_serve/nothing": ("/documents/{lone_document}", DOCUMENT_KEEPERS),
    "document_serve/public_page": ("/documents/{page_document}", EVERYONE),
}


def document(title):
    return get_document_model().objects.create(
        title=title, file=ContentFile(b"%PDF-1.4 " + title.encode(), name="doc.pdf")
    )


def path(doc):
    # Wagtail may rename the file on disk; the URL carries the stored name.
    return f"{doc.pk}/{doc.filename}"


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
    meeting_paper = document("Underlag")
    EventAttachment.objects.create(event=event, document=meeting_paper)
    signed = document("Undertecknad överenskommelse")
    Agreement.objects.create(
        organisation=people["partnerskap"].memberships.get().organisation,
        forum=forum,
        title="Överenskommelse om tidiga insatser",
        valid_from=timezone.localdate() - datetime.timedelta(days=30),
        valid_until=timezone.localdate() + datetime.timedelta(days=335),
        signed_document=signed,
    )
    leaflet = document("Broschyr")
    HomePage.objects.get(locale__language_code="sv").add_child(
        instance=GuidancePage(
            title="Om TIA",
            slug="om-tia-matris",
            body=json.dumps(
                [
                    {
                        "type": "paragraph",
                        "value": f'<p><a linktype="document" id="{leaflet.pk}">'
                        "Broschyr</a></p>",
                    }
                ]
            ),
        )
    )
    people["_meeting_document"] = path(meeting_paper)
    people["_agreement_document"] = path(signed)
    people["_lone_document"] = path(document("Uppladdad"))
    people["_page_document"] = path(leaflet)
