"""'Mitt konto': the overview, the display name, the language after sign-in and
the name asked at sign-up."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth import get_user_model
from django.core import mail

from partners.models import Membership
from tests.conftest import PASSWORD
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def fatima(make_user):
    return make_user(
        email="fatima.ali@sensus.example", first_name="Fatima", last_name="Ali"
    )


def sign_in(client, email, password=PASSWORD):
    return client.post(
        "/accounts/login/", {"login": email, "password": password}, follow=True
    )


def test_header_leads_to_the_overview(client, fatima):
    client.force_login(fatima)
    home = client.get("/").content.decode()
    assert '<a href="/konto/">Mitt konto</a>' in home


def test_overview_shows_the_persons_data_and_links(client, fatima):
    MembershipFactory(
        user=fatima, organisation__name="Sensus Skåne", role=Membership.Role.ADMIN
    )
    client.force_login(fatima)
    response = client.get("/konto/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Fatima Ali" in text
    assert "Sensus Skåne: Organisationsadministratör" in text
    assert "fatima.ali@sensus.example" in text
    assert "Tvåstegsverifiering är av." in text
    assert "E-post om forumet: Direkt" in text
    for url in (
        "/konto/namn/",
        "/konto/sprak/",
        "/organisationer/",
        "/accounts/email/",
        "/accounts/password/change/",
        "/accounts/2fa/totp/activate/",
        "/installningar/aviseringar/",
        "/kalender/prenumerera/",
    ):
        assert f'href="{url}"' in text or f'href="/forum{url}"' in text, url


def test_overview_says_when_the_second_factor_is_on(client, fatima):
    TOTP.activate(fatima, "JBSWY3DPEHPK3PXP")
    assert Authenticator.objects.filter(user=fatima).exists()
    client.force_login(fatima)
    text = client.get("/konto/").content.decode()
    assert "Tvåstegsverifiering är på." in text
    assert 'href="/accounts/2fa/"' in text


def test_account_nav_has_the_overview(client, fatima):
    client.force_login(fatima)
    text = client.get("/accounts/email/").content.decode()
    assert '<a href="/konto/">Översikt</a>' in text


def test_editing_the_name_shows_it_to_others(client, fatima):
    client.force_login(fatima)
    response = client.post(
        "/konto/namn/", {"first_name": "Fatima", "last_name": "Ali-Hassan"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/konto/"
    fatima.refresh_from_db()
    assert str(fatima) == "Fatima Ali-Hassan"
    assert "Inloggad som Fatima Ali-Hassan" in client.get("/").content.decode()


@pytest.mark.parametrize(
    ("first", "last", "message"),
    [
        ("", "Ali", "Det här fältet är obligatoriskt"),
        ("   ", "Ali", "Det här fältet är obligatoriskt"),
        ("F" * 151, "Ali", "Säkerställ att detta värde har som mest 150 tecken"),
    ],
)
def test_a_bad_name_gives_a_swedish_error(client, fatima, first, last, message):
    client.force_login(fatima)
    response = client.post("/konto/namn/", {"first_name": first, "last_name": last})
    assert response.status_code == 200
    assert message in response.content.decode()
    fatima.refresh_from_db()
    assert fatima.get_full_name() == "Fatima Ali"


def test_an_unknown_language_gives_an_error(client, fatima):
    client.force_login(fatima)
    response = client.post("/konto/sprak/", {"language": "xx"})
    assert response.status_code == 200
    assert "Välj ett giltigt alternativ" in response.content.decode()


def test_the_chosen_language_applies_at_once_and_after_the_next_sign_in(client, fatima):
    client.force_login(fatima)
    response = client.post("/konto/sprak/", {"language": "en"})
    assert response.status_code == 302
    assert response["Location"] == "/en/konto/"
    assert "My account" in client.get(response["Location"]).content.decode()
    client.logout()
    client.cookies.clear()

    response = sign_in(client, fatima.email)
    final_url = response.redirect_chain[-1][0]
    assert final_url == "/en/"
    assert response.context["user"] == fatima
    assert 'lang="en"' in response.content.decode()
    # A page reached by the header's links stays in English.
    assert "My account" in client.get("/en/konto/").content.decode()


def test_the_language_applies_to_where_the_person_was_going(client, fatima):
    fatima.language = "en"
    fatima.save()
    response = client.post(
        "/accounts/login/?next=/organisationer/",
        {"login": fatima.email, "password": PASSWORD},
    )
    assert response["Location"] == "/en/organisationer/"


def test_without_a_language_sign_in_stays_swedish(client, fatima):
    response = sign_in(client, fatima.email)
    assert response.redirect_chain[-1][0] == "/"


def test_choosing_no_language_again_keeps_swedish(client, fatima):
    fatima.language = "en"
    fatima.save()
    client.force_login(fatima)
    response = client.post("/konto/sprak/", {"language": ""})
    assert response["Location"] == "/konto/"
    fatima.refresh_from_db()
    assert fatima.language == ""


def test_signup_requires_a_name(client):
    data = {
        "email": "yasmin.rahimi@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    response = client.post("/accounts/signup/", data)
    assert response.status_code == 200
    text = response.content.decode()
    assert 'id="id_first_name_error"' in text
    assert "Det här fältet är obligatoriskt" in text
    assert not get_user_model().objects.filter(email=data["email"]).exists()

    response = client.post(
        "/accounts/signup/", data | {"first_name": "Yasmin", "last_name": "Rahimi"}
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(email=data["email"])
    assert str(user) == "Yasmin Rahimi"
    assert len(mail.outbox) == 1


def test_signup_form_asks_for_the_name(client):
    text = client.get("/accounts/signup/").content.decode()
    assert "Förnamn" in text
    assert "Efternamn" in text
