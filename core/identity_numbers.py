"""Swedish identity numbers in free text: refused, since the platform keeps none.

The platform counts participation but never records who takes part (docs/
architecture.md, "No identities of participants"). Members write about
activities and meetings in many text fields, and a personal identity number
(personnummer) or coordination number (samordningsnummer, day of birth + 60)
typed there would put an asylum seeker's identity on record. A number counts
as one only when its date exists and its Luhn check digit is right, so that
organisation numbers (the month would be 20 or more), phone numbers and dates
pass.
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Optional century, YYMMDD, an optional "-" or "+" (100 years or older), NNNC;
# not inside a longer run of digits.
CANDIDATE_RE = re.compile(
    r"(?<![\d])(?P<century>\d{2})?(?P<yy>\d{2})(?P<mm>\d{2})(?P<dd>\d{2})"
    r"(?P<sep>[-+])?(?P<serial>\d{4})(?![\d])"
)
COORDINATION_OFFSET = 60

MESSAGE = _(
    "Texten ser ut att innehålla ett personnummer eller samordningsnummer. "
    "Skriv inte deltagares identitet här: plattformen räknar deltagande men "
    "sparar aldrig vem som deltar."
)


def luhn_valid(digits):
    """The Luhn check (modulus 10) that the last digit of ``digits`` satisfies."""
    total = 0
    for index, char in enumerate(digits):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _date_exists(year, month, day):
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def _valid_date(century, yy, month, day):
    if day > COORDINATION_OFFSET:
        day -= COORDINATION_OFFSET
    if century is not None:
        return _date_exists(century * 100 + yy, month, day)
    # Without a century only 29 February depends on it: either may be meant.
    return any(_date_exists(c * 100 + yy, month, day) for c in (18, 19, 20))


def find(text):
    """The personal identity and coordination numbers in ``text``, as written."""
    found = []
    for match in CANDIDATE_RE.finditer(text or ""):
        century = match["century"]
        if century is not None and match["sep"] == "+":
            # "+" marks a number written without its century.
            continue
        ten = match["yy"] + match["mm"] + match["dd"] + match["serial"]
        if not _valid_date(
            int(century) if century else None,
            int(match["yy"]),
            int(match["mm"]),
            int(match["dd"]),
        ):
            continue
        if luhn_valid(ten):
            found.append(match.group(0))
    return found


def contains_identity_number(text):
    return bool(find(text))


def no_identity_numbers(value):
    """Field validator: refuse text holding a personal or coordination number."""
    if contains_identity_number(str(value or "")):
        raise ValidationError(MESSAGE, code="identity_number")
