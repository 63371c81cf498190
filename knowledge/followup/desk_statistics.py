"""The statistics upload on the forum's desk, for county staff only."""

from django.urls import reverse
from django.utils.translation import gettext as _

from core.users.permissions import is_county_admin
from forum.desk import DeskItem


def statistics_link(user, forum, level, convener):
    if not is_county_admin(user):
        return []
    url = reverse("followup:statistics") + f"?lan={forum.county.code}"
    return [
        DeskItem(
            _("Statistik om målgruppen"),
            url,
            _("Ladda upp Migrationsverkets siffror per kommun och månad"),
        )
    ]
