from django.core.management.base import BaseCommand

from core.audit.models import AuditEntry
from core.conf import setting


class Command(BaseCommand):
    help = (
        "Remove audit log entries older than TIA['AUDIT_RETENTION_DAYS'] (run daily)."
    )

    def handle(self, *args, **options):
        # A queryset delete: the one way entries go (AuditEntry.delete refuses).
        removed, _ = AuditEntry.objects.expired().delete()
        self.stdout.write(
            f"Removed {removed} audit log entries older than "
            f"{setting('AUDIT_RETENTION_DAYS')} days."
        )
