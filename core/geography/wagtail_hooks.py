from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.collation import swedish

from .forms import SubRegionForm
from .models import County, Municipality, SubRegion


class SubRegionViewSet(SnippetViewSet):
    model = SubRegion
    icon = "site"
    menu_label = _("Delregioner")
    list_display = ["name", "county"]
    list_filter = ["county"]
    search_fields = ["name"]
    ordering = [swedish("county__name"), swedish("name")]
    # The municipalities field is not a model field: SubRegionForm carries it.
    edit_handler = ObjectList(
        [
            FieldPanel("county"),
            FieldPanel("name"),
            FieldPanel("slug"),
            FieldPanel("description"),
            FieldPanel("municipalities"),
        ],
        base_form_class=SubRegionForm,
    )


class ReferenceDataPolicy(ModelPermissionPolicy):
    """Reference data from SCB: nobody adds or deletes rows in the admin."""

    def user_has_permission(self, user, action):
        if action in {"add", "delete"}:
            return False
        return super().user_has_permission(user, action)


class MunicipalityViewSet(SnippetViewSet):
    """Municipalities come from SCB; staff move them between sub-regions and
    correct the centre the activity map falls back on."""

    model = Municipality
    icon = "home"
    menu_label = _("Kommuner")

    list_display = ["name", "code", "county", "subregion"]
    list_filter = ["county", "subregion"]
    search_fields = ["name", "code"]
    list_per_page = 50
    panels = [
        FieldPanel("name", read_only=True),
        FieldPanel("code", read_only=True),
        FieldPanel("county", read_only=True),
        FieldPanel("subregion"),
        FieldPanel("latitude"),
        FieldPanel("longitude"),
    ]


class CountyViewSet(SnippetViewSet):
    model = County
    icon = "globe"
    menu_label = _("Län")

    list_display = ["name", "code"]
    search_fields = ["name", "code"]
    panels = [
        FieldPanel("name", read_only=True),
        FieldPanel("code", read_only=True),
    ]


register_permission_policy(County, ReferenceDataPolicy(County))
register_permission_policy(Municipality, ReferenceDataPolicy(Municipality))


class GeographyGroup(ViewSetGroup):
    menu_label = _("Geografi")
    menu_icon = "globe"
    items = (SubRegionViewSet, MunicipalityViewSet, CountyViewSet)


register_snippet(GeographyGroup)
