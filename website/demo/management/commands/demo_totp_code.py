import time

from django.core.management.base import BaseCommand, CommandError

from website.demo.second_factor import TOTP_PERIOD, current_code, demo_secret


class Command(BaseCommand):
    help = (
        "Print the code that an authenticator app with the demo's secret shows "
        "now, for signing in as a demo convener, coordinator or staff member "
        "without an app. Development only."
    )

    def handle(self, *args, **options):
        if not demo_secret():
            raise CommandError(
                "DEMO_TOTP_SECRET is not set: the demo's second factor exists in "
                "development only."
            )
        now = time.time()
        left = TOTP_PERIOD - int(now) % TOTP_PERIOD
        self.stdout.write(current_code(now))
        self.stdout.write(f"(valid for {left} more seconds; each code works once)")
