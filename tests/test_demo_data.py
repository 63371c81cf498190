"""`manage.py seed_demo`, which `make run` calls every time."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page

from website.geography.models import Municipality, SubRegion
from website.home.models import ContactSettings, GuidancePage

pytestmark = pytest.mark.django_db


def counts():
    return {
        "users": get_user_model().objects.count(),
        "addresses": EmailAddress.objects.count(),
        "pages": Page.objects.count(),
        "subregions": SubRegion.objects.count(),
        "municipalities": Municipality.objects.count(),
    }


def test_demo_data_loads_twice_without_duplicates(client):
    call_command("seed_demo")
    first = counts()
    call_command("seed_demo")
    assert counts() == first
    assert first["subregions"] == 5
    assert first["users"] >= 3
    assert GuidancePage.objects.live().count() >= 5


def test_demo_site_is_populated_for_a_newcomer(client):
    call_command("seed_demo")
    home = client.get("/")
    text = home.content.decode()
    assert "Tidiga insatser för asylsökande i Skåne" in text
    assert "Om tidiga insatser för asylsökande" in text  # a guidance page in the menu
    assert "tia@lansstyrelsen-skane.example" in text  # the footer's contact route
    contact = ContactSettings.objects.get()
    assert client.get(contact.accessibility_page.url).status_code == 200


def test_demo_logins_work_with_verified_addresses(client):
    call_command("seed_demo")
    from website.demo.people import DEMO_PASSWORD, PEOPLE

    for email, *_ in PEOPLE:
        client.logout()
        response = client.post(
            "/accounts/login/",
            {"login": email, "password": DEMO_PASSWORD},
            follow=True,
        )
        assert response.context["user"].is_authenticated, email
    staff = PEOPLE[0][0]
    client.post("/accounts/login/", {"login": staff, "password": DEMO_PASSWORD})
    assert client.get("/admin/").status_code == 200
