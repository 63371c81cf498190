from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Site search over the public pages."""

    name = "website.search"
    label = "site_search"
    verbose_name = _("Sök")
