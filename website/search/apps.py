from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Site search over everything public: the rooms' kinds and the pages."""

    name = "website.search"
    label = "site_search"
    verbose_name = _("Sök")

    def ready(self):
        from core import site_search

        from .pages import PAGES

        site_search.register(PAGES)
