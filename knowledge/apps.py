from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    """What coordinators publish: knowledge, analyses, reports and plans."""

    name = "knowledge"
    verbose_name = _("Kunskap")

    def ready(self):
        from django.db.models.signals import post_save
        from wagtail.signals import page_published

        from core import site_search
        from forum.desk import register
        from forum.notification_forms import register as register_choices

        from . import personal_data  # noqa: F401  (registers its section)
        from .desk import desk_sections
        from .models import KnowledgeIndexPage
        from .models.review import assign_review_workflow
        from .notifications import KnowledgeChoiceForm, first_published
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
        # Members choose to be told about new pages (the renderer of the kind
        # "new_knowledge" is registered as the module loads).
        register_choices(KnowledgeChoiceForm)
        page_published.connect(
            first_published, dispatch_uid="knowledge_first_published"
        )
        # The public site search finds the public knowledge pages.
        site_search.register(KNOWLEDGE)
