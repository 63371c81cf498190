from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    """The project's own Wagtail document model, swappable from the first migration."""

    name = "core.documents"
    label = "documents"
    verbose_name = _("Dokument")

    def ready(self):
        from wagtail.documents import get_document_model
        from wagtail.permissions import register_permission_policy

        from .permissions import DocumentPermissionPolicy

        # exact_class: ahead of the policy Wagtail registers for the model.
        register_permission_policy(
            get_document_model(),
            DocumentPermissionPolicy(
                get_document_model(),
                auth_model="wagtaildocs.Document",
                owner_field_name="uploaded_by_user",
            ),
            exact_class=True,
        )
