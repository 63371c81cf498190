from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    """What coordinators publish: knowledge, analyses, reports and plans."""

    name = "knowledge"
    verbose_name = _("Kunskap")
