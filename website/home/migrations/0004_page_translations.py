"""A content locale for every language of the site, each synchronised from Swedish.

wagtail-localize's locale synchronisation ("sync from") keeps every language's
page tree in step with the Swedish one: a page not translated yet is an alias
of the Swedish page, and a page editors create in Swedish gets its aliases at
once. The aliases of the pages that exist now are made by
``website.home.locales.synchronise_after_migrate`` when ``migrate`` has run this
migration: copying pages needs the page models as they are after every
migration, which a migration must not use.
"""

from django.conf import settings
from django.db import migrations


def content_languages():
    return [
        code
        for code, _name in getattr(
            settings, "WAGTAIL_CONTENT_LANGUAGES", settings.LANGUAGES
        )
    ]


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore.Locale")
    LocaleSynchronization = apps.get_model("wagtail_localize.LocaleSynchronization")
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")

    source, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    for code in content_languages():
        if code == source.language_code:
            continue
        locale, _ = Locale.objects.get_or_create(language_code=code)
        LocaleSynchronization.objects.get_or_create(
            locale=locale, defaults={"sync_from": source}
        )

    # wagtail_localize's own migration gives "Can submit translations" to the
    # groups that exist when it runs; editors translate pages, so make sure.
    submit = Permission.objects.filter(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    ).first()
    if submit is not None:
        for group in Group.objects.filter(name__in=["Editors", "Moderators"]):
            group.permissions.add(submit)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_create_homepage"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
