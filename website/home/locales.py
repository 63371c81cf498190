"""Every language's page tree in step with the Swedish one (wagtail-localize).

Each content locale but Swedish is synchronised from Swedish (migration
``0004_page_translations``): wagtail-localize gives every Swedish page an alias
in each of them, which shows the Swedish page until someone translates it. The
admin does that for pages created there; a page that code publishes gets
theirs when it is published (``alias_new_page``), the pages that existed
before the locales when the migration has run (``synchronise_after_migrate``).
``translate_page`` makes a translation from strings supplied (the demo's).
"""

from contextvars import ContextVar

from wagtail.models import Locale, Page
from wagtail_localize.models import (
    LocaleSynchronization,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.synctree import PageIndex

TREES_MIGRATION = ("home", "0004_page_translations")

# True while the admin's create view handles a request: wagtail-localize's
# after_create_page hook makes the new page's aliases there, after the page
# may already have been published (which sends page_published first), and it
# fails on an alias that exists. Set by a before_create_page hook
# (``wagtail_hooks.py``), cleared when the request finishes.
admin_creating = ContextVar("admin_creating", default=False)


def note_admin_create(request, parent_page, page_class):
    """before_create_page: the aliases are the after-create hook's this time."""
    admin_creating.set(True)


def end_admin_create(sender, **kwargs):
    """request_finished: whatever the create view did, the next request starts clean."""
    admin_creating.set(False)


def synchronise_trees():
    """Create the missing aliases in every synchronised locale (idempotent)."""
    page_index = PageIndex.from_database().sort_by_tree_position()
    for synchronisation in LocaleSynchronization.objects.all():
        synchronisation.sync_trees(page_index=page_index)


def synchronise_after_migrate(sender, plan=None, **kwargs):
    """post_migrate: the aliases of the existing pages, once the locales exist.

    Runs only when ``migrate`` has just applied the migration creating the
    locales, with every app's models as they are now; a flush (which sends
    no plan) and later runs of ``migrate`` leave the pages alone.
    """
    applied = {
        (migration.app_label, migration.name)
        for migration, backwards in plan or []
        if not backwards
    }
    if TREES_MIGRATION in applied:
        synchronise_trees()


def alias_new_page(sender, instance, **kwargs):
    """page_published: a page published in a language that others are
    synchronised from gets its aliases in them, as the admin gives a page
    created there; pages made by code (imports, commands) then show under
    every prefix too. A page with its aliases, or one in a synchronised
    language (an alias or a translation), is left alone, and so is one that
    the admin's create view publishes (wagtail-localize's after-create hook
    makes its aliases right after)."""
    if admin_creating.get():
        return
    page = instance
    targets = Locale.objects.filter(
        pk__in=LocaleSynchronization.objects.filter(sync_from_id=page.locale_id).values(
            "locale_id"
        )
    ).exclude(
        pk__in=Page.objects.filter(translation_key=page.translation_key).values(
            "locale_id"
        )
    )
    for locale in targets:
        page.copy_for_translation(locale, copy_parents=True, alias=True)


def translate_page(page, locale, texts, user=None):
    """Translate ``page`` into ``locale`` as editors do in wagtail-localize.

    A translation source (the page's texts, cut into segments: a title, an
    intro, a heading, a paragraph or list item), a translation into the
    locale with each segment's text from ``texts`` (Swedish text → its
    translation), then the page in that locale (its alias until now) saved
    from them and published: the admin shows it as a translation of the
    Swedish page and opens it in the translation editor. Raises ``KeyError``
    for a text ``texts`` lacks.
    """
    source, _created = TranslationSource.update_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale
    )
    segments = StringSegment.objects.filter(source=source).select_related(
        "string", "context"
    )
    for segment in segments:
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": texts[segment.string.data],
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "last_translated_by": user,
            },
        )
    # wagtail-localize publishes once the transaction commits; this publishes
    # at once, so that the page is live inside the caller's transaction too.
    translation.save_target(user=user, publish=False)
    target = translation.get_target_instance()
    target.get_latest_revision().publish(user=user)
    return target
