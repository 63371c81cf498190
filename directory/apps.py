from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    """The public activity directory: activities, travel routes, languages."""

    name = "directory"
    label = "directory"
    verbose_name = _("Aktivitetskatalog")

    def ready(self):
        from core import site_search

        from .site_search import ACTIVITIES

        # The host's public search finds current activities; the host imports
        # no room to learn of them.
        site_search.register(ACTIVITIES)
