"""The activity's calendar file, one URL whatever the language (``feed_urls``)."""

from django.http import Http404, HttpResponse
from django.http.request import split_domain_port
from django.utils import translation

from core.query import reads_query

from . import ical
from .forms import CalendarQueryForm
from .models import DirectoryPage
from .views import detail_url, public_activity


@reads_query(CalendarQueryForm)
def activity_ics(request, slug, query_form):
    """The activity's sessions as an .ics file for the visitor's calendar.

    A machine endpoint: one URL whatever the language, as calendar apps keep
    it; ``?sprak=`` asks for the activity's text in another language, and the
    link to its page in that language.
    """
    language = query_form().language()
    with translation.override(language):
        page = DirectoryPage.live_localized()
    if page is None:
        raise Http404
    activity = public_activity(slug, language)
    shown = activity.text_in(language)
    with translation.override(language):
        url = request.build_absolute_uri(
            detail_url(page.get_url(request), page, activity)
        )
    host, _port = split_domain_port(request.get_host())
    # Words of our own (the organiser line) in the language of the text.
    with translation.override(shown.title.language):
        calendar = ical.activity_calendar(activity, url=url, host=host, shown=shown)
    response = HttpResponse(
        calendar.to_ical(), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{activity.slug}.ics"'
    return response
