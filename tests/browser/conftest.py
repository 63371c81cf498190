import os
import sqlite3

import pytest
from django.core.management import call_command
from django.db import connection

# Playwright's sync API runs an event loop in the test thread; Django's ORM
# calls from the test itself are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium; Playwright never downloads a browser of its own here."""
    assert os.path.exists(CHROMIUM), "Chromium is missing: make test installs it"
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """A Swedish browser: the first visit's language follows Accept-Language,
    and headless Chromium would otherwise ask for American English."""
    return {**browser_context_args, "locale": "sv-SE"}


# The seeded demo database of this worker, copied once (SQLite only).
_seeded = {}


def _seed_demo():
    """`seed_demo`, or on SQLite a copy of the database it left the first time.

    Seeding takes many seconds and gives the same rows every time, so on
    SQLite the first browser test of a worker seeds and keeps a copy in
    memory (SQLite's backup API) and every later one copies it back over the
    migrated database, pages, files' rows and primary keys alike. The files
    the demo wrote stay in the test media directory.
    """
    if connection.vendor != "sqlite":
        call_command("seed_demo", stdout=open(os.devnull, "w"))
        return
    connection.ensure_connection()
    if "copy" in _seeded:
        _seeded["copy"].backup(connection.connection)
        return
    call_command("seed_demo", stdout=open(os.devnull, "w"))
    copy = sqlite3.connect(":memory:", check_same_thread=False)
    connection.connection.backup(copy)
    _seeded["copy"] = copy


@pytest.fixture
def demo_site(live_server):
    """The demo data on the live server.

    Every test starts from the migrated database: the one before it either
    rolled back or, if it was a live-server test, ended with a flush after
    which ``tests/migrated_data.py`` put the migrations' rows back.
    """
    _seed_demo()
    return live_server
