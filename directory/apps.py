from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    """The public activity directory: activities, travel routes, languages."""

    name = "directory"
    label = "directory"
    verbose_name = _("Aktivitetskatalog")
