"""The knowledge room's part of the public site search (``core.site_search``):
the public knowledge pages, found by title, intro and text through Wagtail's
search backend, in the reader's language tree, newest first.

Only public pages, whoever searches (members find nothing private here; the
forum's knowledge index lists theirs). Naming the page types in
``Kind.page_types`` keeps the host's page kind from finding them again.
``KnowledgeConfig.ready`` registers :data:`KNOWLEDGE`.
"""

from django.utils.translation import gettext_lazy as _

from core.i18n.content import content_language, mark_content_languages
from core.i18n.locales import active_locale_id
from core.site_search import Kind, Result

from .models import KnowledgePage


def find(query):
    if not query.words:
        return KnowledgePage.objects.none()
    pages = KnowledgePage.objects.public_only().filter(locale_id=active_locale_id())
    return pages.search(" ".join(query.words), operator="and")


def results(rows, query):
    pages = {
        page.pk: page
        for page in mark_content_languages(
            KnowledgePage.objects.filter(pk__in=[row.pk for row in rows])
            .public_only()
            .select_related("subregion")
        )
    }
    found = []
    for page in (pages[row.pk] for row in rows if row.pk in pages):
        details = [page.get_kind_display()]
        if page.subregion:
            details.append(page.subregion.name)
        found.append(
            Result(
                title=page.title,
                url=page.get_url(query.request),
                summary=page.search_description or page.intro,
                details=details,
                when=page.date,
                language=content_language(page),
            )
        )
    return found


KNOWLEDGE = Kind(
    key="kunskap",
    title=_("Kunskap, analyser och mötesanteckningar"),
    find=find,
    results=results,
    page_types=(KnowledgePage,),
    order=30,
)
