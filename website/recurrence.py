"""Recurrence rules (RFC 5545 RRULE), parsed strictly and checked in one place.

Used by the forms and the models of activities and events, so that the site,
the Wagtail admin and the demo data all refuse the same rules, and no stored
rule can fail or run away when its occurrences are expanded.
"""

import calendar
import datetime
import re

from dateutil.rrule import rrulestr
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

BAD_RULE = _("Upprepningen går inte att läsa. Skriv t.ex. FREQ=WEEKLY;BYDAY=TU.")

# The parts of an iCalendar rule an activity needs; hourly or by-the-minute
# rules and the rarer parts are left out, so that every rule can be shown in
# words and expanded quickly.
RULE_PARTS = {
    "FREQ",
    "INTERVAL",
    "COUNT",
    "UNTIL",
    "BYDAY",
    "BYMONTHDAY",
    "BYMONTH",
    "BYSETPOS",
    "WKST",
}
FREQUENCIES = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"}
RULE_CHARACTERS = re.compile(r"^[A-Z0-9=;,+\-]+$")


def parse_rule(text):
    """The rule's parts as a dict; ValidationError when the text is not a rule."""
    if not RULE_CHARACTERS.match(text):
        raise ValidationError(BAD_RULE, code="rrule")
    parts = {}
    for pair in text.split(";"):
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or not name or not value.strip():
            raise ValidationError(BAD_RULE, code="rrule")
        if name not in RULE_PARTS or name in parts:
            raise ValidationError(BAD_RULE, code="rrule")
        parts[name] = value.strip()
    return parts


def _numbers(value):
    return [int(n) for n in value.split(",")]


def check_rule_parts(parts):
    """Refuse rules that dateutil accepts but that never or endlessly meet."""
    if parts.get("FREQ") not in FREQUENCIES:
        raise ValidationError(
            _(
                "En aktivitet kan upprepas dagligen (DAILY), varje vecka (WEEKLY), "
                "varje månad (MONTHLY) eller varje år (YEARLY)."
            ),
            code="rrule_freq",
        )
    try:
        if "INTERVAL" in parts and int(parts["INTERVAL"]) < 1:
            raise ValueError
        if "COUNT" in parts and not 1 <= int(parts["COUNT"]) <= 1000:
            raise ValueError
        months = _numbers(parts["BYMONTH"]) if "BYMONTH" in parts else range(1, 13)
        days = _numbers(parts["BYMONTHDAY"]) if "BYMONTHDAY" in parts else [1]
    except ValueError:
        raise ValidationError(BAD_RULE, code="rrule") from None
    if not all(1 <= m <= 12 for m in months) or not all(
        1 <= abs(d) <= 31 for d in days
    ):
        raise ValidationError(BAD_RULE, code="rrule")
    # 30 February and the like: a rule that never meets.
    if not any(
        abs(day) <= calendar.monthrange(2024, month)[1]
        for month in months
        for day in days
    ):
        raise ValidationError(
            _("Upprepningen ger inga tillfällen: den dagen finns inte i den månaden."),
            code="rrule_empty",
        )


def validate_rule(text, start_date):
    """Return the rule normalised (upper case, no RRULE: prefix) or raise."""
    text = (text or "").strip()
    if not text:
        return ""
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    text = text.upper()
    check_rule_parts(parse_rule(text))
    try:
        rule = rrulestr(
            text, dtstart=datetime.datetime.combine(start_date, datetime.time())
        )
        first = next(iter(rule), None)
    # dateutil reports bad rules in several ways; whichever, it is the
    # member's input, and they get a message rather than an error page.
    except Exception:
        raise ValidationError(BAD_RULE, code="rrule") from None
    if first is None:
        raise ValidationError(
            _(
                "Upprepningen ger inga tillfällen efter startdatumet. Kontrollera "
                "UNTIL och COUNT."
            ),
            code="rrule_empty",
        )
    return text
