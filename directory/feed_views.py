"""The directory's calendar files, one URL whatever the language (``feed_urls``)."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Max, Sum
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.http.request import split_domain_port
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from core.query import reads_query

from . import ical
from .filters import FeedFilter
from .forms import CalendarQueryForm
from .models import Activity, DirectoryPage
from .views import detail_url, public_activity

# Calendar apps fetch a subscription every few hours; five minutes in a
# shared cache is plenty, and a day in ours, under the feed's fingerprint.
MAX_AGE = 300
FEED_CACHE_SECONDS = 24 * 3600
# The list's parameters that decide nothing about what a calendar holds.
NOT_FILTERS = {"sida", "sortering"}


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


def _fingerprint(request, activities, used, today):
    """The feed's ETag, from one aggregate query: it changes when an activity
    of the feed is added, removed or edited, and every day."""
    stats = activities.order_by().aggregate(
        count=Count("pk"), ids=Sum("pk"), changed=Max("updated_at")
    )
    key = "|".join(
        [
            request.get_host(),
            today.isoformat(),
            *(f"{name}={value}" for name, value in sorted(used.items())),
            *(str(value) for value in stats.values()),
        ]
    )
    return '"' + hashlib.sha256(key.encode()).hexdigest()[:32] + '"'


def _cached(response):
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    return response


@require_GET
@reads_query(FeedFilter)
def activities_ics(request, query_form):
    """The directory's current filter as a calendar to subscribe to.

    ``/ical/aktiviteter.ics?kommun=ystad&sprak=ar`` takes the same parameters
    as the directory page and holds the sessions of exactly the activities
    the page lists: one VEVENT each with RRULE and EXDATE, so that the
    subscriber's calendar follows every change. A value that names nothing
    gets 400, so that a mistyped subscription says so.
    """
    today = timezone.localdate()
    filterset = query_form(
        queryset=Activity.objects.current(today), request=request, today=today
    )
    form = filterset.form
    refused = [name for name in form.errors if name not in NOT_FILTERS]
    if refused:
        return HttpResponseBadRequest(
            _("Okänt värde för: %(names)s") % {"names": ", ".join(sorted(refused))},
            content_type="text/plain; charset=utf-8",
        )
    used = {
        name: form[name].data.strip()
        for name in filterset.filters
        if name not in NOT_FILTERS and form.cleaned_data.get(name) not in (None, "")
    }
    activities = filterset.qs
    etag = _fingerprint(request, activities, used, today)
    not_modified = get_conditional_response(request, etag=etag)
    if not_modified is not None:
        not_modified["ETag"] = etag
        return _cached(not_modified)
    key = f"ical-activities:{etag}"
    body = cache.get(key)
    if body is None:
        body = _build(request, filterset, activities, today)
        cache.set(key, body, FEED_CACHE_SECONDS)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["ETag"] = etag
    return _cached(response)


def _build(request, filterset, activities, today):
    """The feed's bytes. One URL for everybody: its words and links are in the
    site's language, whoever fetched it first."""
    host, _port = split_domain_port(request.get_host())
    with translation.override(settings.LANGUAGE_CODE):
        page = DirectoryPage.live_localized()
        base = page.get_url(request) if page is not None else None

        def url_for(activity):
            if base is None:
                return request.build_absolute_uri("/")
            return request.build_absolute_uri(detail_url(base, page, activity))

        described = filterset.described()
        name = _("TIA – aktiviteter")
        if described:
            name = f"{name}: {described}"
        calendar = ical.activities_calendar(
            activities.select_related("organisation", "municipality"),
            name=name,
            url_for=url_for,
            host=host,
            today=today,
        )
    return calendar.to_ical()
