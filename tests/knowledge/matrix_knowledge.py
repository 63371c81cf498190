"""Permission-matrix rows for the knowledge room: its pages (Wagtail pages,
so the rows are named ``knowledge/<what>``), the protected images' view and a
document linked from a private page.

A page for the level Dialog: the forum's members from Dialog up, its
conveners and the county administrators; a visitor is asked to sign in, and
everyone else gets 404, an editor too (editing pages opens nothing private).
"""

import io
import json

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from forum.models import Visibility
from knowledge.factories import (
    ArticleFactory,
    KnowledgeIndexFactory,
    MeetingNotesFactory,
    NeedsAnalysisFactory,
)
from tests.matrix_roles import COUNTY_ADMINS, EVERYONE, LOGIN, NOBODY, ROLES

INFORMATION_AND_UP = dict.fromkeys(ROLES, 200) | {
    "anonymous": LOGIN,
    "other_forum": 404,
    "editor": 404,
}
DIALOG_AND_UP = (
    dict.fromkeys(ROLES, 404)
    | {"anonymous": LOGIN, "dialog": 200, "partnerskap": 200, "convener": 200}
    | COUNTY_ADMINS
)
# A protected image on no page: those who may change images in the admin.
IMAGE_KEEPERS = (
    dict.fromkeys(ROLES, 404) | {"anonymous": LOGIN, "editor": 200} | COUNTY_ADMINS
)

ROWS = {
    "knowledge/public_index": ("/kunskap/", EVERYONE),
    # The forum's index is open; it lists what each reader may see.
    "knowledge/forum_index": ("/kunskap/tia-skane/", EVERYONE),
    "knowledge/public_article": ("/kunskap/att-na-eget-boende/", EVERYONE),
    "knowledge/information_notes": (
        "/kunskap/tia-skane/natverksmote-anteckningar/",
        INFORMATION_AND_UP,
    ),
    "knowledge/dialog_mapping": (
        "/kunskap/tia-skane/kartlaggning-dialog/",
        DIALOG_AND_UP,
    ),
    "knowledge/draft": ("/kunskap/tia-skane/utkast/", NOBODY),
    # The feeds hold public pages only, the same for everybody.
    "knowledge/public_rss": ("/kunskap/rss/", EVERYONE),
    "knowledge/public_atom": ("/kunskap/atom/", EVERYONE),
    "knowledge/forum_rss": ("/kunskap/tia-skane/rss/", EVERYONE),
    "knowledge/forum_atom": ("/kunskap/tia-skane/atom/", EVERYONE),
    "knowledge/tag_rss": ("/kunskap/tagg/{knowledge_tag}/rss/", EVERYONE),
    "knowledge/tag_atom": ("/kunskap/tagg/{knowledge_tag}/atom/", EVERYONE),
    # A tag only a private page has has no feed, for anybody.
    "knowledge/private_tag_rss": ("/kunskap/tagg/kartor/rss/", NOBODY),
    "image_serve": ("/bilder/{knowledge_image}/width-800/", DIALOG_AND_UP),
    "image_serve/nothing": ("/bilder/{lone_image}/width-800/", IMAGE_KEEPERS),
    "document_serve/knowledge_page": (
        "/documents/{knowledge_document}",
        DIALOG_AND_UP,
    ),
}


def image(title):
    buffer = io.BytesIO()
    PILImage.new("RGB", (900, 600), "teal").save(buffer, "PNG")
    return get_image_model().objects.create(
        title=title,
        private=True,
        file=ImageFile(io.BytesIO(buffer.getvalue()), name="bild.png"),
    )


def populate(people, forum):
    home = Page.objects.get(depth=2, locale__language_code="sv")
    public = KnowledgeIndexFactory(parent=home, title="Kunskap", slug="kunskap")
    forum_index = KnowledgeIndexFactory(
        parent=public, title="Kunskap i forumet", slug="tia-skane", forum=forum
    )
    ArticleFactory(parent=public, slug="att-na-eget-boende", tags=["boende"])
    MeetingNotesFactory(
        parent=forum_index,
        slug="natverksmote-anteckningar",
        forum=forum,
        visibility=Visibility.INFORMATION,
    )
    picture = image("Karta")
    document = get_document_model().objects.create(
        title="Kartläggning", file=ContentFile(b"%PDF-1.4 karta", name="karta.pdf")
    )
    NeedsAnalysisFactory(
        parent=forum_index,
        slug="kartlaggning-dialog",
        forum=forum,
        visibility=Visibility.DIALOG,
        tags=["kartor"],
        findings=json.dumps(
            [
                {"type": "image", "value": {"image": picture.pk, "caption": ""}},
                {
                    "type": "document",
                    "value": {"document": document.pk, "title": ""},
                },
            ]
        ),
    )
    ArticleFactory(parent=forum_index, slug="utkast", forum=forum, live=False)
    people["_knowledge_tag"] = "boende"
    people["_knowledge_image"] = picture.pk
    people["_lone_image"] = image("Uppladdad").pk
    people["_knowledge_document"] = f"{document.pk}/{document.filename}"
