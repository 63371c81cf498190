"""An organisation's admins keep its contact persons; who sees which of them."""

import pytest

from forum.models import Level
from partners.models import ContactPerson, Membership
from tests.factories import (
    ForumFactory,
    MembershipFactory,
    ParticipationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def forum():
    return ForumFactory(slug="tia-skane", name="TIA Skåne")


@pytest.fixture
def organisation(forum):
    return ParticipationFactory(
        forum=forum, level=Level.DIALOG, organisation__slug="sensus"
    ).organisation


@pytest.fixture
def admin(organisation):
    return MembershipFactory(organisation=organisation, role=Membership.Role.ADMIN).user


def base(organisation):
    return f"/organisationer/{organisation.slug}/kontaktpersoner/"


def contact_data(**overrides):
    return {
        "name": "Leila Nasser",
        "role": "Verksamhetsutvecklare",
        "scope": "local",
        "email": "leila.nasser@sensus.example",
        "phone": "040-628 04 50",
        "visibility": "members",
    } | overrides


def test_an_admin_adds_edits_and_removes_a_contact_person(client, organisation, admin):
    client.force_login(admin)
    dashboard = client.get(f"/organisationer/{organisation.slug}/").content.decode()
    assert f'href="{base(organisation)}ny/"' in dashboard

    response = client.post(f"{base(organisation)}ny/", contact_data())
    assert response.status_code == 302
    assert response["Location"] == f"/organisationer/{organisation.slug}/"
    contact = ContactPerson.objects.get(organisation=organisation)
    assert contact.name == "Leila Nasser"
    assert contact.visibility == ContactPerson.Visibility.MEMBERS
    page = client.get(response["Location"]).content.decode()
    assert "Leila Nasser" in page and "Kontaktpersonen Leila Nasser är sparad." in page
    assert "Forumens medlemmar" in page

    edit = f"{base(organisation)}{contact.pk}/"
    assert client.get(edit).context["form"].initial["name"] == "Leila Nasser"
    client.post(edit, contact_data(role="Rektor", visibility="public"))
    contact.refresh_from_db()
    assert (contact.role, contact.visibility) == ("Rektor", "public")

    # Removing asks first: the link opens a confirmation, the POST removes.
    confirm = client.get(f"{edit}ta-bort/")
    assert "Ta bort kontaktpersonen Leila Nasser?" in confirm.content.decode()
    assert ContactPerson.objects.filter(pk=contact.pk).exists()
    response = client.post(f"{edit}ta-bort/")
    assert response.status_code == 302
    assert not ContactPerson.objects.filter(pk=contact.pk).exists()
    page = client.get(response["Location"]).content.decode()
    assert "Kontaktpersonen Leila Nasser är borttagen." in page
    assert "Organisationen har inga kontaktpersoner än." in page


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"name": ""}, "name", "obligatoriskt"),
        ({"email": "inte-en-adress"}, "email", "giltig e-postadress"),
        ({"phone": "ring mig"}, "phone", "telefonnummer med siffror"),
        ({"visibility": "everyone"}, "visibility", "giltigt alternativ"),
        ({"scope": "global"}, "scope", "giltigt alternativ"),
        ({"name": "x" * 201}, "name", "som mest 200 tecken"),
        ({"email": "", "phone": ""}, "__all__", "e-post eller telefon"),
    ],
)
def test_bad_input_is_refused_with_a_swedish_message(
    client, organisation, admin, overrides, field, message
):
    client.force_login(admin)
    response = client.post(f"{base(organisation)}ny/", contact_data(**overrides))
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors[field])
    assert message in errors
    assert not ContactPerson.objects.exists()


def test_a_member_who_is_not_admin_may_not_change_contact_persons(client, organisation):
    contact = ContactPerson.objects.create(
        organisation=organisation, name="Ada Andersson", email="ada@example.org"
    )
    member = MembershipFactory(organisation=organisation).user
    client.force_login(member)
    dashboard = client.get(f"/organisationer/{organisation.slug}/").content.decode()
    assert "Ada Andersson" in dashboard
    assert "Lägg till kontaktperson" not in dashboard
    edit = f"{base(organisation)}{contact.pk}/"
    assert client.get(f"{base(organisation)}ny/").status_code == 403
    assert client.post(f"{base(organisation)}ny/", contact_data()).status_code == 403
    assert client.post(edit, contact_data()).status_code == 403
    assert client.post(f"{edit}ta-bort/").status_code == 403
    assert ContactPerson.objects.filter(organisation=organisation).count() == 1


def test_an_admin_cannot_reach_another_organisations_contact(
    client, organisation, admin
):
    other = ContactPerson.objects.create(
        organisation=ParticipationFactory().organisation, name="Bo Berg"
    )
    client.force_login(admin)
    assert client.get(f"{base(organisation)}{other.pk}/").status_code == 404
    assert client.post(f"{base(organisation)}{other.pk}/ta-bort/").status_code == 404
    assert ContactPerson.objects.filter(pk=other.pk).exists()


def test_a_members_only_contact_is_in_the_partner_directory_for_members(
    client, forum, organisation
):
    ContactPerson.objects.create(
        organisation=organisation,
        name="Leila Nasser",
        email="leila@example.org",
        visibility=ContactPerson.Visibility.MEMBERS,
    )
    detail = f"/forum/{forum.slug}/partner/{organisation.slug}/"
    member = MembershipFactory(
        organisation=ParticipationFactory(forum=forum).organisation
    ).user
    client.force_login(member)
    text = client.get(detail).content.decode()
    assert "Leila Nasser" in text and "Visas bara för forumets medlemmar" in text
    # Nobody outside the forum sees it, and visitors are asked to sign in.
    client.force_login(UserFactory())
    assert client.get(detail).status_code == 403
    client.logout()
    response = client.get(detail)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
