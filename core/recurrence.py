"""Recurrence rules (RFC 5545 RRULE): the one implementation every room uses.

Parsing and checking (the forms and models of activities and events, so that
the site, the Wagtail admin and the demo data all refuse the same rules and no
stored rule can fail or run away when expanded), expansion in local wall-clock
time (dateutil), and the rule as iCalendar writes it, UNTIL converted for
all-day and timed series (icalendar). The local zone is the site's
(``settings.TIME_ZONE``).
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
from icalendar import vRecur

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


def local_timezone():
    """The zone series run in and naive times are read in: the site's."""
    return ZoneInfo(settings.TIME_ZONE)


def rule_text(text):
    """The stored rule as a bare RRULE value: no whitespace, no ``RRULE:`` prefix."""
    text = (text or "").strip()
    return text[6:] if text.upper().startswith("RRULE:") else text


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


def local_rule(text, dtstart, tz=None):
    """The rule as a dateutil rule in local wall-clock time from ``dtstart``.

    ``dtstart`` is naive local time in ``tz`` (the site's zone by default), so
    a 17:00 series stays at 17:00 across the daylight-saving changes; UNTIL is
    brought to the same footing. Raises ValueError (or TypeError) when dateutil
    cannot read the rule.
    """
    tz = tz or local_timezone()
    text = UNTIL_VALUE.sub(lambda match: _local_until(match, tz), rule_text(text))
    return rrulestr(text, dtstart=dtstart)


def ical_rule(text):
    """The stored rule parsed by icalendar (a ``vRecur``); None when there is none.

    Raises ValueError when the text cannot be read, or has no FREQ.
    """
    text = rule_text(text)
    if not text:
        return None
    recur = vRecur.from_ical(text)
    if "FREQ" not in recur:
        raise ValueError("RRULE without FREQ")
    return recur


def ical_recurrence(text, *, all_day, until=None, tz=None):
    """The rule for an iCalendar RRULE property, UNTIL as RFC 5545 wants it.

    ``until`` is the last day of a series whose rule has neither UNTIL nor
    COUNT (an activity's end date). None when there is no rule; ValueError
    when it cannot be read.
    """
    recur = ical_rule(text)
    if recur is None:
        return None
    if recur.get("UNTIL"):
        until = recur["UNTIL"][0]
    elif recur.get("COUNT"):
        until = None
    if until is not None:
        recur["UNTIL"] = [ical_until(until, all_day, tz)]
    return recur


def excluded_dates(values):
    """The dates of stored ISO strings (cancelled sessions); malformed ones skipped."""
    dates = set()
    for value in values or []:
        try:
            dates.add(datetime.date.fromisoformat(str(value)))
        except ValueError:
            continue
    return dates


def ical_until(value, all_day, tz=None):
    """UNTIL as RFC 5545 wants it: a date for all-day series, else UTC.

    A date means "up to and including that day"; a naive time is local in
    ``tz`` (the site's zone by default).
    """
    tz = tz or local_timezone()
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
    if not (text or "").strip():
        return ""
    text = rule_text(text).upper()
    check_rule_parts(parse_rule(text))
    try:
        rule = local_rule(
            text, datetime.datetime.combine(start_date, datetime.time()), tz
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
