"""Wagtail documents attached to meetings and consultations follow the access rule."""

import datetime
import importlib

import pytest
from django.core.files.base import ContentFile
from django.urls import clear_url_caches
from django.utils import timezone
from wagtail.documents import get_document_model

from events.models import Event, EventAttachment
from forum.consultation_models import Consultation, ConsultationDocument
from forum.models import Level, Visibility
from tests.factories import (
    ForumFactory,
    MembershipFactory,
    ParticipationFactory,
    UserFactory,
)

START = timezone.now() + datetime.timedelta(days=30)
CONTENT = b"%PDF-1.4 dagordning"


def document(title="Dagordning"):
    return get_document_model().objects.create(
        title=title, file=ContentFile(CONTENT, name="dagordning.pdf")
    )


def url(doc):
    return doc.url


def member(forum, level):
    participation = ParticipationFactory(forum=forum, level=level)
    return MembershipFactory(organisation=participation.organisation).user


def event(forum, visibility):
    return Event.objects.create(
        forum=forum,
        kind=Event.Kind.FORUM_MEETING,
        title="Forummöte",
        visibility=visibility,
        start=START,
        end=START + datetime.timedelta(hours=2),
    )


@pytest.fixture
def forum(db):
    return ForumFactory(slug="tia-skane")


def body(response):
    return b"".join(response.streaming_content)


def test_a_document_attached_to_nothing_is_public(client, forum):
    doc = document()
    response = client.get(url(doc))
    assert response.status_code == 200
    assert body(response) == CONTENT


def test_a_public_meetings_document_is_public(client, forum):
    doc = document()
    EventAttachment.objects.create(event=event(forum, Visibility.PUBLIC), document=doc)
    assert client.get(url(doc)).status_code == 200


def test_a_dialog_meetings_document_only_for_dialog_and_up(client, forum):
    doc = document()
    EventAttachment.objects.create(event=event(forum, Visibility.DIALOG), document=doc)

    response = client.get(url(doc))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")

    client.force_login(member(forum, Level.SAMRAD))
    assert client.get(url(doc)).status_code == 404

    client.force_login(member(ForumFactory(), Level.PARTNERSKAP))
    assert client.get(url(doc)).status_code == 404

    client.force_login(member(forum, Level.DIALOG))
    response = client.get(url(doc))
    assert response.status_code == 200
    assert body(response) == CONTENT
    assert "private" in response["Cache-Control"]


def test_the_level_is_read_on_every_request(client, forum):
    doc = document()
    EventAttachment.objects.create(event=event(forum, Visibility.DIALOG), document=doc)
    person = member(forum, Level.DIALOG)
    client.force_login(person)
    assert client.get(url(doc)).status_code == 200
    person.memberships.all().delete()
    assert client.get(url(doc)).status_code == 404


def test_one_visible_attachment_is_enough(client, forum):
    doc = document()
    EventAttachment.objects.create(
        event=event(forum, Visibility.PARTNERSKAP), document=doc
    )
    EventAttachment.objects.create(event=event(forum, Visibility.SAMRAD), document=doc)
    client.force_login(member(forum, Level.SAMRAD))
    assert client.get(url(doc)).status_code == 200


def consultation(forum, published):
    now = timezone.now()
    return Consultation.objects.create(
        forum=forum,
        title="Samråd om handlingsplan",
        slug="handlingsplan",
        proposal="<p>Förslag</p>",
        opens_at=now - datetime.timedelta(days=1),
        deadline=now + datetime.timedelta(days=20),
        published=published,
    )


def test_a_draft_consultations_document_only_for_conveners(client, forum):
    doc = document("Remissversion")
    draft = consultation(forum, published=False)
    ConsultationDocument.objects.create(consultation=draft, document=doc)
    client.force_login(member(forum, Level.PARTNERSKAP))
    assert client.get(url(doc)).status_code == 404

    convener = UserFactory()
    forum.conveners.add(convener)
    client.force_login(convener)
    assert client.get(url(doc)).status_code == 200

    draft.published = True
    draft.save()
    client.force_login(member(forum, Level.SAMRAD))
    assert client.get(url(doc)).status_code == 200
    client.force_login(member(forum, Level.INFORMATION))
    assert client.get(url(doc)).status_code == 404


@pytest.fixture
def development_urls(settings):
    """The URLs as the development server has them (DEBUG on)."""
    import website.urls

    settings.DEBUG = True
    importlib.reload(website.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(website.urls)
    clear_url_caches()


def test_in_development_media_serves_images_but_never_documents(
    client, forum, settings, development_urls
):
    doc = document()
    EventAttachment.objects.create(event=event(forum, Visibility.DIALOG), document=doc)
    assert (settings.MEDIA_ROOT / doc.file.name).exists()
    assert client.get(f"/media/{doc.file.name}").status_code == 404
    image = settings.MEDIA_ROOT / "images" / "karta.png"
    image.parent.mkdir(exist_ok=True)
    image.write_bytes(b"\x89PNG\r\n\x1a\n")
    assert client.get("/media/images/karta.png").status_code == 200
