"""Published activities are confirmed every 90 days and end after their end date."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from directory.models import Activity, ActivityRevision
from partners.models import Membership
from tests.directory.builders import make_activity, member
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

Status = Activity.Status


def days_ago(n):
    return timezone.localdate() - datetime.timedelta(days=n)


def run():
    out = StringIO()
    call_command("send_activity_reminders", stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture
def organisation():
    return OrganisationFactory(slug="sensus", name="Sensus")


@pytest.fixture
def admin(organisation):
    return member(organisation, role=Membership.Role.ADMIN)


def test_an_activity_confirmed_91_days_ago_is_reminded_once(organisation, admin):
    creator = member(organisation)
    member(organisation)  # an ordinary member who did not create it: no email
    activity = make_activity(
        organisation,
        status=Status.PUBLISHED,
        last_confirmed=days_ago(91),
        created_by=creator,
    )
    assert "Reminders sent: 1." in run()
    [email] = mail.outbox
    assert sorted(email.to) == sorted([admin.email, creator.email])
    assert "fortfarande aktuell" in email.subject
    assert (
        f"http://testserver/organisationer/sensus/aktiviteter/{activity.slug}/bekrafta/"
        in email.body
    )
    activity.refresh_from_db()
    assert activity.reminded_at is not None

    assert "Reminders sent: 0." in run()
    assert len(mail.outbox) == 1


def test_recent_confirmations_and_unpublished_activities_are_left_alone(
    organisation, admin
):
    make_activity(
        organisation, status=Status.PUBLISHED, last_confirmed=days_ago(30), title="Ny"
    )
    make_activity(organisation, last_confirmed=days_ago(120), title="Utkast")
    make_activity(
        organisation, status=Status.SUBMITTED, last_confirmed=days_ago(120), title="In"
    )
    assert "Reminders sent: 0." in run()
    assert not mail.outbox


def test_exactly_90_days_is_due(organisation, admin):
    make_activity(organisation, status=Status.PUBLISHED, last_confirmed=days_ago(90))
    assert "Reminders sent: 1." in run()


def test_after_a_confirmation_the_next_reminder_comes_90_days_later(
    client, organisation, admin
):
    activity = make_activity(
        organisation, status=Status.PUBLISHED, last_confirmed=days_ago(91)
    )
    run()
    client.force_login(admin)
    client.post(f"/organisationer/sensus/aktiviteter/{activity.slug}/bekrafta/")
    assert "Reminders sent: 0." in run()
    # 91 days after that confirmation, the old reminder no longer counts.
    Activity.objects.filter(pk=activity.pk).update(
        last_confirmed=days_ago(1),
        reminded_at=timezone.now() - datetime.timedelta(days=200),
    )
    assert "Reminders sent: 0." in run()
    Activity.objects.filter(pk=activity.pk).update(last_confirmed=days_ago(91))
    assert "Reminders sent: 1." in run()
    assert len(mail.outbox) == 2


def test_activities_past_their_end_date_are_ended(organisation, admin):
    past = make_activity(
        organisation,
        status=Status.PUBLISHED,
        start_date=days_ago(60),
        end_date=days_ago(1),
        last_confirmed=days_ago(100),
        title="Slut",
    )
    today = make_activity(
        organisation,
        status=Status.PUBLISHED,
        start_date=days_ago(60),
        end_date=timezone.localdate(),
        title="Sista dagen",
    )
    draft = make_activity(
        organisation, start_date=days_ago(60), end_date=days_ago(1), title="Utkast"
    )
    output = run()
    assert "ended after their end date: 1." in output
    past.refresh_from_db()
    today.refresh_from_db()
    draft.refresh_from_db()
    assert past.status == Status.ENDED
    assert today.status == Status.PUBLISHED
    assert draft.status == Status.DRAFT
    revision = past.revisions.get()
    assert revision.action == ActivityRevision.Action.ENDED
    assert revision.user is None
    assert revision.snapshot["status"] == Status.ENDED
    # Ended is ended: no reminder to confirm it.
    assert not mail.outbox
    assert "ended after their end date: 0." in run()
