from django.core.management.base import BaseCommand
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from core.email import absolute_url
from core.email import send as send_email
from website.home.models import GuidancePage, GuidanceReviewReminder


class Command(BaseCommand):
    help = (
        "Remind the owner of each guidance page that has not been reviewed for "
        "twelve months to review it and confirm the date. Run daily; a page's "
        "owner is reminded once a period, not every day."
    )

    def handle(self, *args, **options):
        today = timezone.localdate()
        sent = skipped = 0
        # The Swedish pages: their translations share the review date (a
        # synchronised field) and the owner, who reviews them all at once.
        due = (
            GuidancePage.objects.review_due(today)
            .filter(locale=Locale.get_default())
            .select_related("owner", "review_reminder")
            .order_by("path")
        )
        for page in due:
            reminder = getattr(page, "review_reminder", None)
            if reminder is not None and reminder.covers(page.reviewed_on, today):
                continue
            if page.owner is None or not page.owner.email:
                skipped += 1
                continue
            if not self.claim(page, reminder, today):
                continue
            send_email(
                [page.owner.email],
                "home/email/guidance_review_reminder.txt",
                {
                    "page": page,
                    "reviewed_on": page.reviewed_on,
                    "url": page.full_url or "",
                    "edit_url": absolute_url(
                        reverse("wagtailadmin_pages:edit", args=[page.pk])
                    ),
                },
            )
            sent += 1
        self.stdout.write(f"Guidance review reminders sent: {sent}.")
        if skipped:
            self.stderr.write(
                f"No owner with an email address for {skipped} guidance pages due "
                "for review."
            )

    def claim(self, page, reminder, today):
        """Record the reminder before sending it: a second run at the same
        time finds it sent (a conditional UPDATE, or the unique page)."""
        if reminder is None:
            try:
                with transaction.atomic():
                    GuidanceReviewReminder.objects.create(page=page, sent_on=today)
            except IntegrityError:
                return False
            return True
        return bool(
            GuidanceReviewReminder.objects.filter(
                pk=reminder.pk, sent_on=reminder.sent_on
            ).update(sent_on=today)
        )
