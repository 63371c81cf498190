"""The follow-up in the Wagtail admin: county administrators choose there who
sees each county's situation report (summary and detail)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import FollowUpSettings


class FollowUpSettingsViewSet(SnippetViewSet):
    model = FollowUpSettings
    icon = "view"
    menu_label = _("Uppföljning: vem ser lägesbilden")
    list_display = ["county", "forum", "summary_visibility", "detail_visibility"]
    search_fields = ["county__name"]


register_snippet(FollowUpSettingsViewSet)
