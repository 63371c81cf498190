from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    """Forums, collaboration levels and the access rule."""

    name = "forum"
    verbose_name = _("Samverkansforum")

    def ready(self):
        from .second_factor import connect_signals

        connect_signals()
