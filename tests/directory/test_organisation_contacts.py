"""Public pages show an organisation's public contact persons, never the others."""

import pytest

from partners.models import ContactPerson
from tests.factories import OrganisationFactory

from .conftest import ActivityFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("skane_subregions")]


def test_the_activity_page_lists_the_organisations_public_contacts_only(
    client, directory_page
):
    organisation = OrganisationFactory(name="Studieförbundet Sensus")
    for name, visibility in [
        ("Maria Lundgren", ContactPerson.Visibility.PUBLIC),
        ("Leila Nasser", ContactPerson.Visibility.MEMBERS),
    ]:
        ContactPerson.objects.create(
            organisation=organisation,
            name=name,
            email=f"{name.split()[0].lower()}@sensus.example",
            visibility=visibility,
        )
    activity = ActivityFactory(organisation=organisation)
    text = client.get(f"/aktiviteter/aktivitet/{activity.slug}/").content.decode()
    assert "Fler kontaktpersoner på Studieförbundet Sensus" in text
    assert "Maria Lundgren" in text and "mailto:maria@sensus.example" in text
    assert "Leila Nasser" not in text and "leila@sensus.example" not in text
