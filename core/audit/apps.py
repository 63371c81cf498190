from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    """Security-relevant actions, kept for a while and never changed."""

    name = "core.audit"
    label = "audit"
    verbose_name = _("Säkerhetslogg")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from . import receivers
        from .models import AuditEntry
        from .permissions import AuditPermissionPolicy

        receivers.connect()
        register_permission_policy(
            AuditEntry, AuditPermissionPolicy(AuditEntry), exact_class=True
        )
