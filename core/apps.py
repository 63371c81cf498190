from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The shared floor: its templates (pagination, form fields, attachments, email)."""

    name = "core"
    label = "core"
    verbose_name = _("Gemensam grund")

    def ready(self):
        from . import (
            collation,
            conf,  # noqa: F401  (registers the check of settings.TIA)
            site_search,
        )
        from .attachments import connect_file_cleanup
        from .i18n import info, locales

        connect_file_cleanup(apps.get_models())
        collation.connect()
        site_search.connect()
        info.install()
        locales.connect()
