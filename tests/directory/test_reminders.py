"""Published activities are confirmed every 120 days, or leave the public
directory; their organisation is asked two weeks before and told when one has
left. Activities past their end date are ended."""

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
DAY = datetime.timedelta(days=1)


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


def published(organisation, confirmed_days_ago, **fields):
    return make_activity(
        organisation,
        status=Status.PUBLISHED,
        last_confirmed=days_ago(confirmed_days_ago),
        **fields,
    )


def test_two_weeks_before_it_leaves_the_organisation_is_asked_once(organisation, admin):
    creator = member(organisation)
    member(organisation)  # an ordinary member who did not create it: no email
    activity = published(organisation, 106, created_by=creator)
    assert "Reminders sent: 1." in run()
    [email] = mail.outbox
    assert sorted(email.to) == sorted([admin.email, creator.email])
    assert "fortfarande aktuell" in email.subject
    assert (
        f"http://testserver/organisationer/sensus/aktiviteter/{activity.slug}/bekrafta/"
        in email.body
    )
    # The last day a confirmation keeps it listed: 119 days after the last one.
    last_day = days_ago(106) + datetime.timedelta(days=119)
    assert f"{last_day.day} " in email.body and str(last_day.year) in email.body
    activity.refresh_from_db()
    assert activity.reminded_at is not None
    assert activity in Activity.objects.current()

    assert "Reminders sent: 0." in run()
    assert len(mail.outbox) == 1


def test_recent_confirmations_and_unpublished_activities_are_left_alone(
    organisation, admin
):
    published(organisation, 105, title="Ny")
    make_activity(organisation, last_confirmed=days_ago(200), title="Utkast")
    make_activity(
        organisation, status=Status.SUBMITTED, last_confirmed=days_ago(200), title="In"
    )
    output = run()
    assert "Reminders sent: 0." in output
    assert "left the directory: 0." in output
    assert not mail.outbox


def test_after_120_days_it_leaves_the_public_list_and_the_owner_is_told_once(
    organisation, admin
):
    kept = published(organisation, 119, title="Sista dagen i katalogen")
    gone = published(organisation, 120, title="Borta")
    assert set(Activity.objects.current()) == {kept}
    assert not gone.is_current and gone.is_unconfirmed
    output = run()
    # 119 days: the reminder; 120 days: the notice, and no reminder any more.
    assert "Reminders sent: 1." in output
    assert "left the directory: 1." in output
    notice = next(m for m in mail.outbox if "Borta" in m.subject)
    assert "visas inte längre" in notice.subject
    assert f"/organisationer/sensus/aktiviteter/{gone.slug}/bekrafta/" in notice.body
    assert "Bekräfta den, så visas den igen" in notice.body
    gone.refresh_from_db()
    assert gone.status == Status.PUBLISHED  # nothing is lost
    assert gone.unlisted_notice_at is not None

    output = run()
    assert "Reminders sent: 0." in output and "left the directory: 0." in output
    assert len(mail.outbox) == 2


def test_confirming_brings_it_back_and_starts_the_count_again(
    client, organisation, admin, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)
    activity = published(organisation, 130)
    run()
    client.force_login(admin)
    listing = client.get("/organisationer/sensus/aktiviteter/").content.decode()
    assert "Visas inte i katalogen." in listing
    response = client.post(
        f"/organisationer/sensus/aktiviteter/{activity.slug}/bekrafta/", follow=True
    )
    assert "visas i katalogen igen" in response.content.decode()
    assert activity in Activity.objects.current()
    activity.refresh_from_db()
    assert activity.unlisted_notice_at is None and activity.reminded_at is None
    assert activity.revisions.filter(action=ActivityRevision.Action.CONFIRMED).exists()
    assert "left the directory: 0." in run()
    assert len(mail.outbox) == 1

    # 106 days on, the reminder comes again; at 120 days it leaves again.
    time_machine.shift(106 * DAY)
    assert "Reminders sent: 1." in run()
    client.force_login(admin)  # the session has long expired
    listing = client.get("/organisationer/sensus/aktiviteter/").content.decode()
    assert "Bekräfta senast" in listing
    time_machine.shift(14 * DAY)
    assert "left the directory: 1." in run()
    assert not Activity.objects.current().exists()
    assert len(mail.outbox) == 3


def test_an_old_notice_does_not_count_after_a_later_confirmation(organisation, admin):
    activity = published(organisation, 1)
    # Told long ago, then confirmed (e.g. in the admin, which resets nothing).
    Activity.objects.filter(pk=activity.pk).update(
        reminded_at=timezone.now() - datetime.timedelta(days=300),
        unlisted_notice_at=timezone.now() - datetime.timedelta(days=290),
    )
    assert "Reminders sent: 0." in run()
    Activity.objects.filter(pk=activity.pk).update(last_confirmed=days_ago(110))
    assert "Reminders sent: 1." in run()
    Activity.objects.filter(pk=activity.pk).update(last_confirmed=days_ago(121))
    assert "left the directory: 1." in run()
    assert len(mail.outbox) == 2


def test_the_mail_is_written_in_each_recipients_language(organisation, admin):
    english = member(organisation, role=Membership.Role.ADMIN)
    english.language = "en"
    english.save(update_fields=["language"])
    published(organisation, 125)
    run()
    assert sorted(len(m.to) for m in mail.outbox) == [1, 1]
    assert {m.to[0] for m in mail.outbox} == {admin.email, english.email}


def test_activities_past_their_end_date_are_ended(organisation, admin):
    past = make_activity(
        organisation,
        status=Status.PUBLISHED,
        start_date=days_ago(60),
        end_date=days_ago(1),
        last_confirmed=days_ago(130),
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
    # Ended is ended: no reminder to confirm it, no notice that it left.
    assert not mail.outbox
    assert "ended after their end date: 0." in run()
