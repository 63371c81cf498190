"""Sign-up, sign-in, throttling and password reset through django-allauth."""

import re
import time

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.contrib.auth import get_user_model
from django.core import mail

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def confirmation_link(message):
    return re.search(r"https?://[^/\s]+(\S*/confirm-email/\S+)", message.body).group(1)


def login(client, email, password):
    return client.post(
        "/accounts/login/", {"login": email, "password": password}, follow=True
    )


def test_signup_requires_email_verification_before_sign_in(client):
    response = client.post(
        "/accounts/signup/",
        {
            "email": "new.person@example.org",
            "first_name": "Ny",
            "last_name": "Person",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
        follow=True,
    )
    assert response.status_code == 200
    assert get_user_model().objects.filter(email="new.person@example.org").exists()
    assert not response.context["user"].is_authenticated
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new.person@example.org"]

    # Signing in before confirming leads to the "verify your address" page.
    client.logout()
    response = login(client, "new.person@example.org", PASSWORD)
    assert not response.context["user"].is_authenticated
    assert response.redirect_chain[-1][0].endswith("/accounts/confirm-email/")

    link = confirmation_link(mail.outbox[-1])
    response = client.post(link, follow=True)
    assert response.context["user"].is_authenticated
    assert response.context["user"].email == "new.person@example.org"


def test_signup_with_a_registered_address_makes_no_second_account(client, make_user):
    make_user(email="taken@example.org")
    response = client.post(
        "/accounts/signup/",
        {
            "email": "Taken@Example.org",
            "first_name": "Ny",
            "last_name": "Person",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
        follow=True,
    )
    # The page does not reveal that the address is registered; the owner of
    # the address is told by email instead.
    assert response.status_code == 200
    assert not response.context["user"].is_authenticated
    assert (
        get_user_model().objects.filter(email__iexact="taken@example.org").count() == 1
    )
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["taken@example.org"]


def test_signup_form_errors_are_in_the_users_language(client):
    response = client.post(
        "/accounts/signup/",
        {"email": "not-an-address", "password1": "short", "password2": "short"},
    )
    assert response.status_code == 200
    assert "Fyll i en giltig e-postadress" in response.content.decode()
    assert "minst 12 tecken" in response.content.decode()
    response = client.post(
        "/en/accounts/signup/",
        {"email": "not-an-address", "password1": "short", "password2": "short"},
    )
    assert "Enter a valid email address" in response.content.decode()


def test_verified_user_signs_in_and_out(client, make_user):
    make_user(email="member@example.org")
    response = login(client, "member@example.org", PASSWORD)
    assert response.context["user"].is_authenticated
    assert "Inloggad som member@example.org" in response.content.decode()
    response = client.post("/accounts/logout/", follow=True)
    assert not response.context["user"].is_authenticated


def test_login_is_throttled_after_repeated_failures(client, make_user):
    make_user(email="member@example.org")
    for _ in range(5):
        response = login(client, "member@example.org", "wrong-password")
        assert not response.context["user"].is_authenticated
        page = response.content.decode()
        assert "Epost-adressen och/eller lösenordet är felaktigt." in page
        assert "För många misslyckade inloggningsförsök" not in page
    # Even the right password is refused while the address is throttled.
    response = login(client, "member@example.org", PASSWORD)
    assert not response.context["user"].is_authenticated
    assert "För många misslyckade inloggningsförsök" in response.content.decode()


def test_throttling_one_address_leaves_other_addresses_alone(client, make_user):
    make_user(email="member@example.org")
    make_user(email="other@example.org")
    for _ in range(6):
        login(client, "member@example.org", "wrong-password")
    response = login(client, "other@example.org", PASSWORD)
    assert response.context["user"].is_authenticated


def test_password_reset_sends_a_working_link(client, make_user):
    make_user(email="member@example.org")
    client.post("/accounts/password/reset/", {"email": "member@example.org"})
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/\s]+(/\S+)", mail.outbox[0].body).group(1)
    response = client.get(link, follow=True)
    assert response.status_code == 200
    new_password = "a-brand-new-passphrase-7"
    response = client.post(
        response.redirect_chain[-1][0] if response.redirect_chain else link,
        {"password1": new_password, "password2": new_password},
        follow=True,
    )
    assert response.status_code == 200
    assert (
        get_user_model()
        .objects.get(email="member@example.org")
        .check_password(new_password)
    )


def test_admin_redirects_anonymous_to_the_common_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/admin/")


def test_staff_reach_the_admin_after_signing_in(client, staff_user):
    secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
    TOTP.activate(staff_user, secret)
    response = login(client, staff_user.email, PASSWORD)
    assert response.redirect_chain[-1][0] == "/accounts/2fa/authenticate/"
    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    client.post("/accounts/2fa/authenticate/", {"code": code})
    assert client.get("/admin/").status_code == 200


def test_members_who_are_not_staff_do_not_reach_the_admin(client, make_user):
    make_user(email="member@example.org")
    login(client, "member@example.org", PASSWORD)
    response = client.get("/admin/", follow=True)
    final_url = response.redirect_chain[-1][0] if response.redirect_chain else "/admin/"
    assert response.status_code == 403 or not final_url.startswith("/admin/")
    # Wagtail 8's admin home is <div class="w-dashboard …">; here, its message.
    assert "w-dashboard" not in response.content.decode()
    assert "Du saknar rättigheter att komma åt administrationen." in (
        response.content.decode()
    )


def test_login_page_points_newcomers_to_sign_up(client):
    text = client.get("/accounts/login/").content.decode()
    assert "Har du inget konto än?" in text
    assert '<a href="/accounts/signup/">' in text
