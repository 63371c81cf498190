from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    """The project's own Wagtail document model, swappable from the first migration."""

    name = "website.documents"
    label = "documents"
    verbose_name = _("Dokument")
