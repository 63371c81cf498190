"""Every way into a session goes through allauth.

Wagtail ships two sign-in forms of its own (the admin's ``/admin/login/`` and
the one for private pages, ``/_util/login/``); they would sign a person in with
email and password alone, skipping email verification, the second factor and
the rate limits. They must authenticate nobody and lead to allauth's page.
"""

import pytest
from wagtail.models import Page, PageViewRestriction

from tests.conftest import PASSWORD
from website.home.models import GuidancePage, HomePage

pytestmark = pytest.mark.django_db

WAGTAIL_SIGN_IN_FORMS = ["/_util/login/", "/en/_util/login/", "/admin/login/"]


def prefix(url):
    """allauth's page in the language of the page the visitor came from."""
    return "/en" if url.startswith("/en/") else ""


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
