"""Settings for the test suite: fast hashing, local cache, files in a temp dir."""

import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
if DATABASE_IS_SQLITE:  # noqa: F405
    # A file, not Django's shared in-memory database: the live server's
    # threads then each have their own connection and lock the file as app
    # servers do (tests/test_concurrent_writes.py). On a RAM disk when there
    # is one, to stay about as fast as memory.
    _ram_disk = Path("/dev/shm")  # noqa: F405
    _db_dir = tempfile.mkdtemp(
        prefix="tia-test-db-", dir=_ram_disk if _ram_disk.is_dir() else None
    )
    DATABASES["default"]["TEST"] = {"NAME": str(Path(_db_dir) / "test.sqlite3")}  # noqa: F405
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="tia-test-media-"))  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
PRIVATE_MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="tia-test-private-"))  # noqa: F405
STORAGES = {
    **STORAGES,  # noqa: F405
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": "/no-public-url/"},
    },
}

# The demo's authenticator secret, as in development (tests sign in as the
# demo's conveners and coordinators).
DEMO_TOTP_SECRET = "TIADEMOTIADEMOTIADEMOTIADEMOTIAD"

# Tasks run at once whatever TASKS_BACKEND says: tests read the mail they send.
TASKS = {"default": {"BACKEND": IMMEDIATE_TASKS}}  # noqa: F405
INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "django_tasks_db"]  # noqa: F405
