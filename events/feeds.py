"""The calendar feeds (machine endpoints, no language prefix) and their sign-up page.

Calendar apps cannot sign in: the public and forum feeds hold public events
only, and a person's personal feed is reached through a secret token in its
URL. Every feed goes through ``Event.objects.visible_to``.
"""

import hashlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db.models import Count, Max, Min, Sum
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.collation import swedish
from core.feeds import webcal
from forum.access import forums_of
from forum.models import Forum

from . import ical
from .models import CalendarToken, Event

MAX_AGE = 300
# A built feed stays in the cache this long, unless its events change first.
FEED_CACHE_SECONDS = 24 * 3600


def _cache_headers(response, *, private, etag=None):
    scope = "private" if private else "public"
    response["Cache-Control"] = f"{scope}, max-age={MAX_AGE}"
    if etag:
        response["ETag"] = etag
    return response


def _ical_bytes(request, events, name):
    calendar = ical.events_calendar(
        events,
        name=name,
        url_for=lambda event: request.build_absolute_uri(ical.event_path(event)),
    )
    return calendar.to_ical()


def _calendar_response(body, *, private, etag=None):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    return _cache_headers(response, private=private, etag=etag)


def _feed_etag(request, queryset, name):
    """A fingerprint of what the feed would hold, from one aggregate query.

    It changes when an event of the feed is added, removed, edited (an edit or
    a changed occurrence bumps ``updated_at``), or an occurrence change is
    deleted, and when the set of events a person may see changes.
    """
    stats = ical.feed_candidates(queryset).aggregate(
        count=Count("pk", distinct=True),
        ids=Sum("pk", distinct=True),
        first=Min("pk"),
        last=Max("pk"),
        changed=Max("updated_at"),
        # SEQUENCE grows on every save, so any edit anywhere in the set shows.
        edits=Sum("sequence"),
        overrides=Count("overrides", distinct=True),
    )
    key = "|".join(
        [
            request.get_host(),
            get_language() or "",
            name,
            timezone.localdate().isoformat(),  # old events leave the feed daily
            *(str(value) for value in stats.values()),
        ]
    )
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    return f'"{digest}"'


def _feed(request, queryset, name, *, scope):
    """The feed, or 304 Not Modified when the calendar app has it already.

    A built feed is kept in the cache under its fingerprint, so it is built
    once per change rather than once per request. ``scope`` is "public" or the
    token owner's id: a personal feed is never served to anyone else, even if
    two people's fingerprints were to match.
    """
    private = scope != "public"
    etag = _feed_etag(request, queryset, name)
    not_modified = get_conditional_response(request, etag=etag)
    if not_modified is not None:
        return _cache_headers(not_modified, private=private, etag=etag)
    key = f"ical-feed:{scope}:{etag}"
    body = cache.get(key)
    if body is None:
        body = _ical_bytes(request, ical.feed_events(queryset), name)
        cache.set(key, body, FEED_CACHE_SECONDS)
    return _calendar_response(body, private=private, etag=etag)


def _public_events():
    return Event.objects.visible_to(AnonymousUser())


@require_GET
def feed_public(request):
    """The public events of every forum."""
    return _feed(
        request, _public_events(), _("TIA samverkan – kalender"), scope="public"
    )


@require_GET
def feed_forum(request, slug):
    """The public events of one forum; members use their personal feed for more."""
    forum = get_object_or_404(Forum, slug=slug)
    return _feed(
        request, _public_events().filter(forum=forum), forum.name, scope="public"
    )


@require_GET
def feed_personal(request, token):
    """Everything the token's owner may see, checked again on every request."""
    owner = (
        CalendarToken.objects.select_related("user")
        .filter(token=token, user__is_active=True)
        .first()
    )
    if owner is None:
        raise Http404
    return _feed(
        request,
        Event.objects.visible_to(owner.user),
        _("TIA samverkan – min kalender"),
        scope=f"user-{owner.user_id}",
    )


@require_GET
def event_ics(request, pk):
    """One event as an .ics download, for whoever is signed in and may see it."""
    event = get_object_or_404(
        Event.objects.visible_to(request.user)
        .select_related("forum")
        .prefetch_related("overrides"),
        pk=pk,
    )
    # The answer depends on who is signed in: no shared cache may keep it.
    response = _calendar_response(
        _ical_bytes(request, [event], event.title), private=True
    )
    filename = slugify(event.title) or event.pk
    response["Content-Disposition"] = f'attachment; filename="{filename}.ics"'
    return response


def _feed_url(request, name, *args):
    return request.build_absolute_uri(reverse(name, args=args))


@login_required
@require_GET
def subscribe(request):
    """The feed addresses a person can add to Outlook, Google or Apple calendars."""
    token, _created = CalendarToken.objects.get_or_create(user=request.user)
    personal = _feed_url(request, "events_feed_personal", token.token)
    public = _feed_url(request, "events_feed_public")
    forums = [
        {"forum": forum, "url": _feed_url(request, "events_feed_forum", forum.slug)}
        for forum in forums_of(request.user).order_by(swedish("name"))
    ]
    for feed in forums:
        feed["webcal"] = webcal(feed["url"])
    return render(
        request,
        "events/subscribe.html",
        {
            "personal_url": personal,
            "personal_webcal": webcal(personal),
            "public_url": public,
            "public_webcal": webcal(public),
            "forum_feeds": forums,
        },
    )


@login_required
@require_POST
def regenerate_token(request):
    """A new secret for the personal feed; the old address stops working at once."""
    token, created = CalendarToken.objects.get_or_create(user=request.user)
    if not created:
        token.regenerate()
    messages.success(
        request,
        _(
            "Din personliga kalender har fått en ny adress. Den gamla adressen "
            "fungerar inte längre: byt till den nya i din kalenderapp."
        ),
    )
    return redirect("events:subscribe")
