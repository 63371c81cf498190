"""Who wants to be told about new knowledge pages (the person's notification
choices, ``knowledge/notifications.py``)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class KnowledgeSubscription(models.Model):
    class Scope(models.TextChoices):
        NONE = "none", _("Nej")
        FORUMS = "forums", _("Nya sidor i mina forum")
        ALL = "all", _("Nya sidor i mina forum och all ny offentlig kunskap")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="knowledge_subscription",
    )
    scope = models.CharField(
        _("berätta om ny kunskap"),
        max_length=8,
        choices=Scope.choices,
        default=Scope.NONE,
    )

    class Meta:
        verbose_name = _("bevakning av kunskap")
        verbose_name_plural = _("bevakningar av kunskap")

    def __str__(self):
        return f"{self.user}: {self.get_scope_display()}"
