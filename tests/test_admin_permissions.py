"""The Wagtail admin: editing public pages gives no way to the forum's records.

Wagtail checks model permissions for every snippet view. Wagtail's Editors
group holds page, image and document permissions only, so an editor opens
none of the rooms' records (participations, forums, organisations and their
members-only contacts, agreements, events and minutes, activities under
review…); the county administrators' group holds them all. A snippet added
to a room later fails here until the group's migration grants it.
"""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.snippets.models import get_snippet_models

from events.models import Event, EventAttachment
from forum.access import is_county_admin
from forum.models import Visibility
from tests.factories import ForumFactory, UserFactory, county_admin, editor

pytestmark = pytest.mark.django_db

ROOM_APPS = {"forum", "partners", "events", "directory", "geography", "followup"}
ACTIONS = ["view", "add", "change", "delete"]


def room_snippets():
    models = [m for m in get_snippet_models() if m._meta.app_label in ROOM_APPS]
    assert len(models) > 10, "the snippet registry walk is broken"
    return models


def list_url(model):
    return reverse(model.snippet_viewset.get_url_name("list"))


def add_url(model):
    return reverse(model.snippet_viewset.get_url_name("add"))


def test_an_editor_reads_and_changes_none_of_the_rooms_records(client):
    person = editor()
    client.force_login(person)
    # What Wagtail gives an editor: the admin and the pages.
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/pages/").status_code == 200
    opened = []
    for model in room_snippets():
        policy = model.snippet_viewset.permission_policy
        if policy.user_has_any_permission(person, ACTIONS):
            opened.append((model._meta.label, "permission"))
        for url in (list_url(model), add_url(model)):
            response = client.get(url)
            if response.status_code != 302 or response["Location"] != reverse(
                "wagtailadmin_home"
            ):
                opened.append((url, response.status_code))
    assert not opened, f"an editor reaches the rooms' records: {opened}"


def test_a_county_admin_keeps_the_rooms_records_in_the_admin(client):
    person = county_admin()
    assert not person.is_superuser
    client.force_login(person)
    closed = [
        (model._meta.label, status)
        for model in room_snippets()
        if (status := client.get(list_url(model)).status_code) != 200
    ]
    assert not closed, f"the county administrators' group lacks: {closed}"


def test_only_the_permission_makes_a_county_admin():
    assert is_county_admin(county_admin())
    assert is_county_admin(UserFactory(is_superuser=True))
    assert not is_county_admin(editor())
    assert not is_county_admin(UserFactory(is_staff=True))
    assert not is_county_admin(county_admin(is_active=False))


def test_an_editor_neither_sees_nor_changes_the_forums_documents_in_the_admin(client):
    """Wagtail's Editors group may change every document in the root collection;
    one that a record points to (a meeting's paper, a signed agreement) stays
    with those who see the record."""
    forum = ForumFactory(slug="tia-skane")
    start = timezone.now() + datetime.timedelta(days=7)
    meeting = Event.objects.create(
        forum=forum,
        kind=Event.Kind.FORUM_MEETING,
        title="Forummöte",
        visibility=Visibility.INFORMATION,
        start=start,
        end=start + datetime.timedelta(hours=2),
    )
    Document = get_document_model()
    paper = Document.objects.create(
        title="Utkast till lägesbild",
        file=ContentFile(b"%PDF-1.4 utkast", name="utkast.pdf"),
    )
    EventAttachment.objects.create(event=meeting, document=paper)
    leaflet = Document.objects.create(
        title="Broschyr om språkcaféer",
        file=ContentFile(b"%PDF-1.4 broschyr", name="broschyr.pdf"),
    )

    client.force_login(editor())
    listing = client.get("/admin/documents/").content.decode()
    assert "Broschyr om språkcaféer" in listing
    assert "Utkast till lägesbild" not in listing
    chooser = client.get("/admin/documents/chooser/").json()["html"]
    assert "Broschyr om språkcaféer" in chooser
    assert "Utkast till lägesbild" not in chooser
    for url in (
        f"/admin/documents/edit/{paper.pk}/",
        f"/admin/documents/delete/{paper.pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == reverse("wagtailadmin_home")
    assert client.get(f"/admin/documents/edit/{leaflet.pk}/").status_code == 200

    client.force_login(county_admin())
    assert "Utkast till lägesbild" in client.get("/admin/documents/").content.decode()
    assert client.get(f"/admin/documents/edit/{paper.pk}/").status_code == 200
