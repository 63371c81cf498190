from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    """Forums, collaboration levels and the access rule."""

    name = "forum"
    verbose_name = _("Samverkansforum")

    def ready(self):
        from partners.models import AgreementQuerySet

        from . import (
            notifications,
            personal_data,  # noqa: F401  (registers its sections)
            second_factor,
        )
        from .access import forums_reading_agreements

        second_factor.connect_signals()
        notifications.connect_signals()
        # partners/ sits below the forum: the forum tells it who reads agreements.
        AgreementQuerySet.readable_forums = staticmethod(forums_reading_agreements)
