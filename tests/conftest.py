import io

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models.signals import post_migrate
from django.test import Client

from forum.second_factor import record_in_session
from tests.migrated_data import MigratedData

PASSWORD = "correct-horse-battery-42"


def pytest_collection_modifyitems(config, items):
    """Mark the browser tests, so that ``-m "not browser"`` leaves them out."""
    for item in items:
        if "/browser/" in item.nodeid or item.nodeid.startswith("browser/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database; what its migrations created comes back after a flush.

    The transactional tests (the browser tests) end with a flush that would
    leave every later test without the home page, geography and the rest, so
    the suite would pass only if they ran last; see ``tests/migrated_data.py``.
    """
    with django_db_blocker.unblock():
        migrated = MigratedData(DEFAULT_DB_ALIAS)
    post_migrate.connect(migrated, dispatch_uid="tests.migrated_data")
    yield
    post_migrate.disconnect(dispatch_uid="tests.migrated_data")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """`manage.py seed_demo` once for all the tests of a module (it takes
    many seconds), what it printed as the value. Each test runs inside this
    transaction in its own savepoint, so its changes roll back to the demo
    data; the demo data roll back after the module's last test."""
    out = io.StringIO()
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _clear_cache():
    """allauth's rate limits live in the cache: no test inherits another's counts."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """A request to /en/… leaves English active in the test's thread (as in a
    server thread until its next request); no test inherits it."""
    from django.utils import translation

    yield
    translation.deactivate()


@pytest.fixture(autouse=True, scope="session")
def _force_login_includes_the_second_factor():
    """``client.force_login(user)`` stands for a finished sign-in, second factor
    included (staff, conveners and coordinators need one on every page); the
    tests of the second factor itself pass ``second_factor=False``. Patched for
    the session, so that a test's ``monkeypatch.undo()`` keeps it."""
    force_login = Client.force_login

    def sign_in(client, user, backend=None, second_factor=True):
        force_login(client, user, backend)
        if second_factor:
            record_in_session(client.session, user)

    Client.force_login = sign_in
    yield
    Client.force_login = force_login


@pytest.fixture
def make_user(db):
    """Create a user whose email address is verified, as after sign-up."""

    def make(email="member@example.org", password=PASSWORD, **fields):
        user = get_user_model().objects.create_user(
            email=email, password=password, **fields
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        return user

    return make


@pytest.fixture
def staff_user(make_user):
    return make_user(
        email="staff@lansstyrelsen.example", is_staff=True, is_superuser=True
    )
