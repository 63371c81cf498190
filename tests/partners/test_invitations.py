"""Invitations by email: who may send them, and how they are accepted once."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from partners.models import Invitation, Membership
from tests.conftest import PASSWORD
from tests.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

INVITEE = "ny.person@example.org"


@pytest.fixture
def organisation():
    return OrganisationFactory(name="Röda Korset Lund", slug="roda-korset-lund")


@pytest.fixture
def admin(organisation):
    return MembershipFactory(
        organisation=organisation,
        role=Membership.Role.ADMIN,
        user__first_name="Anna",
        user__last_name="Admin",
    ).user


def create_url(organisation):
    return reverse("partners:invitation_create", args=[organisation.slug])


def accept_url(invitation):
    return reverse("partners:invitation_accept", args=[invitation.token])


def invite(organisation, email=INVITEE, **fields):
    return Invitation.objects.create(organisation=organisation, email=email, **fields)


def link_in(message):
    match = re.search(r"https?://\S+", message.body)
    assert match, message.body
    return urlsplit(match.group()).path


# Sending


def test_admin_sends_invitation_by_email(client, organisation, admin):
    client.force_login(admin)
    response = client.post(
        create_url(organisation), {"email": INVITEE, "role": "admin"}
    )
    assert response.status_code == 302
    assert response.url == create_url(organisation)
    invitation = Invitation.objects.get()
    assert invitation.organisation == organisation
    assert invitation.email == INVITEE
    assert invitation.role == Membership.Role.ADMIN
    assert invitation.invited_by == admin
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [INVITEE]
    assert "Röda Korset Lund" in message.subject
    assert "Anna Admin" in message.body
    assert "som organisationsadministratör" in message.body
    assert "&" not in message.body  # a text email, not HTML-escaped
    assert link_in(message) == accept_url(invitation)

    page = client.get(create_url(organisation))
    assert f"En inbjudan har skickats till {INVITEE}" in page.content.decode()


def test_link_in_email_opens_the_invitation(client, organisation, admin):
    client.force_login(admin)
    client.post(create_url(organisation), {"email": INVITEE, "role": "member"})
    client.logout()
    response = client.get(link_in(mail.outbox[0]))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Röda Korset Lund" in text
    assert "som medlem" in text


def test_staff_may_send_invitations(client, organisation, staff_user):
    client.force_login(staff_user)
    assert client.get(create_url(organisation)).status_code == 200
    client.post(create_url(organisation), {"email": INVITEE, "role": "member"})
    assert Invitation.objects.get().invited_by == staff_user


def test_form_lists_open_invitations_only(client, organisation, admin):
    invite(organisation, email="open@example.org")
    invite(
        organisation,
        email="expired@example.org",
        expires_at=timezone.now() - timedelta(days=1),
    )
    invite(organisation, email="used@example.org", accepted_at=timezone.now())
    invite(OrganisationFactory(), email="elsewhere@example.org")
    client.force_login(admin)
    text = client.get(create_url(organisation)).content.decode()
    assert "open@example.org" in text
    assert "expired@example.org" not in text
    assert "used@example.org" not in text
    assert "elsewhere@example.org" not in text


def test_member_cannot_send_invitations(client, organisation):
    member = MembershipFactory(organisation=organisation).user
    client.force_login(member)
    assert client.get(create_url(organisation)).status_code == 403
    response = client.post(create_url(organisation), {"email": INVITEE})
    assert response.status_code == 403
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_anonymous_is_sent_to_login(client, organisation):
    response = client.post(create_url(organisation), {"email": INVITEE})
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_duplicate_invitation_is_refused(client, organisation, admin):
    invite(organisation)
    client.force_login(admin)
    response = client.post(
        create_url(organisation), {"email": INVITEE.upper(), "role": "member"}
    )
    assert response.status_code == 200
    assert "har redan en inbjudan som gäller" in response.content.decode()
    assert Invitation.objects.count() == 1
    assert mail.outbox == []


def test_expired_invitation_does_not_block_a_new_one(client, organisation, admin):
    expired = invite(organisation, expires_at=timezone.now() - timedelta(days=1))
    client.force_login(admin)
    client.post(create_url(organisation), {"email": INVITEE, "role": "member"})
    # The new invitation replaces the expired one.
    assert not Invitation.objects.filter(pk=expired.pk).exists()
    assert Invitation.objects.get().is_usable
    assert len(mail.outbox) == 1


def test_the_database_holds_one_unused_invitation_per_address(organisation):
    invite(organisation)
    with pytest.raises(IntegrityError), transaction.atomic():
        invite(organisation, email=INVITEE.upper())
    invite(OrganisationFactory(), email=INVITEE)  # another organisation: fine
    Invitation.objects.update(accepted_at=timezone.now())
    invite(organisation)  # the first one used: a new one is fine


def test_two_admins_inviting_at_once_get_a_message_not_an_error(
    client, organisation, admin, monkeypatch
):
    # The other admin's invitation lands between this form's check and its save.
    monkeypatch.setattr(
        "partners.invitations.InvitationForm.clean_email",
        lambda form: invite(organisation).email,
    )
    client.force_login(admin)
    response = client.post(
        create_url(organisation), {"email": INVITEE, "role": "member"}
    )
    assert response.status_code == 200
    assert "har redan en inbjudan som gäller" in response.content.decode()
    assert Invitation.objects.count() == 1
    assert mail.outbox == []


def test_inviting_an_active_member_is_refused(client, organisation, admin):
    MembershipFactory(organisation=organisation, user__email=INVITEE)
    client.force_login(admin)
    response = client.post(
        create_url(organisation), {"email": INVITEE, "role": "member"}
    )
    assert response.status_code == 200
    assert "är redan medlem i Röda Korset Lund" in response.content.decode()
    assert not Invitation.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    "data",
    [
        {"email": "inte-en-adress", "role": "member"},
        {"email": "", "role": "member"},
        {"email": INVITEE, "role": "owner"},
        {},
    ],
)
def test_bad_input_gives_form_errors(client, organisation, admin, data):
    client.force_login(admin)
    response = client.post(create_url(organisation), data)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert 'aria-invalid="true"' in response.content.decode()
    assert not Invitation.objects.exists()
    assert mail.outbox == []


# Accepting


def test_anonymous_sees_invitation_and_ways_to_sign_in(client, organisation):
    invitation = invite(organisation)
    response = client.get(accept_url(invitation))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Röda Korset Lund" in text
    assert f"{reverse('account_login')}?next={accept_url(invitation)}" in text
    assert f"{reverse('account_signup')}?next={accept_url(invitation)}" in text
    assert '<form method="post"' not in text


def test_anonymous_post_creates_nothing(client, organisation):
    invitation = invite(organisation)
    response = client.post(accept_url(invitation))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert not Membership.objects.exists()


def test_invitee_signs_in_and_accepts(client, organisation, make_user):
    invitation = invite(organisation, role=Membership.Role.ADMIN)
    invitee = make_user(email=INVITEE)
    response = client.post(
        reverse("account_login"),
        {"login": INVITEE, "password": PASSWORD, "next": accept_url(invitation)},
    )
    assert response.status_code == 302
    assert response.url == accept_url(invitation)
    assert "Tacka ja" in client.get(accept_url(invitation)).content.decode()

    response = client.post(accept_url(invitation))
    assert response.status_code == 302
    assert response.url == reverse(
        "partners:organisation_dashboard", args=[organisation.slug]
    )
    membership = Membership.objects.get(user=invitee, organisation=organisation)
    assert membership.status == Membership.Status.ACTIVE
    assert membership.role == Membership.Role.ADMIN
    invitation.refresh_from_db()
    assert invitation.accepted_by == invitee
    assert invitation.accepted_at is not None


def test_new_person_signs_up_confirms_and_comes_back(client, organisation):
    invitation = invite(organisation)
    page = client.get(accept_url(invitation)).content.decode()
    signup = re.search(r'href="(/accounts/signup/[^"]+)"', page).group(1)
    signup = signup.replace("&amp;", "&")
    assert f'value="{INVITEE}"' in client.get(signup).content.decode()
    client.post(
        signup,
        {
            "email": INVITEE,
            "first_name": "Ny",
            "last_name": "Kollega",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    confirm = link_in(mail.outbox[-1])
    response = client.post(confirm)
    assert response.status_code == 302
    assert response.url == accept_url(invitation)
    client.post(accept_url(invitation))
    membership = Membership.objects.get(organisation=organisation)
    assert membership.user.email == INVITEE
    assert membership.status == Membership.Status.ACTIVE


def test_email_match_ignores_case(client, organisation, make_user):
    invitation = invite(organisation, email="Ny.Person@Example.org")
    client.force_login(make_user(email=INVITEE))
    client.post(accept_url(invitation))
    assert Membership.objects.active().filter(organisation=organisation).count() == 1


def test_link_works_once(client, organisation, make_user):
    invitation = invite(organisation)
    invitee = make_user(email=INVITEE)
    client.force_login(invitee)
    client.post(accept_url(invitation))

    response = client.get(accept_url(invitation))
    assert response.status_code == 410
    assert "redan använts" in response.content.decode()
    response = client.post(accept_url(invitation))
    assert response.status_code == 410
    assert Membership.objects.count() == 1


def test_used_link_does_not_work_for_someone_else(client, organisation, make_user):
    invitation = invite(organisation, accepted_at=timezone.now())
    other = make_user(email="annan@example.org")
    EmailAddress.objects.create(user=other, email=INVITEE, verified=True)
    client.force_login(other)
    assert client.post(accept_url(invitation)).status_code == 410
    assert not Membership.objects.exists()


def test_expired_link_is_gone(client, organisation, make_user):
    invitation = invite(organisation, expires_at=timezone.now() - timedelta(minutes=1))
    client.force_login(make_user(email=INVITEE))
    response = client.get(accept_url(invitation))
    assert response.status_code == 410
    assert "har gått ut" in response.content.decode()
    assert client.post(accept_url(invitation)).status_code == 410
    assert not Membership.objects.exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_unknown_token_is_not_found(client):
    assert client.get("/inbjudan/finns-inte/").status_code == 404
    assert client.post("/inbjudan/finns-inte/").status_code == 404


def test_someone_with_another_address_cannot_accept(client, organisation, make_user):
    invitation = invite(organisation)
    client.force_login(make_user(email="annan@example.org"))
    response = client.get(accept_url(invitation))
    text = response.content.decode()
    assert "Du är inloggad som annan@example.org" in text
    assert INVITEE in text
    assert "Tacka ja" not in text
    assert client.post(accept_url(invitation)).status_code == 403
    assert not Membership.objects.exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_unverified_address_cannot_accept(client, organisation, make_user):
    invitation = invite(organisation)
    user = make_user(email="annan@example.org")
    EmailAddress.objects.create(user=user, email=INVITEE, verified=False)
    client.force_login(user)
    assert "bekräfta adressen" in client.get(accept_url(invitation)).content.decode()
    assert client.post(accept_url(invitation)).status_code == 403
    assert not Membership.objects.exists()


def test_accepting_activates_a_pending_membership(client, organisation, make_user):
    invitee = make_user(email=INVITEE)
    MembershipFactory(
        user=invitee, organisation=organisation, status=Membership.Status.PENDING
    )
    invitation = invite(organisation)
    client.force_login(invitee)
    client.post(accept_url(invitation))
    membership = Membership.objects.get(user=invitee, organisation=organisation)
    assert membership.status == Membership.Status.ACTIVE
    assert membership.role == Membership.Role.MEMBER


def test_accepting_never_downgrades_an_admin(client, organisation, make_user):
    invitee = make_user(email=INVITEE)
    MembershipFactory(user=invitee, organisation=organisation, role="admin")
    invitation = invite(organisation, role=Membership.Role.MEMBER)
    client.force_login(invitee)
    client.post(accept_url(invitation))
    membership = Membership.objects.get(user=invitee, organisation=organisation)
    assert membership.role == Membership.Role.ADMIN
    assert Invitation.objects.get().accepted_by == invitee
