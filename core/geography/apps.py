from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GeographyConfig(AppConfig):
    """Counties, sub-regions and municipalities: reference data for every room."""

    name = "core.geography"
    label = "geography"
    verbose_name = _("Geografi")
