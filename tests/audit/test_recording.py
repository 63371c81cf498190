"""Each kind of security-relevant action leaves one entry in the audit log."""

import datetime

import pytest
from allauth.account import signals as account_signals
from allauth.account.models import EmailAddress
from allauth.mfa import signals as mfa_signals
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model

from core.audit import record
from core.audit.models import Action, AuditEntry
from events.factories import MinutesFactory
from forum import consultations
from forum.factories import (
    ConsultationQuestionFactory,
    JointDecisionFactory,
)
from forum.models import Level, Participation
from partners.models import Membership
from tests.conftest import PASSWORD
from tests.factories import (
    COUNTY_ADMINISTRATORS,
    ForumFactory,
    MembershipFactory,
    OrganisationFactory,
    ParticipationFactory,
    UserFactory,
    county_admin,
)


def entry(action):
    """The one entry of ``action``."""
    entries = list(AuditEntry.objects.filter(action=action))
    assert len(entries) == 1, entries
    return entries[0]


def a_request(user):
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.7")
    request.user = user
    return request


# Sign-in


def test_signing_in_is_recorded_with_the_address(client, make_user):
    user = make_user()
    client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    signed_in = entry(Action.SIGNED_IN)
    assert signed_in.actor == signed_in.subject_user == user
    assert signed_in.actor_email == user.email
    assert signed_in.ip_address == "127.0.0.1"


def test_a_failed_sign_in_keeps_the_address_typed_and_no_password(client, make_user):
    user = make_user()
    client.post("/accounts/login/", {"login": user.email, "password": "fel-lösen"})
    failed = entry(Action.SIGN_IN_FAILED)
    assert failed.actor is None
    assert failed.details == {"email": user.email}
    assert "fel-lösen" not in str(failed.details)


def test_signing_out_is_recorded(client, make_user):
    user = make_user()
    client.force_login(user)
    client.post("/accounts/logout/")
    signed_out = entry(Action.SIGNED_OUT)
    assert signed_out.actor == signed_out.subject_user == user


# The second factor, passwords and addresses: allauth's signals


@pytest.mark.parametrize(
    ("signal", "action"),
    [
        (mfa_signals.authenticator_added, Action.SECOND_FACTOR_ADDED),
        (mfa_signals.authenticator_removed, Action.SECOND_FACTOR_REMOVED),
        (mfa_signals.authenticator_reset, Action.SECOND_FACTOR_RESET),
    ],
)
def test_second_factor_changes_are_recorded(make_user, signal, action):
    user = make_user()
    authenticator = Authenticator(user=user, type=Authenticator.Type.TOTP, data={})
    signal.send(
        sender=Authenticator,
        request=a_request(user),
        user=user,
        authenticator=authenticator,
    )
    recorded = entry(action)
    assert recorded.actor == recorded.subject_user == user
    assert recorded.details == {"kind": "totp"}
    assert recorded.ip_address == "192.0.2.7"


def test_changing_ones_password_is_recorded(client, make_user):
    user = make_user()
    client.force_login(user)
    new = "ett-annat-langt-losen-77"
    client.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": new, "password2": new},
    )
    changed = entry(Action.PASSWORD_CHANGED)
    assert changed.actor == changed.subject_user == user


@pytest.mark.parametrize(
    ("signal", "action"),
    [
        (account_signals.password_set, Action.PASSWORD_SET),
        (account_signals.password_reset, Action.PASSWORD_RESET),
    ],
)
def test_a_password_set_or_reset_is_recorded(make_user, signal, action):
    user = make_user()
    signal.send(sender=type(user), request=a_request(user), user=user)
    recorded = entry(action)
    assert recorded.actor == recorded.subject_user == user


@pytest.mark.parametrize(
    ("signal", "action"),
    [
        (account_signals.email_added, Action.EMAIL_ADDED),
        (account_signals.email_removed, Action.EMAIL_REMOVED),
        (account_signals.email_confirmed, Action.EMAIL_CONFIRMED),
    ],
)
def test_email_addresses_added_removed_confirmed_are_recorded(
    make_user, signal, action
):
    user = make_user()
    address = EmailAddress.objects.create(user=user, email="ny@example.org")
    kwargs = {"request": a_request(user), "email_address": address}
    if signal is not account_signals.email_confirmed:
        kwargs["user"] = user
    signal.send(sender=EmailAddress, **kwargs)
    recorded = entry(action)
    assert recorded.subject_user == user
    assert recorded.details == {"email": "ny@example.org"}


def test_a_new_primary_address_is_recorded(make_user):
    user = make_user()
    old = EmailAddress.objects.get(user=user)
    new = EmailAddress.objects.create(user=user, email="ny@example.org")
    account_signals.email_changed.send(
        sender=EmailAddress,
        request=a_request(user),
        user=user,
        from_email_address=old,
        to_email_address=new,
    )
    changed = entry(Action.EMAIL_CHANGED)
    assert changed.details == {"previous": user.email, "email": "ny@example.org"}


# Memberships and levels


def test_an_approved_request_to_join_is_recorded_with_the_admin(client, db):
    admin = MembershipFactory(role=Membership.Role.ADMIN).user
    organisation = admin.memberships.get().organisation
    applicant = MembershipFactory(
        organisation=organisation, status=Membership.Status.PENDING
    )
    client.force_login(admin)
    client.post(
        reverse("partners:membership_decide", args=[organisation.slug, applicant.pk]),
        {"decision": "approve"},
    )
    approved = entry(Action.MEMBERSHIP_APPROVED)
    assert approved.actor == admin
    assert approved.subject_user == applicant.user
    assert approved.organisation_id == organisation.pk
    assert approved.organisation_name == organisation.name


def test_a_membership_added_role_changed_and_removed_is_recorded(db):
    membership = MembershipFactory()
    assert entry(Action.MEMBERSHIP_ADDED).subject_user == membership.user
    membership.role = Membership.Role.ADMIN
    membership.save()
    changed = entry(Action.MEMBERSHIP_ROLE_CHANGED)
    assert changed.details == {"previous": "member", "role": "admin"}
    membership.delete()
    removed = entry(Action.MEMBERSHIP_REMOVED)
    assert removed.subject_user == membership.user
    assert removed.organisation_id == membership.organisation_id


def test_deleting_a_person_deletes_their_memberships_without_failing(db):
    membership = MembershipFactory()
    membership.user.delete()
    assert not AuditEntry.objects.filter(action=Action.MEMBERSHIP_REMOVED).exists()


def test_levels_raised_lowered_and_ended_are_recorded_with_who(db):
    convener = UserFactory()
    participation = ParticipationFactory(level=Level.SAMRAD)
    raised = entry(Action.LEVEL_RAISED)
    assert raised.forum_id == participation.forum_id
    assert raised.organisation_id == participation.organisation_id
    participation.level = Level.INFORMATION
    participation.save(changed_by=convener, note="Omorganisation")
    lowered = entry(Action.LEVEL_LOWERED)
    assert lowered.actor == convener
    assert lowered.details["previous"] == Level.SAMRAD
    assert lowered.details["level"] == Level.INFORMATION
    assert lowered.details["note"] == "Omorganisation"
    Participation.objects.get().delete(changed_by=convener)
    assert entry(Action.PARTICIPATION_ENDED).actor == convener


# County administrators


def test_joining_and_leaving_the_county_administrators_is_recorded(db):
    person = UserFactory(is_staff=True)
    group = Group.objects.get(name=COUNTY_ADMINISTRATORS)
    person.groups.add(group)
    granted = entry(Action.COUNTY_ADMIN_GRANTED)
    assert granted.subject_user == person
    assert granted.details == {"through": COUNTY_ADMINISTRATORS}
    group.user_set.remove(person)
    assert entry(Action.COUNTY_ADMIN_REVOKED).subject_user == person


def test_other_groups_are_not_county_administration(db):
    UserFactory().groups.add(Group.objects.get(name="Editors"))
    assert not AuditEntry.objects.filter(action=Action.COUNTY_ADMIN_GRANTED).exists()


def test_superuser_and_staff_status_given_is_recorded(db):
    person = UserFactory()
    person.is_superuser = person.is_staff = True
    person.save()
    assert entry(Action.COUNTY_ADMIN_GRANTED).details == {"through": "superuser"}
    assert entry(Action.STAFF_GRANTED).subject_user == person


# Minutes, decisions, feedback


def test_minutes_saved_approved_published_and_deleted_are_recorded(db):
    convener = UserFactory()
    minutes = MinutesFactory()
    assert entry(Action.MINUTES_SAVED).details == {"created": True}
    assert minutes.approve(by=convener)
    approved = entry(Action.MINUTES_APPROVED)
    assert approved.actor == convener
    assert approved.forum_id == minutes.event.forum_id
    assert approved.object_repr == str(minutes)
    assert minutes.publish()
    assert not minutes.publish()  # a second click publishes nothing
    entry(Action.MINUTES_PUBLISHED)
    minutes.delete()
    assert entry(Action.MINUTES_DELETED).details == {"status": "published"}


def test_publishing_minutes_on_the_site_names_the_convener(client, db):
    admin = county_admin()
    minutes = MinutesFactory(status="approved")
    client.force_login(admin)
    client.post(reverse("events:minutes_publish", args=[minutes.event.pk]))
    published = entry(Action.MINUTES_PUBLISHED)
    assert published.actor == admin
    assert published.ip_address == "127.0.0.1"


def test_a_decision_proposed_closed_and_deleted_is_recorded(client, db):
    admin = county_admin()
    decision = JointDecisionFactory(
        created_by=admin, answer_by=timezone.now() - datetime.timedelta(days=1)
    )
    assert entry(Action.DECISION_PROPOSED).actor == admin
    client.force_login(admin)
    client.post(
        reverse("forum:decision_close", args=[decision.forum.slug, decision.pk]),
        {"outcome": decision.suggested_outcome(), "outcome_note": "Enligt svaren."},
    )
    closed = entry(Action.DECISION_CLOSED)
    assert closed.actor == admin
    assert closed.forum_id == decision.forum_id
    decision.refresh_from_db()
    assert closed.details == {"outcome": decision.outcome}
    decision.delete()
    entry(Action.DECISION_DELETED)


def test_consultation_feedback_saved_and_published_is_recorded(db):
    question = ConsultationQuestionFactory()
    consultation = question.consultation
    consultations.save_feedback(
        consultation, "Tack.", [(question, "Ett utkast.")], publish=False
    )
    assert entry(Action.FEEDBACK_SAVED).details == {"questions": 1}
    consultations.save_feedback(
        consultation, "Tack.", [(question, "Sammanfattat.")], publish=True
    )
    published = entry(Action.FEEDBACK_PUBLISHED)
    assert published.forum_id == consultation.forum_id
    assert published.object_id == str(consultation.pk)


# Documents


def test_downloading_a_private_document_is_recorded(client, db):
    admin = county_admin()
    document = get_document_model().objects.create(
        title="Utkast", file=ContentFile(b"%PDF-1.4 utkast", name="utkast.pdf")
    )
    client.force_login(admin)
    response = client.get(document.url)
    assert response.status_code == 200
    downloaded = entry(Action.DOCUMENT_DOWNLOADED)
    assert downloaded.actor == admin
    assert downloaded.object_repr == "Utkast"


# The entries themselves


def test_an_entry_is_never_changed_or_deleted_one_by_one(db):
    written = record(Action.SIGNED_IN, organisation=OrganisationFactory())
    written.details = {"forged": True}
    with pytest.raises(Exception, match="never changed"):
        written.save()
    with pytest.raises(Exception, match="never deleted"):
        written.delete()
    assert AuditEntry.objects.get().details == {}


def test_the_forum_and_organisation_names_outlive_them(db):
    forum = ForumFactory(name="Nätverket")
    record(Action.MINUTES_SAVED, forum=forum)
    forum.delete()
    kept = AuditEntry.objects.get(action=Action.MINUTES_SAVED)
    assert kept.forum_name == "Nätverket"
