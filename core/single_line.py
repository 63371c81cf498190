"""Single-line text: no line breaks or other control characters.

A line break in a thread's title would move text from a mail's subject into
its body (header injection), and other control characters show as nothing or
as garbage in lists, feeds and CSV files. Every single-line field that people
fill in takes :func:`single_line` as a validator.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# C0 (tab, line feed, carriage return included), DEL and C1, plus the Unicode
# line and paragraph separators.
CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
CONTROL_RUN_RE = re.compile(CONTROL_RE.pattern + "+")


def single_line(value):
    """Field validator: refuse line breaks and other control characters."""
    if CONTROL_RE.search(str(value or "")):
        raise ValidationError(
            _("Skriv på en rad, utan radbrytningar eller andra styrtecken."),
            code="control_characters",
        )


def one_line(text):
    """``text`` with each run of control characters replaced by one space."""
    return CONTROL_RUN_RE.sub(" ", str(text)).strip()
