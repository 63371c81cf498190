import os

import pytest
from django.core.management import call_command

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


@pytest.fixture
def demo_site(live_server):
    """The demo data on the live server.

    Every test starts from the migrated database: the one before it either
    rolled back or, if it was a live-server test, ended with a flush after
    which ``tests/migrated_data.py`` put the migrations' rows back.
    """
    call_command("seed_demo", stdout=open(os.devnull, "w"))
    return live_server
