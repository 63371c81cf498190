from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo data that `make run` loads: a believable county forum."""

    name = "website.demo"
    label = "demo"
    verbose_name = _("Demodata")
