"""What the public-directory tests share: the list's URL and the helpers that
fetch its pages, an activity's page and its .ics file.
"""

import datetime
from zoneinfo import ZoneInfo

from django.test import Client
from django.utils import timezone

from core.geography.models import Municipality

LIST_URL = "/aktiviteter/"
STOCKHOLM = ZoneInfo("Europe/Stockholm")
WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def today():
    return timezone.localdate()


def days(n):
    return datetime.timedelta(days=n)


def detail_url(activity):
    return f"{LIST_URL}aktivitet/{activity.slug}/"


def ics_url(page, activity):
    return f"/ical/aktivitet/{activity.slug}.ics"


def get_ics(page, activity):
    """The activity's .ics, fetched over HTTP from its machine endpoint."""
    response = Client().get(ics_url(page, activity))
    assert response.status_code == 200, response.status_code
    return response


def municipality(slug):
    return Municipality.objects.get(slug=slug)


def titles(client, **params):
    response = client.get(LIST_URL, params)
    assert response.status_code == 200
    return [activity.title for activity in response.context["activities"]]


def listed(client, **params):
    return set(titles(client, **params))
