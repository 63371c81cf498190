from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    """Organisations, contact persons, memberships and agreements."""

    name = "partners"
    verbose_name = _("Partner")

    def ready(self):
        from . import (
            audit,
            personal_data,  # noqa: F401  (registers its sections)
        )

        audit.connect()
