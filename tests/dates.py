"""Dates for tests, computed from the clock so that no test expires.

A test either computes its dates from now (the real clock, or one frozen with
time-machine) or travels with time-machine to a moment before the fixed dates
it is about. A future year is never written into a test.
"""

import calendar
import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

STOCKHOLM = ZoneInfo("Europe/Stockholm")
TUESDAY = 1


def local(*args):
    """A time in Stockholm: ``local(2021, 3, 30, 17)``."""
    return datetime.datetime(*args, tzinfo=STOCKHOLM)


def at(day, hour=0, minute=0):
    """``day`` at ``hour``:``minute`` Stockholm time."""
    return datetime.datetime.combine(day, datetime.time(hour, minute), STOCKHOLM)


def today():
    return timezone.localdate()


def next_year():
    return today().year + 1


def next_weekday(weekday, after=None):
    """The first day after ``after`` (default today) on ``weekday`` (0 = Monday)."""
    day = (after or today()) + datetime.timedelta(days=1)
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


def last_sunday(year, month):
    last = datetime.date(year, month, calendar.monthrange(year, month)[1])
    return last - datetime.timedelta(days=(last.weekday() + 1) % 7)


def summer_time_starts(year):
    """Europe changes to summer time on the last Sunday of March."""
    return last_sunday(year, 3)


def winter_time_starts(year):
    """… and back on the last Sunday of October."""
    return last_sunday(year, 10)
