"""The follow-up room's part of the member's desk (``forum.desk``): one section,
*Uppföljning*, with a link to each part of the room the person may open.

Each part (statistics, situation report, grants, action plan, participation)
adds its links with :func:`link` from ``FollowupConfig.ready``; the forum
imports nothing of this room.
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from forum.desk import DeskItem, DeskSection

from .models import FollowUpSettings, Scope, TargetGroupFigure

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


def report_link(user, forum, level, convener):
    """The situation report of the forum's county, for those who may read it."""
    if not TargetGroupFigure.objects.in_county(forum.county_id).exists():
        return []  # nothing to report yet
    settings = FollowUpSettings.for_county(forum.county)
    if settings.scope_for(user) < Scope.SUMMARY:
        return []
    url = reverse("followup:report") + f"?lan={forum.county.code}"
    return [
        DeskItem(
            _("Lägesbild: %(county)s") % {"county": forum.county.name},
            url,
            _("Målgruppen per kommun bredvid utbudet av aktiviteter."),
        )
    ]
