"""schema.org JSON-LD for an activity, so search engines can show it as an event."""

import json
import re

from django.conf import settings
from django.utils.safestring import mark_safe

from core.sanitizer import plain_text

from .ical import at, excluded_dates, first_session, last_session
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

# Characters that could end the <script> element or start markup inside it;
# JSON allows them written as \u escapes, so the data stays the same.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
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


def activity_data(activity, *, url, shown=None):
    """The JSON-LD object for ``activity``, whose public page is at ``url``.

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
    first = first_session(activity)
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
        "startDate": at(first, activity.start_time).isoformat(),
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
        last = last_session(activity)
        if last:
            data["endDate"] = at(last, activity.end_time).isoformat()
    elif activity.end_time:
        data["endDate"] = at(first, activity.end_time).isoformat()
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


def script_content(data):
    """``data`` as JSON that is safe to place between <script> tags."""
    text = json.dumps(data, ensure_ascii=False)
    return mark_safe(text.translate(_SCRIPT_ESCAPES))  # noqa: S308 - <, >, & escaped
