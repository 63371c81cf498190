"""Coordinators approve activities of their sub-region before the public sees them."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from core.geography.models import Municipality
from directory import review
from directory.forms import ReviewForm
from directory.models import Activity, ActivityRevision, Language, TravelRoute
from partners.models import Membership
from tests.dates import at, today
from tests.directory.builders import (
    HELSINGBORG,
    MALMO,
    coordinator,
    form_data,
    make_activity,
    member,
    subregion,
)
from tests.directory.test_reminders import run as send_reminders
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

Status = Activity.Status
Action = ActivityRevision.Action
QUEUE = "/granskning/aktiviteter/"


@pytest.fixture
def organisation():
    return OrganisationFactory(slug="sensus", name="Sensus")


@pytest.fixture
def admin(organisation):
    return member(organisation, role=Membership.Role.ADMIN)


@pytest.fixture
def mellersta():
    return subregion("Mellersta Skåne")


@pytest.fixture
def reviewer(mellersta):
    return coordinator(mellersta)


@pytest.fixture
def submitted(organisation, mellersta):
    creator = member(organisation)
    return make_activity(organisation, status=Status.SUBMITTED, created_by=creator)


def test_a_submitted_activity_is_approved_by_its_coordinator(
    client, organisation, admin, reviewer
):
    author = member(organisation)
    client.force_login(author)
    client.post("/organisationer/sensus/aktiviteter/ny/", form_data())
    activity = Activity.objects.get()
    client.post(f"/organisationer/sensus/aktiviteter/{activity.slug}/skicka/")
    mail.outbox.clear()

    client.force_login(reviewer)
    queue = client.get(QUEUE)
    assert list(queue.context["activities"]) == [activity]
    page = client.get(f"{QUEUE}{activity.slug}/").content.decode()
    assert "Språkcafé i Lund" in page
    assert "Varje tisdag på biblioteket." in page
    response = client.post(f"{QUEUE}{activity.slug}/", {"decision": "approve"})
    assert response.status_code == 302
    assert response["Location"] == QUEUE

    activity.refresh_from_db()
    assert activity.status == Status.PUBLISHED
    assert activity.published_at is not None
    assert list(Activity.objects.current()) == [activity]
    revision = activity.revisions.order_by("created_at", "pk").last()
    assert (revision.action, revision.user) == (Action.APPROVED, reviewer)
    [email] = mail.outbox
    assert sorted(email.to) == sorted([admin.email, author.email])
    assert "Publicerad: Språkcafé i Lund" in email.subject
    assert list(client.get(QUEUE).context["activities"]) == []


def test_a_coordinator_of_another_subregion_neither_sees_nor_reviews_it(
    client, submitted
):
    other = coordinator(subregion("Nordvästra Skåne", codes=(HELSINGBORG,)))
    client.force_login(other)
    assert list(client.get(QUEUE).context["activities"]) == []
    url = f"{QUEUE}{submitted.slug}/"
    assert client.get(url).status_code == 403
    assert client.post(url, {"decision": "approve"}).status_code == 403
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED
    assert not mail.outbox


def test_the_queue_holds_only_submitted_activities_of_the_subregions(
    client, organisation, reviewer, mellersta
):
    subregion("Malmö", codes=(MALMO,))
    waiting = make_activity(organisation, status=Status.SUBMITTED, title="Väntar")
    make_activity(organisation, title="Utkast")
    make_activity(organisation, status=Status.PUBLISHED, title="Publicerad")
    make_activity(
        organisation,
        status=Status.SUBMITTED,
        title="I Malmö",
        municipality=Municipality.objects.get(code=MALMO),
    )
    client.force_login(reviewer)
    assert list(client.get(QUEUE).context["activities"]) == [waiting]


def test_staff_see_every_submitted_activity(client, staff_user, organisation):
    subregion("Malmö", codes=(MALMO,))
    in_malmo = make_activity(
        organisation,
        status=Status.SUBMITTED,
        title="I Malmö",
        municipality=Municipality.objects.get(code=MALMO),
    )
    nowhere = make_activity(
        organisation,
        status=Status.SUBMITTED,
        title="Utan delregion",
        municipality=Municipality.objects.get(code="0180"),
    )
    client.force_login(staff_user)
    assert set(client.get(QUEUE).context["activities"]) == {in_malmo, nowhere}
    assert client.get(f"{QUEUE}{nowhere.slug}/").status_code == 200


def test_people_who_coordinate_nothing_are_refused(client, submitted, organisation):
    response = client.get(QUEUE)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
    assert client.post(f"{QUEUE}{submitted.slug}/").status_code == 302
    for user in [UserFactory(), member(organisation, role=Membership.Role.ADMIN)]:
        client.force_login(user)
        assert client.get(QUEUE).status_code == 403
        assert client.get(f"{QUEUE}{submitted.slug}/").status_code == 403
        response = client.post(f"{QUEUE}{submitted.slug}/", {"decision": "approve"})
        assert response.status_code == 403
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED


@pytest.mark.parametrize("comment", ["", "   "])
def test_returning_without_a_comment_is_refused(client, submitted, reviewer, comment):
    client.force_login(reviewer)
    response = client.post(
        f"{QUEUE}{submitted.slug}/", {"decision": "return", "comment": comment}
    )
    assert response.status_code == 200
    assert "Skriv vad organisationen behöver ändra" in str(
        response.context["form"].errors["comment"]
    )
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED
    assert not mail.outbox


def test_a_decision_is_required(client, submitted, reviewer):
    client.force_login(reviewer)
    response = client.post(f"{QUEUE}{submitted.slug}/", {"decision": "publish!"})
    assert response.status_code == 200
    assert "decision" in response.context["form"].errors


def test_returning_with_a_comment_makes_a_draft_the_member_can_read(
    client, organisation, admin, submitted, reviewer
):
    client.force_login(reviewer)
    response = client.post(
        f"{QUEUE}{submitted.slug}/",
        {"decision": "return", "comment": "Ange lokalen och adressen, tack."},
    )
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == Status.DRAFT
    assert submitted.review_comment == "Ange lokalen och adressen, tack."
    revision = submitted.revisions.get()
    assert (revision.action, revision.comment) == (
        Action.RETURNED,
        "Ange lokalen och adressen, tack.",
    )
    [email] = mail.outbox
    assert sorted(email.to) == sorted([admin.email, submitted.created_by.email])
    assert "Behöver ändras" in email.subject
    assert "Ange lokalen och adressen, tack." in email.body
    assert f"/organisationer/sensus/aktiviteter/{submitted.slug}/" in email.body

    client.force_login(submitted.created_by)
    for url in [
        "/organisationer/sensus/aktiviteter/",
        f"/organisationer/sensus/aktiviteter/{submitted.slug}/",
    ]:
        assert "Ange lokalen och adressen, tack." in client.get(url).content.decode()


def test_reviewing_an_activity_that_does_not_wait_changes_nothing(
    client, organisation, reviewer
):
    draft = make_activity(organisation)
    client.force_login(reviewer)
    page = client.get(f"{QUEUE}{draft.slug}/")
    assert page.status_code == 200
    assert page.context["form"] is None
    assert "väntar inte på granskning" in page.content.decode()
    response = client.post(
        f"{QUEUE}{draft.slug}/", {"decision": "approve"}, follow=True
    )
    assert "väntar inte på granskning" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    assert draft.published_at is None
    assert not draft.revisions.exists()
    assert not mail.outbox


def test_the_whole_history_in_order(client, organisation, reviewer):
    author = member(organisation)
    client.force_login(author)
    client.post("/organisationer/sensus/aktiviteter/ny/", form_data())
    activity = Activity.objects.get()
    url = f"/organisationer/sensus/aktiviteter/{activity.slug}/"
    client.post(f"{url}skicka/")
    client.force_login(reviewer)
    client.post(f"{QUEUE}{activity.slug}/", {"decision": "return", "comment": "Tid?"})
    client.force_login(author)
    client.post(url, form_data(start_time="18:00", end_time="20:00"))
    client.post(f"{url}skicka/")
    client.force_login(reviewer)
    client.post(f"{QUEUE}{activity.slug}/", {"decision": "approve"})
    client.force_login(author)
    client.post(url, form_data(start_time="18:00", end_time="20:00", venue="Bibban"))
    client.post(f"{url}bekrafta/")  # not published now: nothing happens
    client.force_login(reviewer)
    review_page = client.get(f"{QUEUE}{activity.slug}/")
    assert review_page.context["changes"] == ["Lokal"]
    client.post(f"{QUEUE}{activity.slug}/", {"decision": "approve"})
    client.force_login(author)
    client.post(f"{url}bekrafta/")
    client.post(f"{url}avsluta/")

    response = client.get(f"{url}historik/")
    steps = [(r.action, r.user, r.comment) for r in response.context["revisions"]]
    assert steps == [
        (Action.SAVED, author, ""),
        (Action.SUBMITTED, author, ""),
        (Action.RETURNED, reviewer, "Tid?"),
        (Action.SAVED, author, ""),
        (Action.SUBMITTED, author, ""),
        (Action.APPROVED, reviewer, ""),
        (Action.SAVED, author, ""),
        (Action.SUBMITTED, author, ""),
        (Action.APPROVED, reviewer, ""),
        (Action.CONFIRMED, author, ""),
        (Action.ENDED, author, ""),
    ]
    changes = [r.changes for r in response.context["revisions"]]
    assert changes[2] == ["Status", "Kommentar från granskningen"]
    assert changes[3] == ["Starttid", "Sluttid"]
    assert "Lokal" in changes[6]
    page = response.content.decode()
    assert page.index("Återskickad med kommentar") < page.index(
        "Godkänd och publicerad"
    )


def test_approval_keeps_the_first_publication_date(client, organisation, reviewer):
    first = timezone.now() - datetime.timedelta(days=200)
    activity = make_activity(organisation, status=Status.SUBMITTED, published_at=first)
    client.force_login(reviewer)
    client.post(f"{QUEUE}{activity.slug}/", {"decision": "approve"})
    activity.refresh_from_db()
    assert activity.published_at == first
    assert activity.last_confirmed == timezone.localdate()


def test_approval_counts_as_a_confirmation_and_restarts_the_reminders(
    client, organisation, admin, reviewer, time_machine
):
    """Reminded this morning, edited and approved at noon: asked again 106 days
    later, two weeks before it would leave the directory."""
    time_machine.move_to(at(today(), 12))
    activity = make_activity(
        organisation,
        status=Status.SUBMITTED,
        published_at=timezone.now() - datetime.timedelta(days=200),
        last_confirmed=today() - datetime.timedelta(days=100),
        reminded_at=at(today(), 8),
    )
    client.force_login(reviewer)
    client.post(f"{QUEUE}{activity.slug}/", {"decision": "approve"})
    activity.refresh_from_db()
    assert activity.status == Status.PUBLISHED
    assert activity.last_confirmed == today()
    assert activity.reminded_at is None
    mail.outbox.clear()

    # Just approved: nothing to confirm.
    assert "Reminders sent: 0." in send_reminders()
    assert not mail.outbox
    time_machine.shift(datetime.timedelta(days=105))
    assert "Reminders sent: 0." in send_reminders()
    # 106 days after the approval the organisation is asked again.
    time_machine.shift(datetime.timedelta(days=1))
    assert "Reminders sent: 1." in send_reminders()
    [email] = mail.outbox
    assert admin.email in email.to
    assert "fortfarande aktuell" in email.subject


def test_a_decision_taken_meanwhile_is_not_overwritten(
    client, organisation, submitted, reviewer, mellersta, monkeypatch
):
    """Two coordinators decide at once: the one who comes second changes nothing."""
    colleague = coordinator(mellersta)

    class DecidedMeanwhile(ReviewForm):
        # Between the page's first look at the status and the row lock, the
        # colleague sends the activity back.
        def is_valid(self):
            valid = super().is_valid()
            review.decide(
                Activity.objects.get(pk=submitted.pk),
                False,
                "Ange adressen, tack.",
                colleague,
            )
            return valid

    monkeypatch.setattr(review, "ReviewForm", DecidedMeanwhile)
    client.force_login(reviewer)
    response = client.post(
        f"{QUEUE}{submitted.slug}/", {"decision": "approve"}, follow=True
    )
    assert response.redirect_chain[-1][0] == QUEUE
    assert (
        "Samhällsinformation på arabiska väntar inte på granskning (status: utkast). "
        "Inget ändrades." in response.content.decode()
    )
    assert "är godkänd och publicerad" not in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.status == Status.DRAFT
    assert submitted.review_comment == "Ange adressen, tack."
    assert submitted.published_at is None
    steps = [(r.action, r.user) for r in submitted.revisions.all()]
    assert steps == [(Action.RETURNED, colleague)]
    assert not mail.outbox  # nobody is told it was published
    assert not Activity.objects.current().exists()


def test_the_queue_reads_a_fixed_number_of_queries(
    client, organisation, reviewer, django_assert_max_num_queries
):
    make_activity(organisation, status=Status.SUBMITTED, title="Första")
    client.force_login(reviewer)
    client.get(QUEUE)  # the site settings are created once
    with django_assert_max_num_queries(12) as small:
        client.get(QUEUE)
    for n in range(15):
        make_activity(organisation, status=Status.SUBMITTED, title=f"Aktivitet {n}")
    with django_assert_max_num_queries(12) as large:
        client.get(QUEUE)
    assert len(large.captured_queries) == len(small.captured_queries)


def test_the_admin_lists_activities_routes_and_languages(
    client, staff_user, organisation
):
    make_activity(organisation, status=Status.SUBMITTED)
    lund, malmo = Municipality.objects.filter(code__in=["1281", "1280"])
    TravelRoute.objects.create(
        from_municipality=lund,
        to_municipality=malmo,
        valid_from=today() - datetime.timedelta(days=365),
        decision_reference="MIG-2025-1",
    )
    client.force_login(staff_user)
    sub = subregion()
    for url, text in [
        ("/admin/snippets/directory/activity/", "Samhällsinformation på arabiska"),
        (
            f"/admin/snippets/directory/activity/?status=submitted"
            f"&municipality__subregion={sub.pk}",
            "Samhällsinformation på arabiska",
        ),
        ("/admin/snippets/directory/activity/?category=health", "Aktivitetskatalog"),
        ("/admin/snippets/directory/travelroute/", "MIG-2025-1"),
        ("/admin/snippets/directory/language/", "tigrinja"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert text in response.content.decode(), url
    assert Language.objects.filter(code="ti").exists()


def test_an_admin_edit_is_recorded_in_the_history(client, staff_user, organisation):
    activity = make_activity(organisation)
    client.force_login(staff_user)
    url = f"/admin/snippets/directory/activity/edit/{activity.pk}/"
    form = client.get(url).context["form"]
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and name in form.fields
    }
    data["instruction_languages"] = [lang.pk for lang in data["instruction_languages"]]
    data["support_languages"] = []
    data["exdates"] = "[]"
    data["title"] = "Samhällsinformation på dari"
    data.pop("free_of_charge", None)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    revision = activity.revisions.get()
    assert (revision.action, revision.user) == (Action.SAVED, staff_user)
    assert revision.snapshot["title"] == "Samhällsinformation på dari"
