"""Remind organisations that have not responded, a few days before the deadline.

Run it daily (like send_notification_digest). Each consultation is reminded
once; a convener can still send a reminder by hand from its status page.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from forum.consultations import send_reminder, waiting_organisations
from forum.models import Consultation

DAYS_BEFORE_DEADLINE = 3


class Command(BaseCommand):
    help = "Remind invited organisations that have not responded to a consultation."

    def handle(self, *args, **options):
        now = timezone.now()
        due = Consultation.objects.open(now).filter(
            deadline__lte=now + timedelta(days=DAYS_BEFORE_DEADLINE),
            reminder_sent_at__isnull=True,
        )
        reminded = 0
        for consultation in due.select_related("forum"):
            waiting = list(waiting_organisations(consultation))
            if not waiting:
                continue
            send_reminder(consultation, waiting)
            reminded += 1
        self.stdout.write(f"{reminded} consultation reminder(s) sent.")
