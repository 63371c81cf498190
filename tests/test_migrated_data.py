"""A flush, as at the end of a transactional test, leaves the migrated data in place."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from wagtail.models import Collection, GroupPagePermission, Locale, Page, Site
from wagtail_localize.models import LocaleSynchronization

from core.geography.models import County, Municipality
from directory.models import Language
from website.home.models import HomePage

MIGRATED = [
    ContentType,
    Permission,
    Group,
    GroupPagePermission,
    Locale,
    LocaleSynchronization,
    Collection,
    Page,
    Site,
    County,
    Municipality,
    Language,
]


def state():
    return {
        model.__name__: sorted(model.objects.values_list("pk", flat=True))
        for model in MIGRATED
    }


def test_a_flush_puts_back_what_the_migrations_created(transactional_db):
    before = state()
    assert len(before["Municipality"]) == 290
    assert Group.objects.get(name="Editors").permissions.exists()

    call_command("flush", interactive=False, verbosity=0, reset_sequences=False)

    assert state() == before
    home = HomePage.objects.get(locale__language_code="sv")
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert ContentType.objects.get_for_model(HomePage).pk == home.content_type_id
    assert Group.objects.get(name="Editors").permissions.exists()
