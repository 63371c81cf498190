"""Every way into a session goes through allauth.

Wagtail ships two sign-in forms of its own (the admin's ``/admin/login/`` and
the one for private pages, ``/_util/login/``); they would sign a person in with
email and password alone, skipping email verification, the second factor and
the rate limits. They must authenticate nobody and lead to allauth's page.
"""

import re
import time

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.test import Client
from wagtail.models import Page, PageViewRestriction

from tests.conftest import PASSWORD
from website.home.models import GuidancePage, HomePage

pytestmark = pytest.mark.django_db

WAGTAIL_SIGN_IN_FORMS = ["/_util/login/", "/en/_util/login/", "/admin/login/"]


def prefix(url):
    """allauth's page in the language of the page the visitor came from."""
    return "/en" if url.startswith("/en/") else ""


def totp_code(secret):
    """The code an authenticator app shows now for ``secret``."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def signed_in(client):
    return "_auth_user_id" in client.session


@pytest.mark.parametrize("url", WAGTAIL_SIGN_IN_FORMS)
def test_wagtails_sign_in_forms_sign_nobody_in(client, make_user, url):
    user = make_user(email="member@example.org", is_staff=True)
    response = client.post(url, {"username": user.email, "password": PASSWORD})
    assert not signed_in(client)
    assert response.status_code == 302
    assert response["Location"].startswith(f"{prefix(url)}/accounts/login/?next=")


@pytest.mark.parametrize("url", WAGTAIL_SIGN_IN_FORMS)
def test_wagtails_sign_in_forms_send_people_to_allauth_keeping_the_target(client, url):
    response = client.get(f"{url}?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == f"{prefix(url)}/accounts/login/?next=/admin/pages/"


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x"])
def test_wagtails_sign_in_forms_do_not_forward_to_other_sites(client, target):
    response = client.get("/_util/login/", {"next": target})
    assert response["Location"] == "/accounts/login/?next=/"


def test_repeated_wrong_passwords_on_wagtails_form_never_lead_in(client, make_user):
    """The review's finding: twelve wrong passwords, then the right one, signed in."""
    user = make_user(email="member@example.org")
    for _ in range(12):
        client.post("/_util/login/", {"username": user.email, "password": "wrong"})
    client.post("/_util/login/", {"username": user.email, "password": PASSWORD})
    assert not signed_in(client)


@pytest.fixture
def private_page(db):
    home = HomePage.objects.first() or Page.objects.get(depth=1)
    page = home.add_child(
        instance=GuidancePage(title="Bara för inloggade", slug="intern")
    )
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    return page


def test_private_page_sends_visitors_to_allauth_and_back(
    client, make_user, private_page
):
    url = private_page.url
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url}"

    make_user(email="member@example.org")
    response = client.post(
        response["Location"],
        {"login": "member@example.org", "password": PASSWORD},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == url
    assert "Bara för inloggade" in response.content.decode()


def test_admin_sends_staff_to_allauth_and_back(client, staff_user):
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/pages/"
    response = client.post(
        response["Location"],
        {"login": staff_user.email, "password": PASSWORD},
    )
    assert response.status_code == 302
    assert signed_in(client)
    assert response["Location"] == "/admin/pages/"


# -- an attacker's wrong passwords do not lock the owner out --------------------


def login(client, email, password):
    return client.post(
        "/accounts/login/", {"login": email, "password": password}, follow=True
    )


def mailed_code(mailbox):
    return re.search(
        r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", mailbox[-1].body, re.MULTILINE
    )[1]


@pytest.fixture
def locked_out(make_user):
    """Five wrong passwords typed for Lina's address by somebody else."""
    lina = make_user(email="lina@example.org")
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(5):
        login(attacker, lina.email, "gissat-lösenord")
    return lina


def test_wrong_passwords_for_an_address_lock_password_sign_in_for_it(
    client, locked_out
):
    response = login(client, locked_out.email, PASSWORD)
    assert not response.context["user"].is_authenticated
    text = response.content.decode()
    assert "För många misslyckade inloggningsförsök" in text
    assert "engångskod som vi skickar till din e-postadress" in text
    assert 'href="/accounts/login/code/"' in text


def test_the_owner_still_signs_in_with_a_mailed_code(client, locked_out, mailoutbox):
    page = client.get("/accounts/login/code/")
    assert page.status_code == 200
    response = client.post("/accounts/login/code/", {"email": locked_out.email})
    assert response.status_code == 302
    assert mailoutbox[-1].to == [locked_out.email]
    response = client.post(
        "/accounts/login/code/confirm/", {"code": mailed_code(mailoutbox)}, follow=True
    )
    assert response.context["user"] == locked_out


def test_a_mailed_code_does_not_skip_the_second_factor(client, locked_out, mailoutbox):
    secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
    TOTP.activate(locked_out, secret)
    client.post("/accounts/login/code/", {"email": locked_out.email})
    response = client.post(
        "/accounts/login/code/confirm/", {"code": mailed_code(mailoutbox)}
    )
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert not signed_in(client)
    response = client.post(
        "/accounts/2fa/authenticate/", {"code": totp_code(secret)}, follow=True
    )
    assert response.context["user"] == locked_out


def test_the_throttle_stays_on_the_attackers_client(locked_out, make_user):
    """Ten failures from one client in a minute: it is refused for any address."""
    other = make_user(email="other@example.org")
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    for number in range(5):
        login(attacker, f"person{number}@example.org", "gissat-lösenord")
    response = login(attacker, other.email, PASSWORD)
    assert not response.context["user"].is_authenticated
    # From anywhere else the other address signs in as usual.
    response = login(Client(REMOTE_ADDR="198.51.100.7"), other.email, PASSWORD)
    assert response.context["user"] == other
