from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.email import absolute_url
from core.email import send as send_email
from directory.models import LISTED_FOR, WARN_BEFORE, Activity, ActivityRevision
from directory.review import recipients
from directory.revisions import record


class Command(BaseCommand):
    help = (
        "End published activities whose end date has passed; ask organisations to "
        "confirm activities two weeks before they leave the directory (120 days "
        "without a confirmation), and tell them when one has left. Run daily; "
        "running it again sends nothing new."
    )

    def handle(self, *args, **options):
        today = timezone.localdate()
        ended = self.end_past_activities(today)
        sent, skipped = self.send_reminders(today)
        unlisted, unlisted_skipped = self.send_unlisted_notices(today)
        self.stdout.write(
            f"Reminders sent: {sent}. Activities ended after their end date: {ended}. "
            f"Notices of activities that left the directory: {unlisted}."
        )
        skipped += unlisted_skipped
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
        """Two weeks before an activity leaves the directory: please confirm."""
        due = (
            Activity.objects.published()
            .listed(today)
            .filter(last_confirmed__lte=today - (LISTED_FOR - WARN_BEFORE))
        )
        return self._send(due, "reminded_at", "directory/email/activity_reminder.txt")

    def send_unlisted_notices(self, today):
        """An activity has left the directory: how to bring it back."""
        return self._send(
            Activity.objects.unconfirmed(today),
            "unlisted_notice_at",
            "directory/email/activity_unlisted.txt",
        )

    def _send(self, due, stamp, template):
        """Mail the organisation about each activity in ``due`` once per
        confirmation: ``stamp`` records that it was told."""
        # Told before the last confirmation: that message is about an older one.
        untold = Q(**{f"{stamp}__isnull": True}) | Q(
            **{f"{stamp}__date__lt": F("last_confirmed")}
        )
        sent = skipped = 0
        for activity in due.filter(untold).select_related("organisation", "created_by"):
            to = recipients(activity)
            if not to:
                skipped += 1
                continue
            # Claim it first: a second run at the same time finds it told.
            claimed = (
                Activity.objects.filter(pk=activity.pk)
                .filter(untold)
                .update(**{stamp: timezone.now()})
            )
            if not claimed:
                continue
            path = reverse(
                "directory:activity_confirm",
                args=[activity.organisation.slug, activity.slug],
            )
            send_email(to, template, {"activity": activity, "url": absolute_url(path)})
            sent += 1
        return sent, skipped
