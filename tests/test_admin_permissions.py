"""The Wagtail admin: editing public pages gives no way to the forum's records.

Wagtail checks model permissions for every snippet view. Wagtail's Editors
group holds page, image and document permissions only, so an editor opens
none of the rooms' records (participations, forums, organisations and their
members-only contacts, agreements, events and minutes, activities under
review…); the county administrators' group holds them all. A snippet added
to a room later fails here until the group's migration grants it.
"""

import pytest
from django.urls import reverse
from wagtail.snippets.models import get_snippet_models

from forum.access import is_county_admin
from tests.factories import UserFactory, county_admin, editor

pytestmark = pytest.mark.django_db

ROOM_APPS = {"forum", "partners", "events", "directory", "geography"}
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

