"""What the home page lists below its search: the next public events, the
newest activities and the coordinators, each read in a fixed number of
queries whatever the number of rows."""

import datetime

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone

from core.i18n.content import with_content_languages
from core.i18n.locales import active_locale_id
from core.i18n.names import reader_language
from directory.filters import ActivityFilter
from directory.models import Activity, DirectoryPage
from events.calendar import expand
from events.models import Event
from forum.models import Coordinator
from knowledge.followup.report import public_reports
from knowledge.models import KnowledgeIndexPage, KnowledgePage

EVENTS_SHOWN = 4
ACTIVITIES_SHOWN = 6
# How far ahead the home page looks for events.
EVENTS_AHEAD = datetime.timedelta(days=120)


def search_form():
    """The directory's own filter form, unbound: its municipality (``kommun``)
    and language (``sprak``) fields, with the choices the directory offers."""
    return ActivityFilter(queryset=Activity.objects.none()).form


def next_public_events(now=None, limit=EVENTS_SHOWN):
    """The next ``limit`` occurrences of public events that are not cancelled,
    each with its ``url``."""
    now = now or timezone.now()
    end = now + EVENTS_AHEAD
    events = (
        Event.objects.visible_to(AnonymousUser())
        .overlapping(now, end)
        .with_calendar_relations()
    )
    upcoming = [
        occurrence
        for occurrence in expand(events, now, end)
        if not occurrence.cancelled and occurrence.end > now
    ][:limit]
    for occurrence in upcoming:
        occurrence.url = reverse("events:event_detail", args=[occurrence.event.pk])
    return upcoming


def new_activities(directory, limit=ACTIVITIES_SHOWN):
    """The newest published current activities, each with its ``url`` on
    ``directory`` and its text for the reader (``shown``)."""
    if directory is None:
        return []
    language = reader_language()
    activities = list(
        Activity.objects.current()
        .with_public_relations()
        .with_translation(language)
        .order_by("-published_at", "-pk")[:limit]
    )
    base_url = directory.url
    for activity in activities:
        activity.url = base_url + directory.reverse_subpage(
            "activity_detail", kwargs={"slug": activity.slug}
        )
        activity.shown = activity.text_in(language)
    return activities


def coordinators():
    return Coordinator.objects.select_related("organisation", "subregion")


def directory_page():
    """The directory in the reader's language tree, or None."""
    return DirectoryPage.live_localized()


KNOWLEDGE_SHOWN = 3


def knowledge(limit=KNOWLEDGE_SHOWN):
    """(the public knowledge index, its newest public pages) in the reader's
    language tree; (None, []) while the site has none."""
    index = KnowledgeIndexPage.public_index(active_locale_id())
    if index is None:
        return None, []
    pages = with_content_languages(
        KnowledgePage.objects.descendant_of(index)
        .public_only()
        .select_related("subregion")
        .order_by("-date", "-pk")
    )
    return index, list(pages[:limit])


def situation_reports():
    """The counties' public situation reports (lägesbild): [(county, url)]."""
    return public_reports()
