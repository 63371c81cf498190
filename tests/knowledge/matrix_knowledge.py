"""Permission-matrix rows for the knowledge room: its pages (Wagtail pages,
so the rows are named ``knowledge/<what>``), the protected images' view and a
document linked from a private page.

A page for the level Dialog: the forum's members from Dialog up, its
conveners and the county administrators; a visitor is asked to sign in, and
everyone else gets 404, an editor too (editing pages opens nothing private).
"""

import contextlib
import io
import json

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.signals import page_published

from forum.models import Visibility
from knowledge.factories import (
    ArticleFactory,
    KnowledgeIndexFactory,
    NeedsAnalysisFactory,
)
from tests.matrix_roles import COUNTY_ADMINS, EVERYONE, LOGIN, NOBODY, ROLES

DIALOG_AND_UP = (
    dict.fromkeys(ROLES, 404)
    | {"anonymous": LOGIN, "dialog": 200, "partnerskap": 200, "convener": 200}
    | COUNTY_ADMINS
)
# A protected image on no page: those who may change images in the admin.
IMAGE_KEEPERS = (
    dict.fromkeys(ROLES, 404) | {"anonymous": LOGIN, "editor": 200} | COUNTY_ADMINS
)

# Three pages only: each row of the matrix makes them again (the other
# levels, drafts and the public index are in tests/knowledge/).
ROWS = {
    # The forum's index is open; it lists what each reader may see.
    "knowledge/forum_index": ("/kunskap-tia-skane/", EVERYONE),
    "knowledge/public_article": ("/kunskap-tia-skane/att-na-eget-boende/", EVERYONE),
    "knowledge/dialog_mapping": (
        "/kunskap-tia-skane/kartlaggning-dialog/",
        DIALOG_AND_UP,
    ),
    # The feeds hold public pages only, the same for everybody.
    "knowledge/forum_rss": ("/kunskap-tia-skane/rss/", EVERYONE),
    "knowledge/forum_atom": ("/kunskap-tia-skane/atom/", EVERYONE),
    "knowledge/tag_rss": ("/kunskap-tia-skane/tagg/{knowledge_tag}/rss/", EVERYONE),
    # A tag only a private page has has no feed, for anybody.
    "knowledge/private_tag_rss": ("/kunskap-tia-skane/tagg/kartor/rss/", NOBODY),
    "image_serve": ("/bilder/{knowledge_image}/width-800/", DIALOG_AND_UP),
    "image_serve/nothing": ("/bilder/{lone_image}/width-800/", IMAGE_KEEPERS),
    "document_serve/knowledge_page": (
        "/documents/{knowledge_document}",
        DIALOG_AND_UP,
    ),
}


def image(title):
    buffer = io.BytesIO()
    PILImage.new("RGB", (24, 16), "teal").save(buffer, "PNG")
    return get_image_model().objects.create(
        title=title,
        private=True,
        file=ImageFile(io.BytesIO(buffer.getvalue()), name="bild.png"),
    )


@contextlib.contextmanager
def without_aliases():
    """The matrix reads the Swedish pages only: making each page's alias in
    seven languages would cost every row of the matrix a second or more."""
    from website.home.locales import alias_new_page

    page_published.disconnect(dispatch_uid="website.home.alias_new_page")
    try:
        yield
    finally:
        page_published.connect(
            alias_new_page, dispatch_uid="website.home.alias_new_page"
        )


def populate(people, forum):
    with without_aliases():
        add_pages(people, forum)


def add_pages(people, forum):
    home = Page.objects.get(depth=2, locale__language_code="sv")
    forum_index = KnowledgeIndexFactory(
        parent=home, title="Kunskap i forumet", slug="kunskap-tia-skane", forum=forum
    )
    ArticleFactory(parent=forum_index, slug="att-na-eget-boende", tags=["boende"])
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
    people["_knowledge_tag"] = "boende"
    people["_knowledge_image"] = picture.pk
    people["_lone_image"] = image("Uppladdad").pk
    people["_knowledge_document"] = f"{document.pk}/{document.filename}"
