"""What the feed tests share: time steps, and parsing a feed and its events."""

import datetime

import recurring_ical_events
from icalendar import Calendar

from events.models import CalendarToken

UTC = datetime.UTC
DAY, WEEK = datetime.timedelta(days=1), datetime.timedelta(weeks=1)


def parse(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def vevents(calendar):
    return list(calendar.walk("VEVENT"))


def summaries(calendar):
    return {str(component["SUMMARY"]) for component in vevents(calendar)}


def between(calendar, start, end):
    return recurring_ical_events.of(calendar).between(start, end)


def personal_url(user):
    token, _created = CalendarToken.objects.get_or_create(user=user)
    return f"/ical/personlig/{token.token}.ics"
