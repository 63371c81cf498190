"""Settings for a developer's machine: SQLite, console email, debug pages."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = os.environ.get(  # noqa: F405
    "SECRET_KEY", "dev-only-not-secret-5a1b0c8e7f6d4e3b2a19c8d7e6f5a4b3c2d1e0f9"
)
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The demo's authenticator secret (website/demo/second_factor.py): staff,
# conveners and coordinators need a second factor; development only.
DEMO_TOTP_SECRET = "TIADEMOTIADEMOTIADEMOTIADEMOTIAD"
