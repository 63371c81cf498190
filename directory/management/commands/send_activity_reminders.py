import datetime

from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.email import absolute_url
from core.email import send as send_email
from directory.models import Activity, ActivityRevision
from directory.review import recipients
from directory.revisions import record

# How long a published activity goes unconfirmed before its organisation is asked.
CONFIRM_AFTER = datetime.timedelta(days=90)


class Command(BaseCommand):
    help = (
        "Ask organisations to confirm published activities not confirmed for 90 "
        "days, and end published activities whose end date has passed. Run daily; "
        "running it again sends nothing new."
    )

    def handle(self, *args, **options):
        today = timezone.localdate()
        ended = self.end_past_activities(today)
        sent, skipped = self.send_reminders(today)
        self.stdout.write(
            f"Reminders sent: {sent}. Activities ended after their end date: {ended}."
        )
        if skipped:
            self.stderr.write(
                f"No one to remind for {skipped} activities (no admins, no creator)."
            )

    def end_past_activities(self, today):
        """Keep the status honest: the public list already leaves these out."""
        count = 0
        for activity in Activity.objects.published().filter(end_date__lt=today):
            with transaction.atomic():
                activity.status = Activity.Status.ENDED
                activity.save(update_fields=["status", "updated_at"])
                record(
                    activity,
                    ActivityRevision.Action.ENDED,
                    comment=_("Slutdatumet har passerat."),
                )
            count += 1
        return count

    def send_reminders(self, today):
        due = (
            Activity.objects.published()
            .filter(last_confirmed__lte=today - CONFIRM_AFTER)
            .filter(
                Q(reminded_at__isnull=True)
                | Q(reminded_at__date__lt=F("last_confirmed"))
            )
            .select_related("organisation", "created_by")
        )
        sent = skipped = 0
        for activity in due:
            to = recipients(activity)
            if not to:
                skipped += 1
                continue
            path = reverse(
                "directory:activity_confirm",
                args=[activity.organisation.slug, activity.slug],
            )
            send_email(
                to,
                "directory/email/activity_reminder.txt",
                {
                    "activity": activity,
                    "url": absolute_url(path),
                },
            )
            activity.reminded_at = timezone.now()
            activity.save(update_fields=["reminded_at"])
            sent += 1
        return sent, skipped
