"""Planning a meeting on the site: the rule in plain words, holidays, the save.

The form (``events/planning_forms.py``) asks for the repetition in words; this
module turns the words into an RRULE and back, finds the Swedish public
holidays a series would meet, and saves an edit only when nobody else saved
the event since the convener opened it. Rules are checked by the shared code
in ``core/recurrence.py``, as in the admin and the demo data.
"""

import datetime

import holidays
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.recurrence import local_rule, parse_rule
from core.sanitizer import clean_html
from forum.notification_texts import iso
from forum.notifications import notify_users

from .models import RSVP, Event
from .models.calendar import MAX_OCCURRENCES

WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
POSITIONS = [1, 2, 3, 4, -1]
# A series without an end meets holidays for ever; these years are skipped.
HOLIDAY_YEARS = 5
# holidays lists every Sunday as a holiday in Sweden when asked to; these are
# not public holidays, whatever the library's options are.
NOT_PUBLIC_HOLIDAYS = {"Söndag", "Sunday"}


class Repeat(models.TextChoices):
    NONE = "none", _("Upprepas inte")
    WEEKLY = "weekly", _("Varje vecka")
    BIWEEKLY = "biweekly", _("Varannan vecka")
    MONTHLY_WEEKDAY = "monthly_weekday", _("Varje månad på en viss veckodag")
    MONTHLY_DAY = "monthly_day", _("Varje månad på ett visst datum")
    # Only offered when the stored rule is one the words cannot say.
    KEEP = "keep", _("Behåll upprepningen som den är")


class Ending(models.TextChoices):
    NEVER = "never", _("Aldrig")
    COUNT = "count", _("Efter ett antal gånger")
    UNTIL = "until", _("På ett datum")


def build_rule(
    repeat,
    *,
    weekdays=(),
    position=None,
    weekday=None,
    month_day=None,
    ending=Ending.NEVER,
    count=None,
    until=None,
):
    """The RRULE the words describe ("" for a meeting that does not repeat).

    ``weekdays`` and ``weekday`` are numbers (0 = Monday); ``until`` a date.
    """
    if repeat == Repeat.NONE:
        return ""
    if repeat in (Repeat.WEEKLY, Repeat.BIWEEKLY):
        parts = ["FREQ=WEEKLY"]
        if repeat == Repeat.BIWEEKLY:
            parts.append("INTERVAL=2")
        parts.append("BYDAY=" + ",".join(WEEKDAY_CODES[d] for d in sorted(weekdays)))
    elif repeat == Repeat.MONTHLY_WEEKDAY:
        parts = ["FREQ=MONTHLY", f"BYDAY={position}{WEEKDAY_CODES[weekday]}"]
    elif repeat == Repeat.MONTHLY_DAY:
        parts = ["FREQ=MONTHLY", f"BYMONTHDAY={month_day}"]
    else:
        raise ValueError(f"No rule for {repeat!r}")
    if ending == Ending.COUNT:
        parts.append(f"COUNT={count}")
    elif ending == Ending.UNTIL:
        parts.append(f"UNTIL={until:%Y%m%d}")
    return ";".join(parts)


def _ending_words(parts):
    if "COUNT" in parts and "UNTIL" in parts:
        return None
    if "COUNT" in parts:
        return {"ending": Ending.COUNT, "count": int(parts["COUNT"])}
    if "UNTIL" in parts:
        value = parts["UNTIL"]
        if len(value) != 8:
            return None
        return {
            "ending": Ending.UNTIL,
            "until": datetime.datetime.strptime(value, "%Y%m%d").date(),
        }
    return {"ending": Ending.NEVER}


def rule_choices(rule):
    """The form's words for ``rule``, or None when the words cannot say it."""
    if not rule:
        return {"repeat": Repeat.NONE, "ending": Ending.NEVER}
    try:
        parts = parse_rule(rule)
        ending = _ending_words(parts)
        interval = int(parts.get("INTERVAL", "1"))
    except (ValidationError, ValueError):
        return None
    if ending is None:
        return None
    rest = set(parts) - {"FREQ", "INTERVAL", "COUNT", "UNTIL"}
    byday = [d for d in parts.get("BYDAY", "").split(",") if d]
    freq = parts["FREQ"]
    if freq == "WEEKLY" and rest == {"BYDAY"} and interval in (1, 2):
        if not all(code in WEEKDAY_CODES for code in byday):
            return None
        repeat = Repeat.WEEKLY if interval == 1 else Repeat.BIWEEKLY
        days = sorted(WEEKDAY_CODES.index(code) for code in byday)
        return ending | {"repeat": repeat, "weekdays": days}
    if freq != "MONTHLY" or interval != 1:
        return None
    if rest == {"BYDAY"} and len(byday) == 1 and byday[0][-2:] in WEEKDAY_CODES:
        try:
            position = int(byday[0][:-2])
        except ValueError:
            return None
        if position not in POSITIONS:
            return None
        return ending | {
            "repeat": Repeat.MONTHLY_WEEKDAY,
            "position": position,
            "month_weekday": WEEKDAY_CODES.index(byday[0][-2:]),
        }
    if rest == {"BYMONTHDAY"}:
        try:
            day = int(parts["BYMONTHDAY"])
        except ValueError:
            return None
        if 1 <= day <= 31:
            return ending | {"repeat": Repeat.MONTHLY_DAY, "month_day": day}
    return None


def series_starts(rule, local_start, limit=MAX_OCCURRENCES + 1, last_day=None):
    """Naive local starts of the series (at most ``limit``, up to ``last_day``)."""
    if not rule:
        return [local_start]
    starts = []
    for start in local_rule(rule, local_start):
        if last_day and start.date() > last_day:
            break
        starts.append(start)
        if len(starts) >= limit:
            break
    return starts


def public_holidays(first, last):
    """{date: name} of the Swedish public holidays from ``first`` to ``last``."""
    found = holidays.country_holidays(
        "SE", years=range(first.year, last.year + 1), language="sv"
    )
    return {
        day: name
        for day, name in found.items()
        if first <= day <= last and name not in NOT_PUBLIC_HOLIDAYS
    }


def holidays_in_series(rule, local_start):
    """{date: name} of the public holidays the series would meet on.

    An open series is looked at for ``HOLIDAY_YEARS`` years from its start.
    """
    if not rule:
        return {}
    horizon = local_start.date().replace(month=1, day=1)
    horizon = horizon.replace(year=horizon.year + HOLIDAY_YEARS) - datetime.timedelta(
        days=1
    )
    days = [
        start.date() for start in series_starts(rule, local_start, last_day=horizon)
    ]
    if not days:
        return {}
    found = public_holidays(days[0], days[-1])
    return {day: found[day] for day in days if day in found}


def holiday_names(dates):
    """{date: name} for those of ``dates`` that are Swedish public holidays."""
    if not dates:
        return {}
    found = public_holidays(min(dates), max(dates))
    return {day: found[day] for day in dates if day in found}


# What the planning form changes; an edit writes these and nothing else.
PLANNED_FIELDS = [
    "title",
    "kind",
    "visibility",
    "start",
    "end",
    "all_day",
    "venue",
    "online_url",
    "capacity",
    "description",
    "rrule",
    "exdates",
    "skip_holidays",
]


def save_planned(event, version=None):
    """Save a new event, or an edit made from ``version`` (its ``sequence``).

    The edit is one conditional UPDATE: when someone else saved the event in
    the meantime (its sequence grew), nothing is written and False comes back.
    """
    if event.pk is None:
        event.save()
        return True
    event.description = clean_html(event.description)
    values = {name: getattr(event, name) for name in PLANNED_FIELDS}
    written = Event.objects.filter(pk=event.pk, sequence=version).update(
        **values, sequence=F("sequence") + 1, updated_at=timezone.now()
    )
    if written:
        event.sequence = version + 1
    return bool(written)


def set_cancelled(event, cancelled, note=""):
    """Cancel ``event`` (with a note for those who come) or reinstate it.

    One conditional UPDATE, so a second click or another convener's
    simultaneous one changes nothing; the SEQUENCE grows, so calendar apps
    fetch the change. Returns whether this call changed the event.
    """
    written = Event.objects.filter(pk=event.pk, cancelled=not cancelled).update(
        cancelled=cancelled,
        cancellation_note=note if cancelled else "",
        sequence=F("sequence") + 1,
        updated_at=timezone.now(),
    )
    if written and cancelled:
        tell_cancelled(event, note)
    return bool(written)


def tell_cancelled(event, note):
    """Tell everyone who said they would come to a coming occurrence (the text:
    ``events.notification_texts``)."""
    now = timezone.now()
    coming = RSVP.objects.filter(
        event=event, answer=RSVP.Answer.GOING, occurrence_start__gte=now
    )
    users = get_user_model().objects.filter(
        pk__in=coming.values("user"), is_active=True
    )
    first = (
        coming.order_by("occurrence_start")
        .values_list("occurrence_start", flat=True)
        .first()
    )
    notify_users(
        users,
        "meeting_cancelled",
        {
            "event": event.pk,
            "title": event.title,
            "when": iso(first or event.start),
            "series": bool(event.rrule),
            "note": note,
        },
    )
