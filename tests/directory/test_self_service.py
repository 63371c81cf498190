"""Organisations keep their own activities, and nothing reaches the public unchecked."""

import datetime
import re
from collections import Counter

import pytest
from django.core import mail
from django.utils import timezone

from directory.models import Activity, ActivityRevision
from partners.models import ContactPerson, Membership
from tests.directory.builders import (
    coordinator,
    form_data,
    make_activity,
    member,
    subregion,
    tuesday,
)
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

Status = Activity.Status
Action = ActivityRevision.Action


@pytest.fixture
def organisation():
    return OrganisationFactory(slug="sensus", name="Sensus")


@pytest.fixture
def person(organisation):
    return member(organisation)


@pytest.fixture
def signed_in(client, person):
    client.force_login(person)
    return client


def base(organisation):
    return f"/organisationer/{organisation.slug}/aktiviteter/"


def test_a_member_creates_a_draft_and_submits_it(signed_in, organisation, person):
    coordinator_user = coordinator(subregion())
    response = signed_in.post(f"{base(organisation)}ny/", form_data())
    activity = Activity.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{base(organisation)}spraakcafe-i-lund/"
    assert activity.slug == "spraakcafe-i-lund"
    assert activity.status == Status.DRAFT
    assert activity.organisation == organisation
    assert activity.created_by == person
    assert activity.start_time == datetime.time(17, 0)
    assert sorted(activity.support_languages.values_list("code", flat=True)) == [
        "ar",
        "fa",
    ]
    assert not mail.outbox

    response = signed_in.post(f"{base(organisation)}spraakcafe-i-lund/skicka/")
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.status == Status.SUBMITTED
    assert [r.action for r in activity.revisions.order_by("created_at", "pk")] == [
        Action.SAVED,
        Action.SUBMITTED,
    ]
    assert all(r.user == person for r in activity.revisions.all())
    # The sub-region's coordinator hears that something waits for them.
    assert mail.outbox[0].to == [coordinator_user.email]
    assert "/granskning/aktiviteter/spraakcafe-i-lund/" in mail.outbox[0].body

    page = signed_in.get(base(organisation)).content.decode()
    assert "Inskickad för granskning" in page


def test_submitting_twice_changes_nothing(signed_in, organisation):
    activity = make_activity(organisation, status=Status.SUBMITTED)
    response = signed_in.post(
        f"{base(organisation)}{activity.slug}/skicka/", follow=True
    )
    assert "Bara utkast kan skickas till granskning" in response.content.decode()
    assert not activity.revisions.exists()


def test_actions_that_change_state_refuse_get(signed_in, organisation):
    activity = make_activity(organisation)
    for action in ("skicka", "avsluta"):
        response = signed_in.get(f"{base(organisation)}{activity.slug}/{action}/")
        assert response.status_code == 405
    activity.refresh_from_db()
    assert activity.status == Status.DRAFT


def test_slugs_are_unique_and_never_ny(signed_in, organisation):
    for title in ["Språkcafé i Lund", "Språkcafé i Lund", "Ny"]:
        response = signed_in.post(f"{base(organisation)}ny/", form_data(title=title))
        assert response.status_code == 302
    assert sorted(Activity.objects.values_list("slug", flat=True)) == [
        "ny-2",
        "spraakcafe-i-lund",
        "spraakcafe-i-lund-2",
    ]
    assert signed_in.get(f"{base(organisation)}ny-2/").status_code == 200


def test_the_form_uses_html5_widgets_and_the_organisations_contact_persons(
    signed_in, organisation
):
    own = ContactPerson.objects.create(organisation=organisation, name="Ada Andersson")
    ContactPerson.objects.create(organisation=OrganisationFactory(), name="Bo Berg")
    response = signed_in.get(f"{base(organisation)}ny/")
    page = response.content.decode()
    assert 'type="date" name="start_date"' in page
    assert 'type="time" name="start_time"' in page
    assert 'type="checkbox" name="instruction_languages"' in page
    form = response.context["form"]
    assert list(form.fields["contact_person"].queryset) == [own]
    names = [m.name for m in form.fields["municipality"].queryset[:3]]
    assert names == sorted(names)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"rrule": "EVERY TUESDAY"}, "rrule", "Upprepningen går inte att läsa"),
        ({"rrule": "FREQ=WEEKLY;BYDAY=XX"}, "rrule", "Upprepningen går inte att läsa"),
        (
            {"rrule": "FREQ=WEEKLY;INTERVAL=0"},
            "rrule",
            "Upprepningen går inte att läsa",
        ),
        ({"rrule": "FREQ=HOURLY"}, "rrule", "varje vecka (WEEKLY)"),
        (
            {"rrule": lambda: f"FREQ=WEEKLY\nEXDATE:{tuesday(1):%Y%m%d}"},
            "rrule",
            "går inte att läsa",
        ),
        ({"rrule": "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"}, "rrule", "inga tillfällen"),
        (
            {"rrule": lambda: f"FREQ=WEEKLY;UNTIL={tuesday(-1):%Y%m%d}"},
            "rrule",
            "inga tillfällen",
        ),
        ({"end_date": ""}, "end_date", "behöver ett slutdatum"),
        ({"end_date": lambda: tuesday(-1).isoformat()}, "end_date", "före startdatum"),
        ({"end_time": "16:00"}, "end_time", "efter starttiden"),
        ({"end_time": "17:00"}, "end_time", "efter starttiden"),
        (
            {"join_method": Activity.JoinMethod.REGISTRATION},
            "registration_url",
            "Ange länken",
        ),
        (
            {"funding": Activity.Funding.TIA_GRANT},
            "grant_reference",
            "diarienumret",
        ),
        (
            {"exdates": lambda: f"{tuesday(1)}, {tuesday(1):%-d/%-m %Y}"},
            "exdates",
            lambda: f"{tuesday(1):%-d/%-m}",
        ),
        ({"exdates": lambda: f"{tuesday().year}-02-30"}, "exdates", "ÅÅÅÅ-MM-DD"),
        ({"start_date": "8 januari"}, "start_date", "giltigt datum"),
        ({"start_time": "25:00"}, "start_time", "giltig tid"),
        ({"municipality": "Lund"}, "municipality", "giltigt alternativ"),
        ({"instruction_languages": None}, "instruction_languages", "obligatoriskt"),
        ({"instruction_languages": ["x"]}, "instruction_languages", "giltigt värde"),
        ({"capacity": "-3"}, "capacity", "större än eller lika med 0"),
        ({"latitude": "norr"}, "latitude", "ett tal"),
        ({"registration_url": "javascript:alert(1)"}, "registration_url", "URL"),
        ({"title": ""}, "title", "obligatoriskt"),
    ],
)
def test_bad_input_is_a_form_error_next_to_the_field(
    signed_in, organisation, overrides, field, message
):
    # Dates are computed when the test runs (callables), not when it is collected.
    overrides = {k: v() if callable(v) else v for k, v in overrides.items()}
    message = message() if callable(message) else message
    response = signed_in.post(f"{base(organisation)}ny/", form_data(**overrides))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert message in str(errors[field]), errors
    page = response.content.decode()
    # The input points at its error by id, and that id is on the page once.
    assert f'id="id_{field}_error"' in page
    ids = Counter(re.findall(r'\bid="([^"]+)"', page))
    assert not [name for name, n in ids.items() if n > 1], "an id is used twice"
    assert not Activity.objects.exists()


def test_registration_link_and_grant_reference_are_accepted_when_given(
    signed_in, organisation
):
    response = signed_in.post(
        f"{base(organisation)}ny/",
        form_data(
            join_method=Activity.JoinMethod.REGISTRATION,
            registration_url="anmalan.example.org/cafe",
            funding=Activity.Funding.TIA_GRANT,
            grant_reference="851-1234-2024",
            grant_amount="45000",
        ),
    )
    assert response.status_code == 302
    activity = Activity.objects.get()
    assert activity.registration_url == "https://anmalan.example.org/cafe"
    assert activity.grant_reference == "851-1234-2024"


def test_a_contact_person_of_another_organisation_is_refused(signed_in, organisation):
    stranger = ContactPerson.objects.create(
        organisation=OrganisationFactory(), name="Bo Berg"
    )
    response = signed_in.post(
        f"{base(organisation)}ny/", form_data(contact_person=stranger.pk)
    )
    assert "giltigt alternativ" in str(
        response.context["form"].errors["contact_person"]
    )


def test_cancelled_dates_are_typed_as_text_and_stored_as_a_list(
    signed_in, organisation
):
    second, third = tuesday(1), tuesday(2)
    signed_in.post(
        f"{base(organisation)}ny/",
        form_data(exdates=f"{third}, {second}\n\n{third}"),
    )
    activity = Activity.objects.get()
    assert activity.exdates == [second.isoformat(), third.isoformat()]
    sessions = activity.session_dates()
    assert second not in sessions and third not in sessions
    assert tuesday() in sessions and tuesday(3) in sessions
    page = signed_in.get(f"{base(organisation)}{activity.slug}/").content.decode()
    assert f"{second}\n{third}</textarea>" in page


def test_script_in_the_description_is_stripped(signed_in, organisation):
    signed_in.post(
        f"{base(organisation)}ny/",
        form_data(
            description=(
                "<p>Välkommen!</p><script>alert(1)</script>"
                '<img src="x" onerror="alert(2)"><a href="javascript:alert(3)">x</a>'
            )
        ),
    )
    description = Activity.objects.get().description
    assert "<p>Välkommen!</p>" in description
    assert "<script" not in description
    assert "alert(1)" not in description
    assert "onerror" not in description
    assert "javascript:" not in description


def test_editing_a_published_activity_sends_it_back_for_review(
    signed_in, organisation, person
):
    activity = make_activity(
        organisation,
        status=Status.PUBLISHED,
        published_at=timezone.now(),
        last_confirmed=timezone.localdate() - datetime.timedelta(days=60),
    )
    url = f"{base(organisation)}{activity.slug}/"
    page = signed_in.get(url).content.decode()
    assert "skickas den till granskning igen" in page
    response = signed_in.post(
        url,
        form_data(
            title="Samhällsinformation på arabiska och dari",
            municipality=activity.municipality.pk,
        ),
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.status == Status.SUBMITTED
    assert activity.slug == "samhaellsinformation-paa-arabiska"  # URLs stay stable
    assert activity.title == "Samhällsinformation på arabiska och dari"
    assert activity.last_confirmed == timezone.localdate()
    assert [r.action for r in activity.revisions.order_by("created_at", "pk")] == [
        Action.SAVED,
        Action.SUBMITTED,
    ]
    assert not Activity.objects.current().exists()


def test_saving_without_changes_keeps_a_published_activity_published(
    signed_in, organisation
):
    signed_in.post(f"{base(organisation)}ny/", form_data())
    activity = Activity.objects.get()
    Activity.objects.filter(pk=activity.pk).update(status=Status.PUBLISHED)
    response = signed_in.post(f"{base(organisation)}{activity.slug}/", form_data())
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.status == Status.PUBLISHED
    assert activity.revisions.count() == 1


def test_editing_a_draft_keeps_it_a_draft_and_a_failed_save_changes_nothing(
    signed_in, organisation
):
    activity = make_activity(organisation)
    url = f"{base(organisation)}{activity.slug}/"
    response = signed_in.post(url, form_data(end_time="10:00"))
    assert response.status_code == 200
    # The page still names the activity as it is saved, not as typed.
    assert response.context["activity"].title == "Samhällsinformation på arabiska"
    activity.refresh_from_db()
    assert activity.title == "Samhällsinformation på arabiska"
    signed_in.post(url, form_data())
    activity.refresh_from_db()
    assert (activity.status, activity.title) == (Status.DRAFT, "Språkcafé i Lund")


def test_confirming_an_activity_resets_the_reminder(signed_in, organisation, person):
    activity = make_activity(
        organisation,
        status=Status.PUBLISHED,
        last_confirmed=timezone.localdate() - datetime.timedelta(days=100),
        reminded_at=timezone.now() - datetime.timedelta(days=5),
    )
    url = f"{base(organisation)}{activity.slug}/bekrafta/"
    page = signed_in.get(url).content.decode()
    assert "fortfarande aktuell" in page
    assert signed_in.post(url).status_code == 302
    activity.refresh_from_db()
    assert activity.last_confirmed == timezone.localdate()
    assert activity.reminded_at is None
    revision = activity.revisions.get()
    assert (revision.action, revision.user) == (Action.CONFIRMED, person)


def test_only_published_activities_are_confirmed(signed_in, organisation):
    old = timezone.localdate() - datetime.timedelta(days=100)
    activity = make_activity(organisation, last_confirmed=old)
    signed_in.post(f"{base(organisation)}{activity.slug}/bekrafta/")
    activity.refresh_from_db()
    assert activity.last_confirmed == old


def test_ending_an_activity(signed_in, organisation):
    activity = make_activity(organisation, status=Status.PUBLISHED)
    response = signed_in.post(f"{base(organisation)}{activity.slug}/avsluta/")
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.status == Status.ENDED
    assert activity.revisions.get().action == Action.ENDED
    page = signed_in.get(base(organisation)).content.decode()
    assert "Avslutad" in page


def test_editing_an_ended_activity_makes_it_a_draft_again(signed_in, organisation):
    activity = make_activity(organisation, status=Status.ENDED)
    signed_in.post(
        f"{base(organisation)}{activity.slug}/",
        form_data(start_date=tuesday(52).isoformat(), end_date=tuesday(74).isoformat()),
    )
    activity.refresh_from_db()
    assert activity.status == Status.DRAFT


def test_the_history_shows_who_did_what_and_which_fields_changed(
    signed_in, organisation, person
):
    signed_in.post(f"{base(organisation)}ny/", form_data())
    activity = Activity.objects.get()
    url = f"{base(organisation)}{activity.slug}/"
    signed_in.post(url, form_data(venue="Folkets hus", support_languages=[]))
    signed_in.post(f"{url}skicka/")
    revisions = signed_in.get(f"{url}historik/").context["revisions"]
    assert [r.action for r in revisions] == [
        Action.SAVED,
        Action.SAVED,
        Action.SUBMITTED,
    ]
    assert revisions[0].changes is None
    assert revisions[1].changes == ["Lokal", "Stödspråk"]
    assert revisions[2].changes == ["Status"]
    assert revisions[0].snapshot["support_languages"] == ["ar", "fa"]
    assert revisions[1].snapshot["support_languages"] == []
    assert revisions[0].snapshot["start_date"] == tuesday().isoformat()
    page = signed_in.get(f"{url}historik/").content.decode()
    assert page.index("Sparad") < page.index("Inskickad</td>")
    assert str(person) in page


def test_the_dashboard_lists_the_organisations_activities(client, organisation):
    admin = member(organisation, role=Membership.Role.ADMIN)
    make_activity(organisation, title="Hälsoskola", slug="halsoskola")
    client.force_login(admin)
    page = client.get(f"/organisationer/{organisation.slug}/").content.decode()
    assert "Hälsoskola" in page
    assert f'href="{base(organisation)}"' in page


def test_the_list_shows_every_status_in_words(signed_in, organisation):
    for status in Status:
        make_activity(organisation, status=status, title=f"Aktivitet {status}")
    returned = make_activity(
        organisation, title="Återskickad", review_comment="Lägg till en adress."
    )
    page = signed_in.get(base(organisation)).content.decode()
    for status in Status:
        assert f">{status.label}</strong>" in page
    assert "Lägg till en adress." in page
    assert returned.title in page


def test_the_list_reads_a_fixed_number_of_queries(
    signed_in, organisation, django_assert_max_num_queries
):
    make_activity(organisation, title="Första")
    signed_in.get(base(organisation))  # the site settings are created once
    with django_assert_max_num_queries(12) as small:
        signed_in.get(base(organisation))
    for n in range(15):
        make_activity(organisation, title=f"Aktivitet {n}")
    with django_assert_max_num_queries(12) as large:
        signed_in.get(base(organisation))
    assert len(large.captured_queries) == len(small.captured_queries)


def test_people_outside_the_organisation_are_refused(client, organisation):
    activity = make_activity(organisation)
    urls = [
        base(organisation),
        f"{base(organisation)}ny/",
        f"{base(organisation)}{activity.slug}/",
        f"{base(organisation)}{activity.slug}/bekrafta/",
        f"{base(organisation)}{activity.slug}/historik/",
    ]
    posts = [
        f"{base(organisation)}{activity.slug}/skicka/",
        f"{base(organisation)}{activity.slug}/avsluta/",
    ]
    for url in urls + posts:
        response = client.post(url) if url in posts else client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/accounts/login/?next=")
    pending = MembershipFactory(
        organisation=organisation, status=Membership.Status.PENDING
    ).user
    for user in [UserFactory(), member(OrganisationFactory()), pending]:
        client.force_login(user)
        for url in urls:
            assert client.get(url).status_code == 403, url
        for url in posts:
            assert client.post(url).status_code == 403, url
    activity.refresh_from_db()
    assert activity.status == Status.DRAFT


def test_an_activity_is_only_reached_through_its_own_organisation(client, organisation):
    activity = make_activity(organisation)
    other = OrganisationFactory()
    client.force_login(member(other))
    assert client.get(f"{base(other)}{activity.slug}/").status_code == 404
    assert client.post(f"{base(other)}{activity.slug}/avsluta/").status_code == 404


def test_staff_manage_any_organisations_activities(client, staff_user, organisation):
    client.force_login(staff_user)
    response = client.post(f"{base(organisation)}ny/", form_data())
    assert response.status_code == 302
    assert Activity.objects.get().created_by == staff_user
