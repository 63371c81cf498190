"""The follow-up room's part of the member's desk (``forum.desk``): one section,
*Uppföljning*, with a link to each part of the room the person may open.

Each part (statistics, situation report, grants, action plan, participation)
adds its links with :func:`link` from ``FollowupConfig.ready``; the forum
imports nothing of this room.
"""

from django.utils.translation import gettext as _

from forum.desk import DeskSection

_links = []


def link(provider):
    """Add ``provider(user, forum, level, convener)`` → list of ``DeskItem``."""
    if provider not in _links:
        _links.append(provider)
    return provider


def desk_sections(user, forum, level, convener, now):
    items = [
        item for provider in _links for item in provider(user, forum, level, convener)
    ]
    if not items:
        return []
    return [DeskSection("followup", _("Uppföljning"), items)]
