from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet

from .models import Activity, ActivityRevision, Language, TravelRoute
from .revisions import record


class RecordedSaveMixin:
    """Staff edits in the admin land in the activity's history like any other."""

    def save_instance(self):
        instance = super().save_instance()
        record(instance, ActivityRevision.Action.SAVED, self.request.user)
        return instance


class ActivityCreateView(RecordedSaveMixin, CreateView):
    pass


class ActivityEditView(RecordedSaveMixin, EditView):
    pass


class ActivityViewSet(SnippetViewSet):
    model = Activity
    icon = "date"
    menu_label = _("Aktiviteter")
    list_display = ["title", "organisation", "municipality", "status", "last_confirmed"]
    list_filter = ["status", "category", "municipality__subregion"]
    search_fields = ["title", "summary"]
    add_view_class = ActivityCreateView
    edit_view_class = ActivityEditView


class TravelRouteViewSet(SnippetViewSet):
    """Staff keep the municipality pairs that Migrationsverket reimburses."""

    model = TravelRoute
    icon = "site"
    menu_label = _("Resvägar med reseersättning")
    list_display = [
        "from_municipality",
        "to_municipality",
        "valid_from",
        "valid_until",
        "decision_reference",
    ]
    list_filter = ["valid_from"]
    search_fields = ["decision_reference"]


class LanguageViewSet(SnippetViewSet):
    model = Language
    icon = "openquote"
    menu_label = _("Språk")
    list_display = ["name_sv", "name_native", "code", "rtl"]
    search_fields = ["name_sv", "name_native", "code"]


class DirectoryGroup(ViewSetGroup):
    menu_label = _("Aktivitetskatalog")
    menu_icon = "list-ul"
    items = (ActivityViewSet, TravelRouteViewSet, LanguageViewSet)


register_snippet(DirectoryGroup)
