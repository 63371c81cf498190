from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImagesConfig(AppConfig):
    """The project's own Wagtail image model, swappable from the first migration."""

    name = "core.images"
    label = "images"
    verbose_name = _("Bilder")
