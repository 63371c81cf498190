"""Documents and images on knowledge pages follow the page's reader.

A document linked from a private knowledge page is served to those who read
the page (``core/documents/access.py`` through ``core/page_access.py``); an
image on such a page is a protected one, stored outside the public files
and served through ``core/images/views.py`` under the same rule.
"""

import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from forum.models import Level, Visibility
from knowledge.factories import ArticleFactory
from tests.factories import UserFactory


def make_document(title="Kartläggning.pdf"):
    return get_document_model().objects.create(
        title=title, file=ContentFile(b"%PDF-1.4 kartlaggning", name="karta.pdf")
    )


def make_image(private=True, title="Språkcafé"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (1000, 600), "teal").save(buffer, "PNG")
    return get_image_model().objects.create(
        title=title,
        private=private,
        file=ImageFile(io.BytesIO(buffer.getvalue()), name="cafe.png"),
    )


def body(document=None, image=None):
    blocks = []
    if document:
        blocks.append(
            {"type": "document", "value": {"document": document.pk, "title": ""}}
        )
    if image:
        blocks.append({"type": "image", "value": {"image": image.pk, "caption": ""}})
    return json.dumps(blocks)


def document_url(document):
    return f"/documents/{document.pk}/{document.filename}"


@pytest.fixture
def document():
    return make_document()


@pytest.fixture
def image(db):
    return make_image()


@pytest.fixture
def dialog_page(forum_index, forum, document, image):
    return ArticleFactory(
        parent=forum_index,
        forum=forum,
        visibility=Visibility.DIALOG,
        body=body(document, image),
    )


def test_a_document_of_a_private_page_goes_with_the_page(
    client, dialog_page, document, member
):
    url = document_url(document)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    client.force_login(member(Level.SAMRAD))
    assert client.get(url).status_code == 404
    client.force_login(member(Level.DIALOG))
    response = client.get(url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]


def test_a_public_page_of_another_kind_does_not_widen_it(
    client, dialog_page, document, home
):
    from website.home.models import GuidancePage

    guidance = home.add_child(
        instance=GuidancePage(
            title="Om TIA",
            slug="om-tia-dokument",
            body=json.dumps(
                [
                    {
                        "type": "paragraph",
                        "value": f'<p><a linktype="document" id="{document.pk}">'
                        "Karta</a></p>",
                    }
                ]
            ),
        )
    )
    guidance.save_revision().publish()
    assert client.get(document_url(document)).status_code == 302


def test_a_document_of_a_public_knowledge_page_is_public(client, public_index):
    leaflet = make_document("Broschyr")
    ArticleFactory(parent=public_index, body=body(leaflet))
    response = client.get(document_url(leaflet))
    assert response.status_code == 200
    assert "private" not in response.get("Cache-Control", "")


def test_a_protected_image_is_not_a_public_file(image):
    assert image.file.name.startswith("protected_images/")
    rendition = image.get_rendition("width-800")
    assert rendition.file.name.startswith("protected_renditions/")


def test_marking_an_image_protected_moves_its_file_and_drops_renditions(db):
    image = make_image(private=False)
    assert image.file.name.startswith("original_images/")
    public_rendition = image.get_rendition("width-800")
    old_file = public_rendition.file.name
    image.private = True
    image.save()
    assert image.file.name.startswith("protected_images/")
    assert not image.renditions.exists()
    assert not image.file.storage.exists(old_file)


def test_the_image_of_a_private_page_goes_with_the_page(
    client, dialog_page, image, member
):
    url = f"/bilder/{image.pk}/width-800/"
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    client.force_login(member(Level.SAMRAD))
    assert client.get(url).status_code == 404
    client.force_login(member(Level.DIALOG))
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "private" in response["Cache-Control"]
    # The page shows it through the view, never as a file.
    page = client.get(dialog_page.url).content.decode()
    assert f'src="{url}"' in page
    assert "protected_renditions" not in page


def test_only_the_sizes_pages_use_are_made(client, dialog_page, image, member):
    client.force_login(member(Level.DIALOG))
    assert client.get(f"/bilder/{image.pk}/width-13/").status_code == 404


def test_an_image_on_no_page_is_for_those_who_may_change_it(client, image):
    client.force_login(UserFactory())
    assert client.get(f"/bilder/{image.pk}/width-800/").status_code == 404


def test_a_private_page_refuses_a_public_image(forum):
    page = ArticleFactory.build(
        forum=forum,
        visibility=Visibility.INFORMATION,
        body=body(image=make_image(private=False, title="Logga")),
    )
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "Logga" in str(error.value.message_dict["visibility"])
