from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UsersConfig(AppConfig):
    """The people who sign in: staff, coordinators and organisation members."""

    name = "core.users"
    label = "users"
    verbose_name = _("Användare")
