from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The public home page, guidance pages and the site's contact details."""

    name = "website.home"
    label = "home"
    verbose_name = _("Webbplats")
