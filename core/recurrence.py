"""Recurrence rules (RFC 5545 RRULE), parsed strictly and checked in one place.

Used by the forms and the models of activities and events, so that the site,
the Wagtail admin and the demo data all refuse the same rules, and no stored
rule can fail or run away when its occurrences are expanded.
"""

import calendar
import datetime
import re
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
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
UNTIL_VALUE = re.compile(r"(?<![A-Z])UNTIL=([0-9]{8})(T[0-9]{6}Z?)?", re.IGNORECASE)
# The last second of a day: UNTIL given as a date keeps that day's occurrence.
END_OF_DAY = datetime.time(23, 59, 59)


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


def _local_until(match, tz):
    """An UNTIL value as local wall-clock time, the form dateutil's rule needs.

    RFC 5545 makes UNTIL inclusive. A date means the whole of that day (a
    17:00 meeting on that day still takes place); a UTC time (the form RFC 5545
    asks for when DTSTART has a time zone) is read in the series' zone.
    """
    date_text, time_text = match[1], (match[2] or "").upper()
    if not time_text:
        day = datetime.datetime.strptime(date_text, "%Y%m%d").date()
        until = datetime.datetime.combine(day, END_OF_DAY)
    else:
        until = datetime.datetime.strptime(date_text + time_text[:7], "%Y%m%dT%H%M%S")
        if time_text.endswith("Z"):
            until = until.replace(tzinfo=datetime.UTC).astimezone(tz)
            until = until.replace(tzinfo=None)
    return f"UNTIL={until:%Y%m%dT%H%M%S}"


def local_rule(text, dtstart, tz):
    """The rule as a dateutil rule in local wall-clock time from ``dtstart``.

    ``dtstart`` is naive local time in ``tz``, so a 17:00 series stays at 17:00
    across the daylight-saving changes; UNTIL is brought to the same footing.
    Raises ValueError (or TypeError) when dateutil cannot read the rule.
    """
    text = (text or "").strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    text = UNTIL_VALUE.sub(lambda match: _local_until(match, tz), text)
    return rrulestr(text, dtstart=dtstart)


def ical_until(value, all_day, tz):
    """UNTIL as RFC 5545 wants it: a date for all-day series, else UTC.

    A date means "up to and including that day"; a naive time is local in ``tz``.
    """
    if all_day:
        if isinstance(value, datetime.datetime):
            if timezone.is_aware(value):
                value = value.astimezone(tz)
            return value.date()
        return value
    if not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, END_OF_DAY)
    if timezone.is_naive(value):
        value = value.replace(tzinfo=tz)
    return value.astimezone(datetime.UTC)


def validate_rule(text, start_date, tz=None):
    """Return the rule normalised (upper case, no RRULE: prefix) or raise.

    ``tz`` is the zone the series runs in (the site's by default).
    """
    text = (text or "").strip()
    if not text:
        return ""
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    text = text.upper()
    check_rule_parts(parse_rule(text))
    try:
        rule = local_rule(
            text,
            datetime.datetime.combine(start_date, datetime.time()),
            tz or ZoneInfo(settings.TIME_ZONE),
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
