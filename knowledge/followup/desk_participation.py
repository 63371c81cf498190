"""The desk's link to the county's participation totals, for those who may see
the follow-up's detail in the forum's county."""

from django.urls import reverse
from django.utils.translation import gettext as _

from forum.desk import DeskItem

from .models import FollowUpSettings, Scope


def desk_items(user, forum, level, convener):
    if FollowUpSettings.for_county(forum.county).scope_for(user) < Scope.DETAIL:
        return []
    url = reverse("followup:participation_county")
    return [
        DeskItem(
            _("Deltagande i aktiviteterna"),
            f"{url}?lan={forum.county.code}",
            _("Antal deltagare per kommun och område, andelen kvinnor"),
        )
    ]
