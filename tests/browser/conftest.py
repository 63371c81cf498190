import os

import pytest
from django.core.management import call_command
from wagtail.models import Collection, Locale, Page

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


@pytest.fixture
def demo_site(live_server):
    """The demo data on the live server.

    Live-server tests flush the database afterwards, including what the
    migrations created (the locale, Wagtail's root page and root collection,
    geography), so it is rebuilt here before the demo data are loaded.
    """
    Locale.objects.get_or_create(language_code="sv")
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", live=True))
    call_command("seed_demo", stdout=open(os.devnull, "w"))
    return live_server
