from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountConfig(AppConfig):
    """The account overview: one page that gathers what each room keeps about
    the signed-in person."""

    name = "website.account"
    label = "site_account"
    verbose_name = _("Mitt konto")
