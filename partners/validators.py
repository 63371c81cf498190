"""Swedish organisation numbers (organisationsnummer)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ORG_NUMBER_RE = re.compile(r"^(\d{6})-?(\d{4})$")


def luhn_valid(digits: str) -> bool:
    """The Luhn check (modulus 10) that the last digit of the number satisfies."""
    total = 0
    for index, char in enumerate(digits):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def normalise_organisation_number(value: str) -> str:
    """Return the number as NNNNNN-NNNN, or raise a ValidationError saying why."""
    value = (value or "").strip().replace(" ", "")
    match = ORG_NUMBER_RE.match(value)
    if not match:
        raise ValidationError(
            _("Skriv organisationsnumret med tio siffror, t.ex. 802002-1234."),
            code="format",
        )
    digits = match.group(1) + match.group(2)
    if int(digits[2]) < 2:
        raise ValidationError(
            _(
                "Det här ser ut som ett personnummer. Ange organisationens "
                "nummer: den tredje siffran är 2 eller högre."
            ),
            code="personal_number",
        )
    if not luhn_valid(digits):
        raise ValidationError(
            _("Organisationsnumret stämmer inte: kontrollsiffran är fel."),
            code="check_digit",
        )
    return f"{digits[:6]}-{digits[6:]}"


def validate_organisation_number(value: str) -> None:
    normalise_organisation_number(value)
