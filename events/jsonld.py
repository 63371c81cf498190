"""schema.org JSON-LD of a public event's page, so search engines can show it."""

from django.urls import reverse

from core.sanitizer import plain_text
from core.seo import absolute
from forum.models import Visibility

SCHEMA = "https://schema.org/"


def event_data(event, occurrence=None):
    """The JSON-LD Event of a public ``event`` about ``occurrence`` (the one
    asked for or the next; the event's own times when there is none), or
    None for a members-only event."""
    if event.visibility != Visibility.PUBLIC:
        return None
    url = absolute(reverse("events:event_detail", args=[event.pk]))
    start, end = event.start, event.end
    cancelled = event.cancelled
    venue = event.venue
    if occurrence is not None:
        start, end = occurrence.start, occurrence.end
        cancelled = cancelled or occurrence.cancelled
        venue = occurrence.venue or venue
    if event.all_day:
        start, end = start.date(), end.date()
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": url,
        "url": url,
        "name": event.title,
        "startDate": start.isoformat(),
        "endDate": end.isoformat(),
        "eventStatus": SCHEMA + ("EventCancelled" if cancelled else "EventScheduled"),
        "organizer": {
            "@type": "Organization",
            "name": event.organiser.name if event.organiser else event.forum.name,
        },
    }
    description = plain_text(event.description)
    if description:
        data["description"] = description
    places = []
    if venue:
        places.append({"@type": "Place", "name": venue})
    if event.online_url:
        # The link itself is for those taking part; the page says how.
        places.append({"@type": "VirtualLocation", "url": url})
    if places:
        data["location"] = places[0] if len(places) == 1 else places
        data["eventAttendanceMode"] = SCHEMA + (
            "MixedEventAttendanceMode"
            if len(places) > 1
            else "OnlineEventAttendanceMode"
            if event.online_url
            else "OfflineEventAttendanceMode"
        )
    if event.capacity:
        data["maximumAttendeeCapacity"] = event.capacity
    return data
