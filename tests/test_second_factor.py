"""A second factor for staff, county administrators, conveners and coordinators.

Until they have set up an authenticator app and used it in the current
session, every page but the account pages sends them there; their sessions
end after 30 minutes without activity. Members without such a role may use a
second factor but are never forced to.
"""

import datetime
import time

import pytest
import time_machine
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.utils import timezone

from core.geography.models import County, SubRegion
from forum import second_factor
from forum.models import Coordinator, Level
from tests.conftest import PASSWORD
from tests.factories import (
    COUNTY_ADMINISTRATORS,
    ForumFactory,
    MembershipFactory,
    OrganisationFactory,
    ParticipationFactory,
    UserFactory,
    editor,
)

pytestmark = pytest.mark.django_db

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
POWER = ["staff", "county_admin", "convener", "coordinator"]


def totp_code(secret):
    """The code an authenticator app shows now for ``secret``."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


@pytest.fixture
def forum(db):
    return ForumFactory(slug="tia-skane")


@pytest.fixture
def power(forum):
    """One person per role that holds power, and the page each role opens."""
    staff = editor()
    convener = UserFactory()
    forum.conveners.add(convener)
    coordinator = UserFactory()
    Coordinator.objects.create(
        name="Samordnare",
        organisation=OrganisationFactory(),
        subregion=SubRegion.objects.create(
            county=County.objects.get(code="12"), name="Malmö", slug="malmo"
        ),
        email=coordinator.email,
        user=coordinator,
    )
    # The permission through the group, without admin access (not staff).
    county_admin = UserFactory()
    county_admin.groups.add(Group.objects.get(name=COUNTY_ADMINISTRATORS))
    return {
        "county_admin": (county_admin, "/forum/tia-skane/ansokningar/"),
        "staff": (staff, "/admin/"),
        "convener": (convener, "/forum/tia-skane/ansokningar/"),
        "coordinator": (coordinator, "/granskning/aktiviteter/"),
    }


def app_secret(setup_page):
    """The secret the set-up page shows (beside its QR code) for the app."""
    soup = BeautifulSoup(setup_page.content.decode(), "html.parser")
    return soup.find(id="authenticator_secret")["value"]


def sign_in(client, user):
    return client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})


@pytest.mark.parametrize("role", POWER)
def test_power_without_an_authenticator_is_sent_to_set_one_up(client, power, role):
    user, page = power[role]
    sign_in(client, user)
    response = client.get(page)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/2fa/totp/activate/?next={page}"
    # The member pages and the public ones too: the role is there on every page.
    assert client.get("/")["Location"].startswith("/accounts/2fa/totp/activate/")
    setup = client.get(response["Location"], follow=True)
    assert "kräver därför tvåstegsverifiering" in setup.content.decode()


@pytest.mark.parametrize("role", POWER)
def test_setting_up_then_using_the_app_opens_the_page(client, power, role):
    user, page = power[role]
    sign_in(client, user)
    setup = client.get(f"/accounts/2fa/totp/activate/?next={page}")
    # Changing what protects the account asks for the password once more.
    assert setup["Location"].startswith("/accounts/reauthenticate/")
    setup = client.post(setup["Location"], {"password": PASSWORD}, follow=True)
    secret = app_secret(setup)
    activated = client.post("/accounts/2fa/totp/activate/", {"code": totp_code(secret)})
    assert activated.status_code == 302
    assert user.authenticator_set.filter(type="totp").exists()
    # Set up, but not yet used in this session: a code first.
    response = client.get(page)
    assert response["Location"] == f"/accounts/2fa/reauthenticate/?next={page}"
    # A code is good once: the next one, half a minute later.
    with time_machine.travel(datetime.timedelta(seconds=30)):
        response = client.post(response["Location"], {"code": totp_code(secret)})
        assert response["Location"] == page
        assert client.get(page).status_code == 200


def test_a_power_holder_with_an_app_gives_the_code_when_signing_in(client, power):
    user, page = power["convener"]
    TOTP.activate(user, SECRET)
    response = sign_in(client, user)
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert client.get(page)["Location"].startswith("/accounts/login/")
    response = client.post("/accounts/2fa/authenticate/", {"code": totp_code(SECRET)})
    assert client.get(page).status_code == 200


def test_members_are_not_forced(client, forum):
    participation = ParticipationFactory(forum=forum, level=Level.DIALOG)
    member = MembershipFactory(organisation=participation.organisation).user
    sign_in(client, member)
    assert client.get("/forum/tia-skane/").status_code == 200
    assert client.session.get_expiry_age() > 24 * 3600


def test_account_pages_and_signing_out_stay_open(client, power):
    user, _page = power["convener"]
    sign_in(client, user)
    assert client.get("/accounts/email/").status_code == 200
    assert client.get("/en/accounts/2fa/").status_code == 200
    client.post("/accounts/logout/")
    assert "_auth_user_id" not in client.session


@pytest.mark.urls("tests.prefixed_urls")
def test_what_stays_open_is_found_by_its_route_under_any_prefix(client, power):
    """A host that mounts the feeds and allauth elsewhere keeps them open."""
    user, page = power["convener"]
    sign_in(client, user)
    assert client.get("/samverkan/ical/kalender.ics").status_code == 200
    assert client.get("/konto/email/").status_code == 200
    # Anything else still asks for the second factor first.
    assert client.get(page)["Location"].startswith("/accounts/2fa/totp/activate/")


def test_force_login_without_the_second_factor_is_sent_on(client, power):
    """What the test suite's force_login stands for, shown once both ways."""
    user, page = power["staff"]
    client.force_login(user, second_factor=False)
    assert client.get(page).status_code == 302
    client.force_login(user)
    assert client.get(page).status_code == 200


def test_power_holders_sessions_end_after_thirty_idle_minutes(client, power):
    user, page = power["convener"]
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.force_login(user)
        assert client.get(page).status_code == 200
        assert client.session.get_expiry_age() == 30 * 60
    # Activity keeps it alive...
    with time_machine.travel(start + datetime.timedelta(minutes=25), tick=False):
        assert client.get(page).status_code == 200
    with time_machine.travel(start + datetime.timedelta(minutes=50), tick=False):
        assert client.get(page).status_code == 200
    # ...but half an hour without any request ends it.
    with time_machine.travel(start + datetime.timedelta(minutes=81), tick=False):
        response = client.get(page)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def test_a_role_given_during_a_session_applies_on_the_next_request(client, forum):
    participation = ParticipationFactory(forum=forum, level=Level.DIALOG)
    member = MembershipFactory(organisation=participation.organisation).user
    client.force_login(member, second_factor=False)
    assert client.get("/forum/tia-skane/").status_code == 200
    forum.conveners.add(member)
    response = client.get("/forum/tia-skane/")
    assert response["Location"].startswith("/accounts/2fa/totp/activate/")
    forum.conveners.remove(member)
    assert client.get("/forum/tia-skane/").status_code == 200


def test_knowing_the_role_costs_pages_no_query(client, forum, monkeypatch):
    """Asked once at sign-in and kept in the session, not on every page."""
    participation = ParticipationFactory(forum=forum, level=Level.DIALOG)
    member = MembershipFactory(organisation=participation.organisation).user
    client.force_login(member)
    asked = []
    monkeypatch.setattr(
        second_factor, "holds_power", lambda user: asked.append(user) or False
    )
    assert client.get("/forum/tia-skane/").status_code == 200
    assert client.get("/forum/tia-skane/kalender/").status_code == 200
    assert not asked
    # A change of roles anywhere: asked once more, then kept again.
    forum.conveners.add(UserFactory())
    client.get("/forum/tia-skane/")
    client.get("/forum/tia-skane/")
    assert asked == [member]


def test_members_find_the_second_factor_from_their_account(client, forum):
    """Offered to everyone: Mitt konto → Tvåstegsverifiering → set up an app."""
    participation = ParticipationFactory(forum=forum, level=Level.DIALOG)
    member = MembershipFactory(organisation=participation.organisation).user
    client.force_login(member)

    def follow(page, text):
        soup = BeautifulSoup(page.content.decode(), "html.parser")
        link = soup.find("a", string=text)
        assert link is not None, text
        return client.get(link["href"])

    account = follow(client.get("/"), "Mitt konto")
    assert account.status_code == 200
    second_factor = follow(account, "Tvåstegsverifiering")
    assert second_factor.status_code == 200
    assert 'href="/accounts/2fa/totp/activate/"' in second_factor.content.decode()
    assert follow(second_factor, "Lösenord").status_code == 200
