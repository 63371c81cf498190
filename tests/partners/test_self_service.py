"""An organisation gets from first visit to the forum without staff help."""

import pytest
from django.core import mail

from partners.models import Membership, Organisation
from partners.validators import luhn_valid
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def valid_number(prefix="802479123"):
    digit = next(d for d in "0123456789" if luhn_valid(prefix + d))
    return f"{prefix[:6]}-{prefix[6:]}{digit}"


def registration(**overrides):
    data = {
        "name": "Kulturföreningen Bron",
        "kind": "non_profit",
        "organisation_number": valid_number(),
        "website": "https://bron.example.org",
        "email": "info@bron.example.org",
        "phone": "040-123 45",
        "description": "Språkcafé varje vecka.",
    }
    data.update(overrides)
    return data


def test_a_person_registers_an_organisation_and_becomes_its_admin(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post("/organisationer/ny/", registration())
    organisation = Organisation.objects.get(name="Kulturföreningen Bron")
    assert response.status_code == 302
    assert response["Location"] == f"/organisationer/{organisation.slug}/"
    membership = Membership.objects.get(user=user, organisation=organisation)
    assert membership.role == Membership.Role.ADMIN
    assert membership.status == Membership.Status.ACTIVE
    page = client.get(response["Location"]).content.decode()
    assert "Ansök om att delta i ett forum" in page


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"organisation_number": "802479-1230x"}, "organisation_number", "tio siffror"),
        ({"organisation_number": "850101-1234"}, "organisation_number", "personnummer"),
        ({"email": "inte-en-adress"}, "email", "giltig e-postadress"),
        ({"name": ""}, "name", "obligatoriskt"),
        ({"kind": "pirate"}, "kind", "giltigt alternativ"),
    ],
)
def test_bad_registrations_are_refused_with_a_clear_message(
    client, overrides, field, message
):
    client.force_login(UserFactory())
    response = client.post("/organisationer/ny/", registration(**overrides))
    assert response.status_code == 200
    assert message in str(response.context["form"].errors[field])
    assert not Organisation.objects.filter(name="Kulturföreningen Bron").exists()


def test_a_wrong_check_digit_is_refused(client):
    number = valid_number()
    wrong = number[:-1] + str((int(number[-1]) + 1) % 10)
    client.force_login(UserFactory())
    response = client.post(
        "/organisationer/ny/", registration(organisation_number=wrong)
    )
    assert "kontrollsiffran" in str(response.context["form"].errors)


def test_duplicate_numbers_and_names_point_to_joining_instead(client):
    existing = OrganisationFactory(
        name="Kulturföreningen Bron", organisation_number=valid_number()
    )
    client.force_login(UserFactory())
    response = client.post(
        "/organisationer/ny/",
        registration(
            name="Annat namn", organisation_number=existing.organisation_number
        ),
    )
    assert "redan registrerat för Kulturföreningen Bron" in str(
        response.context["form"].errors["organisation_number"]
    )
    response = client.post(
        "/organisationer/ny/",
        registration(name="kulturföreningen bron", organisation_number=""),
    )
    assert "finns redan en organisation" in str(response.context["form"].errors["name"])
    assert Organisation.objects.count() == 1


def test_joining_an_existing_organisation_waits_for_its_admin(client):
    organisation = OrganisationFactory(name="Röda Korset Lund")
    admin = MembershipFactory(
        organisation=organisation, role=Membership.Role.ADMIN
    ).user
    newcomer = UserFactory(first_name="Sofia", last_name="Lind")
    client.force_login(newcomer)
    client.post("/organisationer/anslut/", {"organisation": organisation.pk})
    membership = Membership.objects.get(user=newcomer, organisation=organisation)
    assert membership.status == Membership.Status.PENDING
    assert mail.outbox[-1].to == [admin.email]
    assert "Sofia Lind" in mail.outbox[-1].subject
    # A pending member does not yet see the organisation's page.
    assert client.get(f"/organisationer/{organisation.slug}/").status_code == 403

    client.force_login(admin)
    page = client.get(f"/organisationer/{organisation.slug}/").content.decode()
    assert "Godkänn Sofia Lind" in page
    client.post(
        f"/organisationer/{organisation.slug}/medlemmar/{membership.pk}/",
        {"decision": "approve"},
    )
    membership.refresh_from_db()
    assert membership.status == Membership.Status.ACTIVE
    assert mail.outbox[-1].to == [newcomer.email]
    assert "Du är nu medlem" in mail.outbox[-1].subject


def test_only_the_organisations_admin_decides_on_members(client):
    organisation = OrganisationFactory()
    pending = MembershipFactory(
        organisation=organisation, status=Membership.Status.PENDING
    )
    member = MembershipFactory(organisation=organisation).user
    client.force_login(member)
    response = client.post(
        f"/organisationer/{organisation.slug}/medlemmar/{pending.pk}/",
        {"decision": "approve"},
    )
    assert response.status_code == 403
    pending.refresh_from_db()
    assert pending.status == Membership.Status.PENDING


def test_a_declined_request_is_removed_and_the_person_told(client):
    organisation = OrganisationFactory()
    admin = MembershipFactory(organisation=organisation, role="admin").user
    pending = MembershipFactory(
        organisation=organisation, status=Membership.Status.PENDING
    )
    client.force_login(admin)
    client.post(
        f"/organisationer/{organisation.slug}/medlemmar/{pending.pk}/",
        {"decision": "decline"},
    )
    assert not Membership.objects.filter(pk=pending.pk).exists()
    assert "avböjd" in mail.outbox[-1].subject


def test_admin_edits_the_organisation(client):
    organisation = OrganisationFactory(name="Gamla namnet")
    admin = MembershipFactory(organisation=organisation, role="admin").user
    client.force_login(admin)
    response = client.post(
        f"/organisationer/{organisation.slug}/redigera/",
        registration(name="Nya namnet", organisation_number=""),
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.name == "Nya namnet"


def test_members_are_listed_in_swedish_order_of_their_names(client):
    organisation = OrganisationFactory()
    for first, last in [("Östen", "Ek"), ("Åke", "Berg"), ("Yusuf", "Ali")]:
        MembershipFactory(
            organisation=organisation,
            user__first_name=first,
            user__last_name=last,
        )
    viewer = MembershipFactory(
        organisation=organisation, user__first_name="Ahmad", user__last_name="Noori"
    ).user
    client.force_login(viewer)
    response = client.get(f"/organisationer/{organisation.slug}/")
    assert response.status_code == 200
    names = [str(m.user) for m in response.context["members"]]
    assert names == ["Ahmad Noori", "Yusuf Ali", "Åke Berg", "Östen Ek"]
