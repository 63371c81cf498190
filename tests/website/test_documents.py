"""Wagtail documents are default-deny: what refers to one decides who reads it."""

import datetime
import importlib
import json

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.urls import clear_url_caches
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

from events.models import Event, EventAttachment
from forum.models import Consultation, ConsultationDocument, Level, Visibility
from partners.models import Agreement
from tests.factories import (
    ForumFactory,
    MembershipFactory,
    ParticipationFactory,
    UserFactory,
    county_admin,
    editor,
)
from website.home.models import GuidancePage, HomePage

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


def asks_to_sign_in(response):
    return response.status_code == 302 and response["Location"].startswith(
        "/accounts/login/"
    )


# What is public: only what a live public page links to


def guidance_page(doc, **fields):
    """A page under the home page whose text links to ``doc``."""
    link = f'<p>Läs <a linktype="document" id="{doc.pk}">broschyren</a>.</p>'
    return HomePage.objects.get(locale__language_code="sv").add_child(
        instance=GuidancePage(
            title="Om tidiga insatser",
            slug=f"om-tia-{doc.pk}",
            body=json.dumps([{"type": "paragraph", "value": link}]),
            **fields,
        )
    )


def test_a_document_linked_from_a_public_page_is_public(client, forum):
    doc = document("Broschyr")
    guidance_page(doc)
    response = client.get(url(doc))
    assert response.status_code == 200
    assert body(response) == CONTENT
    # Nothing private: shared caches may keep it.
    assert "private" not in response.get("Cache-Control", "")


def test_a_document_referenced_by_nothing_is_not_public(client, forum):
    doc = document()
    assert asks_to_sign_in(client.get(url(doc)))
    client.force_login(member(forum, Level.PARTNERSKAP))
    assert client.get(url(doc)).status_code == 404
    convener = UserFactory()
    forum.conveners.add(convener)
    client.force_login(convener)
    assert client.get(url(doc)).status_code == 404


def test_those_who_may_change_documents_read_one_referenced_by_nothing(client, forum):
    """Just uploaded in the admin: its uploader and editors check it before use."""
    doc = document()
    for person in (editor(), county_admin()):
        client.force_login(person)
        response = client.get(url(doc))
        assert response.status_code == 200
        assert "private" in response["Cache-Control"]


def test_a_draft_or_restricted_page_makes_nothing_public(client, forum):
    draft = document("Utkast")
    guidance_page(draft, live=False)
    assert asks_to_sign_in(client.get(url(draft)))

    restricted = document("Internt")
    page = guidance_page(restricted)
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    assert asks_to_sign_in(client.get(url(restricted)))

    unpublished = document("Tidigare")
    guidance_page(unpublished).unpublish()
    assert asks_to_sign_in(client.get(url(unpublished)))


def test_a_page_linking_to_a_meeting_paper_does_not_open_it(client, forum):
    """Editing public pages gives nothing private: the meeting decides."""
    doc = document()
    EventAttachment.objects.create(event=event(forum, Visibility.DIALOG), document=doc)
    guidance_page(doc)
    assert asks_to_sign_in(client.get(url(doc)))
    client.force_login(member(forum, Level.SAMRAD))
    assert client.get(url(doc)).status_code == 404
    client.force_login(editor())
    assert client.get(url(doc)).status_code == 404
    client.force_login(member(forum, Level.DIALOG))
    assert client.get(url(doc)).status_code == 200


def test_a_wrong_file_name_is_not_found(client, forum):
    doc = document()
    guidance_page(doc)
    assert client.get(f"/documents/{doc.pk}/annat.pdf").status_code == 404


# Agreements: the signed document is read where the agreement is, in the
# forum's partnership workspace


def agreement(forum, organisation, doc):
    return Agreement.objects.create(
        organisation=organisation,
        forum=forum,
        title="Överenskommelse om tidiga insatser",
        valid_from=timezone.localdate() - datetime.timedelta(days=30),
        valid_until=timezone.localdate() + datetime.timedelta(days=335),
        signed_document=doc,
    )


def test_an_agreements_signed_document_only_for_the_partnership(client, forum):
    doc = document("Undertecknad överenskommelse")
    partner = member(forum, Level.PARTNERSKAP)
    agreement(forum, partner.memberships.get().organisation, doc)

    assert asks_to_sign_in(client.get(url(doc)))
    # Below Partnerskap, in another forum, or an editor: as if it did not exist.
    for person in (
        member(forum, Level.DIALOG),
        member(ForumFactory(), Level.PARTNERSKAP),
        editor(),
    ):
        client.force_login(person)
        assert client.get(url(doc)).status_code == 404

    convener = UserFactory()
    forum.conveners.add(convener)
    for person in (partner, member(forum, Level.PARTNERSKAP), convener, county_admin()):
        client.force_login(person)
        response = client.get(url(doc))
        assert response.status_code == 200
        assert body(response) == CONTENT
        assert "private" in response["Cache-Control"]


def test_the_workspace_links_to_the_signed_agreement(client, forum):
    doc = document("Undertecknad överenskommelse")
    partner = member(forum, Level.PARTNERSKAP)
    agreement(forum, partner.memberships.get().organisation, doc)
    client.force_login(partner)
    page = client.get("/forum/tia-skane/partnerskap/").content.decode()
    assert f'href="{url(doc)}"' in page


# Structural: every model that points to a document says who sees it


def document_fields():
    """Every model field, in every installed app, that points to a document."""
    document_model = get_document_model()
    return {
        (model._meta.label, field.name)
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if field.is_relation
        and field.concrete
        and field.related_model is document_model
    }


def test_every_model_pointing_to_a_document_says_who_sees_it():
    """A new model with a document field must add ``visible_to(user)`` to its
    QuerySet; without it the download lets nobody through."""
    fields = document_fields()
    assert ("partners.Agreement", "signed_document") in fields
    uncovered = {
        (label, field)
        for label, field in fields
        if not callable(
            getattr(apps.get_model(label)._default_manager, "visible_to", None)
        )
    }
    assert not uncovered, f"document fields without a visible_to: {uncovered}"
    # The download view walks the same fields.
    from core.documents.access import document_fields as found_by_the_view

    assert {
        (model._meta.label, field) for model, field in found_by_the_view()
    } == fields


def test_a_model_without_visible_to_lets_nobody_through(client, forum, monkeypatch):
    doc = document()
    EventAttachment.objects.create(event=event(forum, Visibility.PUBLIC), document=doc)
    assert client.get(url(doc)).status_code == 200
    monkeypatch.delattr(type(EventAttachment.objects), "visible_to")
    assert asks_to_sign_in(client.get(url(doc)))
    client.force_login(county_admin())
    assert client.get(url(doc)).status_code == 404


# Meetings and consultations: their own visibility decides


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
