from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    """What coordinators publish: knowledge, analyses, reports and plans."""

    name = "knowledge"
    verbose_name = _("Kunskap")

    def ready(self):
        from django.db.models.signals import post_save

        from core import site_search
        from forum.desk import register

        from .desk import desk_sections
        from .models import KnowledgeIndexPage
        from .models.review import assign_review_workflow
        from .site_search import KNOWLEDGE

        # New index pages get the editors' review workflow (models/review.py).
        post_save.connect(
            assign_review_workflow,
            sender=KnowledgeIndexPage,
            dispatch_uid="knowledge_review_workflow",
        )

        # The forum's desk links to the forum's knowledge index; forum/ cannot
        # import this room, so the room hands it its section.
        register(desk_sections)
        # The public site search finds the public knowledge pages.
        site_search.register(KNOWLEDGE)
