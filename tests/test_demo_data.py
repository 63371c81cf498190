"""`manage.py seed_demo`, which `make run` calls every time."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page

from forum.access import level_in
from forum.models import Coordinator, Forum, Level, LevelChange, Participation
from partners.models import ContactPerson, Membership, Organisation
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
        "organisations": Organisation.objects.count(),
        "contacts": ContactPerson.objects.count(),
        "memberships": Membership.objects.count(),
        "participations": Participation.objects.count(),
        "level_changes": LevelChange.objects.count(),
        "coordinators": Coordinator.objects.count(),
    }


def test_demo_data_loads_twice_without_duplicates(client):
    call_command("seed_demo")
    first = counts()
    call_command("seed_demo")
    assert counts() == first
    assert first["subregions"] == 5
    assert first["users"] >= 3
    assert GuidancePage.objects.live().count() >= 5
    assert first["organisations"] >= 20
    assert first["coordinators"] == 5
    assert first["level_changes"] > first["participations"]  # some were raised


def test_demo_forum_has_all_levels_and_a_login_for_each():
    call_command("seed_demo")
    from website.demo.partners import LEVEL_LOGINS

    forum = Forum.objects.get(slug="tia-skane")
    levels = set(forum.participations.values_list("level", flat=True))
    assert levels == set(Level)
    assert sorted(LEVEL_LOGINS) == [1, 2, 3, 4]
    User = get_user_model()
    for level, email in LEVEL_LOGINS.items():
        user = User.objects.get(email=email)
        assert not user.is_staff, email
        assert level_in(user, forum) == level, email
    outsider = User.objects.get(email="lars.mattsson@ystads-kommun.example")
    assert level_in(outsider, forum) == 0
    # Queues with something in them: an application and a request to join.
    assert forum.applications.pending().get().organisation.slug == "ystads-kommun"
    assert Organisation.objects.get(slug="sensus").memberships.pending().exists()
    assert Organisation.objects.get(slug="sensus").is_admin(
        User.objects.get(email="hassan.ahmadi@sensus.example")
    )
    assert Coordinator.objects.get(subregion__name="Nordvästra Skåne").user.email == (
        "omar.haddad@lansstyrelsen-skane.example"
    )
    assert not Organisation.objects.exclude(organisation_number=None).exists()


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
    from website.demo.partners import PARTNER_PEOPLE
    from website.demo.people import DEMO_PASSWORD, PEOPLE

    for email, *_ in PEOPLE + PARTNER_PEOPLE:
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
