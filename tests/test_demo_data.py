"""`manage.py seed_demo`, which `make run` calls every time."""

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page

from forum.access import level_in
from forum.models import Coordinator, Forum, Level, LevelChange, Participation
from partners.models import ContactPerson, Membership, Organisation
from website.directory.models import Activity, DirectoryPage, TravelRoute
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
        "activities": Activity.objects.count(),
        "travel_routes": TravelRoute.objects.count(),
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


def test_demo_activities_cover_the_county(client):
    call_command("seed_demo")
    today = timezone.localdate()
    skane = Municipality.objects.filter(county__code="12")
    assert skane.count() == 33
    assert not skane.filter(activities=None).exists()
    assert not skane.exclude(activities__status=Activity.Status.PUBLISHED).exists()
    assert set(Activity.objects.values_list("category", flat=True)) == set(
        Activity.Category
    )
    assert Activity.objects.current(today).filter(start_date__lte=today).exists()
    for status in Activity.Status:
        assert Activity.objects.filter(status=status).exists(), status
    ended = Activity.objects.filter(status=Activity.Status.ENDED, end_date__lt=today)
    assert ended.exists()
    assert Activity.objects.filter(target_group=Activity.TargetGroup.WOMEN).exists()
    assert Activity.objects.exclude(exdates=[]).exists()
    # Some want reconfirming, so the reminder has work.
    stale = Activity.objects.current(today).filter(
        last_confirmed__lt=today - timedelta(days=90)
    )
    assert stale.exists()
    for activity in Activity.objects.select_related("organisation", "municipality"):
        activity.full_clean()  # TIA grants have a reference, sign-ups a link …
        org = activity.organisation
        if org.municipalities.exists():  # organisers work where they are based
            assert org.municipalities.filter(pk=activity.municipality_id).exists()
        else:
            subregion = activity.municipality.subregion_id
            assert org.subregions.filter(pk=subregion).exists()
        contact = activity.contact_person
        assert contact is None or contact.visibility == "public", activity
    in_force = TravelRoute.objects.in_force(today)
    assert in_force.exists()
    assert TravelRoute.objects.exclude(pk__in=in_force).exists()  # some expired

    page = DirectoryPage.objects.live().get()
    assert page.show_in_menus
    assert "Hitta aktiviteter" in client.get("/").content.decode()  # in the menu
    assert page.url == "/aktiviteter/"
    assert client.get("/aktiviteter/").status_code == 200
