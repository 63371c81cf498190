"""The language a piece of content is written in, for ``{% content_lang %}``
and ``{% only_in_language_note %}`` (``site_tags``).

Pages, activities and events are written in Swedish first. A Wagtail page may
be translated (wagtail-localize, where the host installs it): each language
has its copy of the page tree, and a page of it shows

- the Swedish page, while it is an alias (not translated yet);
- the Swedish texts, while its translation is under way: wagtail-localize
  turns the alias into a page of its own as soon as an editor starts
  translating, with the source's texts wherever a string has no translation;
- its own language's texts once every string is translated.
"""

from django.apps import apps
from django.conf import settings
from django.db.models import Exists, OuterRef, Subquery, prefetch_related_objects
from wagtail.models import Page

from .locales import language_code_of

SOURCE_LANGUAGE = "sv"

# What content_language() reads of a page besides the annotation below.
PAGE_LANGUAGE_RELATIONS = ("locale", "alias_of__locale")
UNTRANSLATED = "untranslated_from"


def content_language(content=SOURCE_LANGUAGE):
    """The language code ``content`` is written in.

    A language code stands for itself; a page as the module says; anything
    else says so with a ``content_language`` attribute, or is Swedish.
    """
    if isinstance(content, str):
        return content
    if isinstance(content, Page):
        return _page_language(content)
    return getattr(content, "content_language", None) or SOURCE_LANGUAGE


def with_content_languages(pages):
    """A page queryset that content_language() reads without a query a page."""
    pages = pages.select_related(*PAGE_LANGUAGE_RELATIONS)
    untranslated = _untranslated_from()
    if untranslated is None:
        return pages
    return pages.annotate(**{UNTRANSLATED: untranslated})


def mark_content_languages(pages):
    """The same for a list of pages (search results): two or three queries."""
    pages = list(pages)
    prefetch_related_objects(pages, *PAGE_LANGUAGE_RELATIONS)
    untranslated = _untranslated_from()
    if untranslated is not None and pages:
        found = dict(
            Page.objects.filter(pk__in=[page.pk for page in pages])
            .annotate(**{UNTRANSLATED: untranslated})
            .values_list("pk", UNTRANSLATED)
        )
        for page in pages:
            setattr(page, UNTRANSLATED, found.get(page.pk))
    return pages


def _page_language(page):
    if page.alias_of_id:
        alias_of = page.alias_of
        if "locale" in alias_of._state.fields_cache:  # selected with it
            return alias_of.locale.language_code
        return language_code_of(alias_of.locale_id) or SOURCE_LANGUAGE
    language = page.locale.language_code
    if not hasattr(page, UNTRANSLATED):
        # The source language's pages are no translations: no query for them.
        untranslated = None
        if language != settings.LANGUAGE_CODE:
            query = _untranslated_from()
            if query is not None:
                untranslated = (
                    Page.objects.filter(pk=page.pk)
                    .annotate(**{UNTRANSLATED: query})
                    .values_list(UNTRANSLATED, flat=True)
                    .first()
                )
        setattr(page, UNTRANSLATED, untranslated)
    return getattr(page, UNTRANSLATED) or language


def _untranslated_from():
    """An annotation of pages: the source's language when the page is the
    target of a translation (wagtail-localize) with strings not translated
    yet, else None; None instead of the annotation without wagtail-localize."""
    if not apps.is_installed("wagtail_localize"):
        return None
    from wagtail_localize.models import StringSegment, StringTranslation

    translated = StringTranslation.objects.filter(
        translation_of=OuterRef("string"),
        context=OuterRef("context"),
        locale=OuterRef(OuterRef("locale")),
        has_error=False,
    )
    missing = StringSegment.objects.filter(
        source__object_id=OuterRef("translation_key"),
        source__translations__target_locale=OuterRef("locale"),
        source__translations__enabled=True,
    ).exclude(Exists(translated))
    return Subquery(missing.values("source__locale__language_code")[:1])
