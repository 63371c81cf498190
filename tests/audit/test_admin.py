"""The audit log in the Wagtail admin: read by county administrators, filtered,
never changed; and its retention."""

import datetime

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from core.audit import record
from core.audit.models import Action, AuditEntry
from tests.factories import (
    ForumFactory,
    OrganisationFactory,
    UserFactory,
    county_admin,
    editor,
)


@pytest.fixture
def entries(db):
    anna = UserFactory(email="anna@example.org")
    bo = UserFactory(email="bo@example.org")
    forum = ForumFactory(name="TIA Skåne")
    organisation = OrganisationFactory(name="Sensus")
    old = record(Action.SIGNED_IN, actor=anna, subject_user=anna)
    AuditEntry.objects.filter(pk=old.pk).update(
        when=timezone.now() - datetime.timedelta(days=40)
    )
    record(Action.LEVEL_RAISED, actor=bo, organisation=organisation, forum=forum)
    record(Action.MINUTES_PUBLISHED, actor=bo, forum=forum)
    return {"forum": forum, "organisation": organisation}


def listed(client, **query):
    """The rows of the listing (not its filters' options)."""
    response = client.get("/admin/audit/", query)
    assert response.status_code == 200
    page = response.content.decode()
    start = page.index('class="listing')
    return page[start : page.index("</table>", start)]


def in_menu(client):
    # The sidebar is drawn by script from the menu items' JSON.
    return "/admin/audit/" in client.get("/admin/").content.decode()


def test_county_administrators_find_the_log_in_the_admin_menu(client, entries):
    client.force_login(county_admin())
    assert in_menu(client)
    assert "Säkerhetslogg" in client.get("/admin/audit/").content.decode()
    page = listed(client)
    assert "Nivå i forum höjd" in page
    assert "anna@example.org" in page


def test_the_log_is_filtered_by_action_person_organisation_forum_and_date(
    client, entries
):
    client.force_login(county_admin())
    by_action = listed(client, action=Action.MINUTES_PUBLISHED)
    assert "Protokoll publicerat" in by_action
    assert "Nivå i forum höjd" not in by_action
    by_person = listed(client, person="anna@")
    assert "anna@example.org" in by_person
    assert "bo@example.org" not in by_person
    by_organisation = listed(client, organisation=entries["organisation"].pk)
    assert "Nivå i forum höjd" in by_organisation
    assert "Protokoll publicerat" not in by_organisation
    by_forum = listed(client, forum=entries["forum"].pk)
    assert "Protokoll publicerat" in by_forum
    assert "anna@example.org" not in by_forum
    since = (timezone.localdate() - datetime.timedelta(days=7)).isoformat()
    recent = listed(client, when_from=since)
    assert "anna@example.org" not in recent
    assert "bo@example.org" in recent


def test_bad_filter_values_never_fail(client, entries):
    client.force_login(county_admin())
    listed(client, organisation="x", forum="-1", action="nope", when_from="igår")


def test_an_entry_opens_read_only(client, entries):
    client.force_login(county_admin())
    entry = AuditEntry.objects.filter(action=Action.LEVEL_RAISED).get()
    page = client.get(f"/admin/audit/inspect/{entry.pk}/").content.decode()
    assert "Sensus" in page
    assert "/admin/audit/edit/" not in page
    assert "/admin/audit/delete/" not in page


def test_editors_do_not_read_the_log(client, entries):
    client.force_login(editor())
    assert client.get("/admin/audit/")["Location"] == reverse("wagtailadmin_home")
    assert not in_menu(client)


@pytest.mark.parametrize("view", ["add", "edit", "delete", "copy", "history"])
def test_no_url_changes_the_log(view):
    with pytest.raises(NoReverseMatch):
        reverse(f"audit:{view}", args=[1])
    with pytest.raises(NoReverseMatch):
        reverse(f"audit:{view}")


def test_the_django_admin_does_not_offer_the_log(db):
    from django.contrib import admin

    assert AuditEntry not in admin.site._registry


@override_settings(TIA={"AUDIT_RETENTION_DAYS": 30})
def test_prune_removes_entries_past_the_retention_period(entries):
    call_command("prune_audit_log", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert set(AuditEntry.objects.values_list("action", flat=True)) == {
        Action.LEVEL_RAISED,
        Action.MINUTES_PUBLISHED,
    }


def test_prune_keeps_two_years_by_default(entries):
    call_command("prune_audit_log", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert AuditEntry.objects.count() == 3
    AuditEntry.objects.update(when=timezone.now() - datetime.timedelta(days=731))
    call_command("prune_audit_log", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not AuditEntry.objects.exists()
