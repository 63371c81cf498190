"""Send the daily digest to everyone who chose one summary a day."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from forum.models import Notification, NotificationPreference
from forum.notifications import send_digest


class Command(BaseCommand):
    help = "Skicka dagens sammanfattning till alla som valt en sammanfattning per dag."

    def handle(self, *args, **options):
        users = get_user_model().objects.filter(
            is_active=True,
            notification_preference__frequency=NotificationPreference.Frequency.DAILY,
            pk__in=Notification.objects.filter(sent_at__isnull=True).values("user"),
        )
        emails = items = 0
        for user in users.iterator():
            count = send_digest(user)
            if count:
                emails += 1
                items += count
        self.stdout.write(f"{emails} digest(s), {items} notification(s).")
