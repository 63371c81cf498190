"""The audit log in the Wagtail admin: a listing and one entry, nothing more."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from .filters import AuditEntryFilterSet
from .models import AuditEntry


class AuditIndexView(generic.IndexView):
    """The listing; every row opens the entry's inspect page."""

    def get_edit_url(self, instance):
        return self.get_inspect_url(instance)


class AuditInspectView(generic.InspectView):
    pass


class AuditLogViewSet(ModelViewSet):
    """Read-only: only the listing and the inspect view have URLs, and the
    permission policy (``permissions.py``) grants "view" and nothing else."""

    model = AuditEntry
    name = "audit"
    icon = "list-ul"
    menu_label = _("Säkerhetslogg")
    menu_order = 9000
    add_to_admin_menu = True
    index_view_class = AuditIndexView
    inspect_view_class = AuditInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = AuditEntryFilterSet
    list_per_page = 50
    list_display = [
        DateColumn("when", label=_("Tidpunkt"), sort_key="when"),
        Column("get_action_display", label=_("Händelse")),
        Column("actor_email", label=_("Utförd av")),
        Column("subject_email", label=_("Gäller person")),
        Column("organisation_name", label=_("Organisation")),
        Column("forum_name", label=_("Forum")),
        Column("object_repr", label=_("Objekt")),
        Column("ip_address", label=_("IP-adress")),
    ]
    inspect_view_fields = [
        "when",
        "action",
        "actor_email",
        "subject_email",
        "organisation_name",
        "forum_name",
        "content_type",
        "object_id",
        "object_repr",
        "ip_address",
        "details",
    ]

    def get_common_view_kwargs(self, **kwargs):
        # No add, edit, delete, copy, history or usage view: nothing to link to.
        return super().get_common_view_kwargs(
            **{
                "add_url_name": None,
                "edit_url_name": None,
                "delete_url_name": None,
                "history_url_name": None,
                "usage_url_name": None,
                **kwargs,
            }
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]
