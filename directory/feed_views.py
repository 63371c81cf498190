"""The activity's calendar file, one URL whatever the language (``feed_urls``)."""

from django.http import Http404, HttpResponse
from django.http.request import split_domain_port

from . import ical
from .models import DirectoryPage
from .views import detail_url, public_activity


def activity_ics(request, slug):
    """The activity's sessions as an .ics file for the visitor's calendar.

    A machine endpoint: one URL whatever the language, as calendar apps keep it.
    """
    page = DirectoryPage.live_localized()
    if page is None:
        raise Http404
    activity = public_activity(slug)
    url = request.build_absolute_uri(detail_url(page.get_url(request), page, activity))
    host, _port = split_domain_port(request.get_host())
    calendar = ical.activity_calendar(activity, url=url, host=host)
    response = HttpResponse(
        calendar.to_ical(), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{activity.slug}.ics"'
    return response
