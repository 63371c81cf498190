"""The knowledge room's part of the member's desk (``forum.desk``): the
forum's knowledge index and its newest pages that the person may read.

``KnowledgeConfig.ready`` registers :func:`desk_sections`, so the forum
imports nothing of this room.
"""

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.i18n.locales import active_locale_id
from forum.desk import DeskItem, DeskSection

from .models import KnowledgeIndexPage, KnowledgePage

NEWEST = 3


def forum_index(forum):
    """The forum's live knowledge index in the reader's language, else any."""
    # One query while the forum has none (a forum has one index per language
    # tree, a handful); Wagtail's view restrictions are asked only of one.
    pages = list(KnowledgeIndexPage.objects.live().filter(forum=forum))
    here = [page for page in pages if page.locale_id == active_locale_id()]
    for page in here + pages:
        if KnowledgeIndexPage.objects.filter(pk=page.pk).public().exists():
            return page
    return None


def desk_sections(user, forum, level, convener, now):
    index = forum_index(forum)
    if index is None:
        return []
    newest = (
        KnowledgePage.objects.descendant_of(index)
        .visible_to(user)
        .order_by("-date", "-pk")[:NEWEST]
    )
    items = [
        DeskItem(
            page.title,
            page.url,
            f"{page.get_kind_display()}, {date_format(page.date, 'j F Y')}",
        )
        for page in newest
    ]
    items.append(DeskItem(_("Forumets kunskapsbank"), index.url))
    return [
        DeskSection(
            "knowledge",
            _("Kunskap och mötesanteckningar"),
            items,
        )
    ]
