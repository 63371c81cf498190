"""The calendar's kinds of forum notification: a seat from the waiting list, a
meeting cancelled.

Registered with the forum's renderers from ``EventsConfig.ready``: the forum
sits below the calendar and does not import it.
"""

from urllib.parse import quote

from django.urls import reverse
from django.utils.translation import gettext as _

from forum.notification_texts import Message, renders, when


@renders("waitlist_seat")
def waitlist_seat(params):
    url = reverse("events:event_detail", args=[params["event"]])
    return Message(
        _("Du har fått en plats: %(title)s") % {"title": params["title"]},
        _(
            "En plats har blivit ledig på %(title)s %(when)s och du står inte "
            "längre på väntelistan: du är anmäld. Kan du inte komma, lämna "
            "återbud på sidan så att nästa på väntelistan får platsen."
        )
        % {"title": params["title"], "when": when(params["when"])},
        f"{url}?tillfalle={quote(params['occurrence'])}#svar",
    )


@renders("meeting_cancelled")
def meeting_cancelled(params):
    values = {"title": params["title"], "when": when(params["when"])}
    if params.get("series"):
        body = _(
            "Alla kommande tillfällen av %(title)s är inställda. Du hade anmält "
            "att du kommer."
        )
    else:
        body = _("%(title)s %(when)s är inställt. Du hade anmält att du kommer.")
    body = body % values
    if params.get("note"):
        body = f"{body}\n\n{params['note']}"
    return Message(
        _("Inställt: %(title)s") % values,
        body,
        reverse("events:event_detail", args=[params["event"]]),
    )
