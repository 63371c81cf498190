"""The follow-up room in the Wagtail admin's menu."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core.users.permissions import is_county_admin


class CountyAdminMenuItem(MenuItem):
    """Shown to county administrators only (the page answers 403 to others)."""

    def is_shown(self, request):
        return is_county_admin(request.user)


@hooks.register("register_admin_menu_item")
def register_statistics_menu_item():
    return CountyAdminMenuItem(
        _("Statistik om målgruppen"),
        reverse("followup:statistics"),
        name="followup-statistics",
        icon_name="table",
        order=9000,
    )
