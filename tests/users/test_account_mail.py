"""allauth's own mail: in the site's voice and the recipient's language,
naming the platform, never the bare host of Django's Site."""

import re

import pytest
from django.core import mail

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

HOSTS = ("127.0.0.1", "example.com")


def signup(client, email, prefix=""):
    return client.post(
        f"{prefix}/accounts/signup/",
        {
            "email": email,
            "first_name": "Ny",
            "last_name": "Person",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )


def assert_names_the_platform(message):
    text = message.subject + message.body
    assert "TIA samverkansplattform" in message.body
    for host in HOSTS:
        assert host not in text
    assert message.subject.startswith("[TIA] ")


def test_confirmation_on_the_swedish_site_is_swedish(client):
    signup(client, "ny@example.org")
    (message,) = mail.outbox
    assert message.subject == (
        "[TIA] Bekräfta din e-postadress på TIA samverkansplattform"
    )
    assert "Bekräfta adressen genom att öppna länken" in message.body
    assert "Hej!" in message.body and "Vänliga hälsningar" in message.body
    assert re.search(r"http://testserver/accounts/confirm-email/\S+", message.body)
    assert_names_the_platform(message)


def test_confirmation_on_the_english_site_is_english_with_english_links(client):
    signup(client, "new@example.org", prefix="/en")
    (message,) = mail.outbox
    assert (
        message.subject == "[TIA] Confirm your email address on TIA samverkansplattform"
    )
    assert "Confirm the address by opening the link" in message.body
    assert re.search(r"http://testserver/en/accounts/confirm-email/\S+", message.body)
    assert_names_the_platform(message)


def test_password_reset_is_in_the_chosen_language_whatever_the_page(client, make_user):
    make_user(email="sv@example.org")
    make_user(email="en@example.org", language="en")
    client.post("/accounts/password/reset/", {"email": "sv@example.org"})
    client.post("/accounts/password/reset/", {"email": "en@example.org"})
    swedish, english = mail.outbox
    assert swedish.subject == "[TIA] Välj ett nytt lösenord till ditt konto"
    assert "Välj ditt nya lösenord genom att öppna länken" in swedish.body
    assert "http://testserver/accounts/password/reset/key/" in swedish.body
    assert english.subject == "[TIA] Choose a new password for your account"
    assert "Choose your new password by opening the link" in english.body
    assert "http://testserver/en/accounts/password/reset/key/" in english.body
    for message in (swedish, english):
        assert_names_the_platform(message)
    # The English link works.
    link = re.search(r"http://testserver(/en/\S+)", english.body).group(1)
    assert client.get(link, follow=True).status_code == 200


def test_unknown_address_and_login_code_name_the_platform(client, make_user):
    client.post("/en/accounts/password/reset/", {"email": "nobody@example.org"})
    (unknown,) = mail.outbox
    assert "There is no account with that address" in unknown.body
    assert "http://testserver/en/accounts/signup/" in unknown.body
    assert_names_the_platform(unknown)

    make_user(email="member@example.org")
    mail.outbox.clear()
    client.post("/accounts/login/code/", {"email": "member@example.org"})
    (code,) = mail.outbox
    assert code.subject == "[TIA] Din inloggningskod"
    assert "logga in på TIA samverkansplattform" in code.body
    assert_names_the_platform(code)
