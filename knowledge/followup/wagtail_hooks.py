"""The follow-up in the Wagtail admin: county administrators choose there who
sees each county's situation report (summary and detail), and reach the
statistics upload from the admin's menu."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.users.permissions import is_county_admin

from .models import FollowUpSettings


class FollowUpSettingsViewSet(SnippetViewSet):
    model = FollowUpSettings
    icon = "view"
    menu_label = _("Uppföljning: vem ser lägesbilden")
    list_display = ["county", "forum", "summary_visibility", "detail_visibility"]
    search_fields = ["county__name"]


register_snippet(FollowUpSettingsViewSet)


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
