"""The demo's second factor: one known authenticator secret, development only.

Staff, county administrators, conveners and coordinators must enter a code
from an authenticator app (forum.second_factor). So that a newcomer can sign
in as them, the demo gives each of them an authenticator with the secret in
``settings.DEMO_TOTP_SECRET``, which only the development and test settings
define: add it to any authenticator app, or print the current code with
``manage.py demo_totp_code``. Without the setting (production) nothing is
created and such people set up their own app at their first sign-in.
"""

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.conf import settings

from forum.second_factor import holds_power

TOTP_PERIOD = 30


def demo_secret():
    return getattr(settings, "DEMO_TOTP_SECRET", "")


def give_second_factor(users):
    """Give the demo's authenticator to those of ``users`` who need one.

    Returns those who have it; nothing without ``DEMO_TOTP_SECRET``.
    """
    secret = demo_secret()
    if not secret:
        return []
    given = []
    for user in users:
        if not holds_power(user):
            continue
        has_app = Authenticator.objects.filter(
            user=user, type=Authenticator.Type.TOTP
        ).exists()
        if not has_app:
            TOTP.activate(user, secret)
        given.append(user)
    return given


def current_code(now):
    """The code an app with the demo's secret shows at ``now`` (a Unix time)."""
    return format_hotp_value(hotp_value(demo_secret(), int(now) // TOTP_PERIOD))
