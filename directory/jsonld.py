"""schema.org JSON-LD for an activity, so search engines can show it as an event."""

import re

from django.conf import settings
from django.utils import timezone

from core.sanitizer import plain_text
from core.seo import absolute

from .ical import at, excluded_dates, first_session, last_session, upcoming_sessions
from .ical import recurrence as parse_recurrence
from .models import Activity

SCHEMA = "https://schema.org/"

DAYS = {
    "MO": "Monday",
    "TU": "Tuesday",
    "WE": "Wednesday",
    "TH": "Thursday",
    "FR": "Friday",
    "SA": "Saturday",
    "SU": "Sunday",
}
FREQUENCIES = {"DAILY": "D", "WEEKLY": "W", "MONTHLY": "M", "YEARLY": "Y"}
ATTENDANCE = {
    Activity.Mode.IN_PERSON: "OfflineEventAttendanceMode",
    Activity.Mode.ONLINE: "OnlineEventAttendanceMode",
    Activity.Mode.HYBRID: "MixedEventAttendanceMode",
}
GENDER = {Activity.TargetGroup.WOMEN: "Female", Activity.TargetGroup.MEN: "Male"}

_WEEKDAY = re.compile(r"(MO|TU|WE|TH|FR|SA|SU)$")


def _schedule(activity, recur):
    """A schema.org Schedule for a recurring activity."""
    frequency = str(recur["FREQ"][0]).upper()
    interval = int(recur.get("INTERVAL", [1])[0] or 1)
    schedule = {
        "@type": "Schedule",
        "startDate": activity.start_date.isoformat(),
        "scheduleTimezone": settings.TIME_ZONE,
    }
    if frequency in FREQUENCIES:
        schedule["repeatFrequency"] = f"P{interval}{FREQUENCIES[frequency]}"
    days = []
    for value in recur.get("BYDAY", []):
        match = _WEEKDAY.search(str(value).upper())
        if match:
            days.append(SCHEMA + DAYS[match.group(1)])
    if not days and frequency == "WEEKLY":
        days.append(SCHEMA + list(DAYS.values())[activity.start_date.weekday()])
    if days:
        schedule["byDay"] = days
    if recur.get("COUNT"):
        schedule["repeatCount"] = int(recur["COUNT"][0])
    last = last_session(activity)
    if last:
        schedule["endDate"] = last.isoformat()
    if activity.start_time:
        schedule["startTime"] = activity.start_time.isoformat()
    if activity.end_time:
        schedule["endTime"] = activity.end_time.isoformat()
    cancelled = sorted(excluded_dates(activity))
    if cancelled:
        schedule["exceptDate"] = [day.isoformat() for day in cancelled]
    return schedule


def _locations(activity, url):
    places = []
    if activity.mode != Activity.Mode.ONLINE:
        address = {
            "@type": "PostalAddress",
            "addressLocality": activity.municipality.name,
            "addressCountry": "SE",
        }
        if activity.address:
            address["streetAddress"] = activity.address
        place = {
            "@type": "Place",
            "name": activity.venue or activity.municipality.name,
            "address": address,
        }
        if activity.latitude is not None and activity.longitude is not None:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(activity.latitude),
                "longitude": float(activity.longitude),
            }
        places.append(place)
    if activity.mode != Activity.Mode.IN_PERSON:
        places.append(
            {"@type": "VirtualLocation", "url": activity.registration_url or url}
        )
    return places[0] if len(places) == 1 else places


def _next_session(activity, today):
    """The day of the next session (today's included), else the first."""
    coming = upcoming_sessions(activity, today, limit=1)
    return coming[0] if coming else first_session(activity)


def activity_data(activity, *, url, shown=None, today=None):
    """The JSON-LD object for ``activity``, whose public page is at ``url``.

    The event's ``startDate`` and ``endDate`` are those of the next session
    (search engines read them as one event's span); a recurring activity's
    series, first to last session, is its ``eventSchedule``.

    Name and description are the page's (``shown``, an ``ActivityText``): a
    translated page describes the activity in its language, with the summary
    alone, as the Swedish description is not translated. ``inLanguage`` is
    the languages the activity is held and supported in.
    """
    is_language_course = activity.category == Activity.Category.SWEDISH
    shown = shown or activity.text_in("sv")
    if shown.translated:
        description = shown.summary.value
    else:
        description = "\n\n".join(
            part
            for part in [activity.summary, plain_text(activity.description)]
            if part
        )
    session = _next_session(activity, today or timezone.localdate())
    languages = [language.code for language in activity.instruction_languages.all()]
    languages += [
        language.code
        for language in activity.support_languages.all()
        if language.code not in languages
    ]
    data = {
        "@context": "https://schema.org",
        "@type": "EducationEvent" if is_language_course else "Event",
        "@id": url,
        "url": url,
        "name": shown.title.value,
        "description": description,
        "startDate": at(session, activity.start_time).isoformat(),
        "eventStatus": SCHEMA + "EventScheduled",
        "eventAttendanceMode": SCHEMA + ATTENDANCE[activity.mode],
        "location": _locations(activity, url),
        "organizer": {"@type": "Organization", "name": activity.organisation.name},
        "inLanguage": languages,
        "isAccessibleForFree": activity.free_of_charge,
    }
    if activity.organisation.website:
        data["organizer"]["url"] = activity.organisation.website
    try:
        recur = parse_recurrence(activity)
    except (ValueError, TypeError):
        recur = None
    if recur is not None:
        data["eventSchedule"] = _schedule(activity, recur)
    if activity.end_time:
        data["endDate"] = at(session, activity.end_time).isoformat()
    elif activity.start_time is None:
        data["endDate"] = session.isoformat()  # a day without times
    if activity.free_of_charge:
        data["offers"] = {
            "@type": "Offer",
            "price": 0,
            "priceCurrency": "SEK",
            "url": activity.registration_url or url,
        }
    if activity.capacity:
        data["maximumAttendeeCapacity"] = activity.capacity
    if activity.target_group in GENDER:
        data["audience"] = {
            "@type": "PeopleAudience",
            "requiredGender": GENDER[activity.target_group],
        }
    return data


def list_data(page, *, url, activities, count, offset=0):
    """The directory page as a schema.org CollectionPage whose ItemList is
    the activities on this page of the list (``activities``, each with its
    ``detail_url`` and ``shown`` text; ``offset`` those on earlier pages,
    ``count`` all the list's)."""
    data = {
        "@context": "https://schema.org",
        "@type": "CollectionPage",
        "@id": url,
        "url": url,
        "name": page.title,
        "mainEntity": {
            "@type": "ItemList",
            "numberOfItems": count,
            "itemListElement": [
                {
                    "@type": "ListItem",
                    "position": offset + number,
                    "url": absolute(activity.detail_url),
                    "name": str(activity.shown.title),
                }
                for number, activity in enumerate(activities, start=1)
            ],
        },
    }
    description = page.search_description or page.intro
    if description:
        data["description"] = description
    return data


__all__ = ["activity_data", "list_data"]
