"""The host's part of the site search: its live, public Wagtail pages (the
guidance pages above all), through Wagtail's search backend: PostgreSQL's
full-text search with the ``swedish`` configuration there
(``WAGTAILSEARCH_BACKENDS``), SQLite's full-text index here.

Page types that a kind of their own shows (``Kind.page_types``, e.g. the
knowledge room's articles) are left out. ``SearchConfig.ready`` registers
:data:`PAGES`.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core.i18n.content import content_language, mark_content_languages
from core.i18n.locales import active_locale_id
from core.site_search import Kind, Result, claimed_page_types


def find(query):
    if not query.words:
        return Page.objects.none()
    # Every language has its copy of the page tree (translations, and aliases
    # of the Swedish pages not translated yet): each page is found once, in
    # the reader's language where it has been translated.
    pages = (
        Page.objects.live().public().filter(depth__gt=1, locale_id=active_locale_id())
    )
    claimed = claimed_page_types()
    if claimed:
        pages = pages.not_type(*claimed)
    return pages.search(" ".join(query.words), operator="and")


def summary(page):
    return page.search_description or getattr(page, "intro", "") or ""


def results(rows, query):
    # One query per page type, however many pages were found.
    specific = Page.objects.filter(pk__in=[row.pk for row in rows]).specific()
    # Which of them are in the reader's language ({% content_lang %}).
    pages = {page.pk: page for page in mark_content_languages(specific)}
    return [
        Result(
            title=page.title,
            url=page.get_url(query.request),
            summary=summary(page),
            language=content_language(page),
        )
        for page in (pages[row.pk] for row in rows if row.pk in pages)
    ]


PAGES = Kind(
    key="sidor",
    title=_("Vägledning och information"),
    find=find,
    results=results,
    order=20,
)
