import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from partners.models import Organisation
from partners.validators import luhn_valid, normalise_organisation_number
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def valid_number(prefix="802002123"):
    """Complete nine digits with the Luhn check digit."""
    for digit in "0123456789":
        if luhn_valid(prefix + digit):
            return f"{prefix[:6]}-{prefix[6:]}{digit}"
    raise AssertionError


def test_valid_numbers_are_normalised():
    number = valid_number()
    assert normalise_organisation_number(number.replace("-", "")) == number
    assert normalise_organisation_number(f" {number} ") == number


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("12345", "tio siffror"),
        ("80200A-1234", "tio siffror"),
        (
            "8020021230" if not luhn_valid("8020021230") else "8020021231",
            "kontrollsiffran",
        ),
        ("850101-1234", "personnummer"),
    ],
)
def test_bad_numbers_are_refused_with_a_clear_message(value, message):
    with pytest.raises(ValidationError) as error:
        normalise_organisation_number(value)
    assert message in str(error.value)


def test_a_bad_check_digit_is_refused_on_the_model():
    number = valid_number()
    wrong = number[:-1] + str((int(number[-1]) + 1) % 10)
    organisation = Organisation(name="Ny förening", slug="ny", kind="non_profit")
    organisation.organisation_number = wrong
    with pytest.raises(ValidationError) as error:
        organisation.full_clean()
    assert "organisation_number" in error.value.message_dict


def test_duplicate_organisation_numbers_are_refused():
    number = valid_number()
    OrganisationFactory(organisation_number=number)
    duplicate = Organisation(
        name="Annan förening",
        slug="annan",
        kind="non_profit",
        organisation_number=number,
    )
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "organisation_number" in error.value.message_dict
    with pytest.raises(IntegrityError):
        duplicate.save()


def test_organisations_without_a_number_do_not_collide():
    OrganisationFactory(organisation_number="")
    OrganisationFactory(organisation_number=None)
    assert Organisation.objects.filter(organisation_number__isnull=True).count() == 2
