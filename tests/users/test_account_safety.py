"""Account safety: long, uncommon passwords; the password asked again before
a change; a notice by mail after every change of password, address or
second factor."""

import time

import pytest
import time_machine
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    SECRET_SESSION_KEY as SECRET_KEY,
)
from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    hotp_value,
)
from django.core import mail
from django.utils import timezone

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "lingon-och-kardemumma-77"


def sign_in(client, email, password=PASSWORD):
    """A real sign-in through allauth (it records when the password was given)."""
    response = client.post("/accounts/login/", {"login": email, "password": password})
    assert response.status_code == 302, response.content.decode()[:500]


@pytest.fixture
def fatima(make_user):
    return make_user(email="fatima.ali@sensus.example", first_name="Fatima")


@pytest.mark.parametrize(
    "password, message",
    [
        ("kort-ord-11", "minst 12 tecken"),
        ("password1234", "för vanligt"),
    ],
)
def test_short_and_common_passwords_are_refused_at_sign_up(client, password, message):
    response = client.post(
        "/accounts/signup/",
        {
            "email": "ny@sensus.example",
            "first_name": "Ny",
            "last_name": "Medlem",
            "password1": password,
            "password2": password,
        },
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not EmailAddress.objects.filter(email="ny@sensus.example").exists()


def test_a_short_password_is_refused_when_changing_it(client, fatima):
    sign_in(client, fatima.email)
    response = client.post(
        "/accounts/password/change/",
        {
            "oldpassword": PASSWORD,
            "password1": "kort-ord-11",
            "password2": "kort-ord-11",
        },
    )
    assert response.status_code == 200
    assert "minst 12 tecken" in response.content.decode()
    fatima.refresh_from_db()
    assert fatima.check_password(PASSWORD)


def test_a_password_change_is_confirmed_by_mail(client, fatima):
    sign_in(client, fatima.email)
    mail.outbox.clear()
    response = client.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    [notice] = mail.outbox
    assert notice.to == [fatima.email]
    assert "Lösenordet har ändrats" in notice.subject
    assert "Ditt lösenord har ändrats." in notice.body
    assert "Känner du inte igen ändringen?" in notice.body
    assert "/konto/" in notice.body


def reauthenticate(client, password=PASSWORD):
    response = client.post("/accounts/reauthenticate/", {"password": password})
    assert response.status_code == 302


def test_the_password_is_asked_again_before_an_address_or_second_factor_changes(
    client, fatima
):
    """allauth counts only a password given again, not the sign-in itself;
    it holds for five minutes. Changing the password asks for the old one."""
    sign_in(client, fatima.email)
    added = {"action_add": "", "email": "fatima@privat.example"}
    for response in (
        client.post("/accounts/email/", added),
        client.get("/accounts/2fa/totp/activate/"),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/reauthenticate/")
    assert not EmailAddress.objects.filter(email=added["email"]).exists()
    wrong = client.post("/accounts/reauthenticate/", {"password": "fel-losenord-123"})
    assert wrong.status_code == 200
    reauthenticate(client)
    assert client.get("/accounts/2fa/totp/activate/").status_code == 200
    later = timezone.now() + timezone.timedelta(minutes=10)
    with time_machine.travel(later, tick=False):
        assert client.get("/accounts/2fa/totp/activate/").status_code == 302
    refused = client.post(
        "/accounts/password/change/",
        {
            "oldpassword": "fel-losenord-123",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
    )
    assert refused.status_code == 200
    fatima.refresh_from_db()
    assert fatima.check_password(PASSWORD)


def test_adding_and_removing_an_address_is_told_by_mail(client, fatima):
    sign_in(client, fatima.email)
    reauthenticate(client)
    mail.outbox.clear()
    client.post(
        "/accounts/email/", {"action_add": "", "email": "fatima@privat.example"}
    )
    assert EmailAddress.objects.filter(email="fatima@privat.example").exists()
    client.post(
        "/accounts/email/", {"action_remove": "", "email": "fatima@privat.example"}
    )
    assert not EmailAddress.objects.filter(email="fatima@privat.example").exists()
    removed = [m for m in mail.outbox if "En e-postadress har tagits bort" in m.subject]
    assert removed and removed[0].to == [fatima.email]
    assert "fatima@privat.example har tagits bort från ditt konto" in removed[0].body


def test_turning_on_the_second_factor_is_told_by_mail(
    client, fatima, django_capture_on_commit_callbacks
):
    sign_in(client, fatima.email)
    reauthenticate(client)
    client.get("/accounts/2fa/totp/activate/")
    secret = client.session[SECRET_KEY]
    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    mail.outbox.clear()
    # allauth sends the notice once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/2fa/totp/activate/", {"code": code})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=fatima).exists()
    notices = [m for m in mail.outbox if "Andra faktorn har slagits på" in m.subject]
    assert notices and notices[0].to == [fatima.email]
    assert "autentiseringsapp" in notices[0].body
