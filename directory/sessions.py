"""What other rooms show of the directory: the sessions of the public activities.

The public calendar (``events/``) puts activity sessions beside the forums'
events; it asks here for the activities a filter picks, their sessions in a
window and the link to each activity's page, and never reads the directory's
models or pages itself. Everything goes through ``Activity.objects.current()``.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q

from core.collation import swedish
from core.geography.models import Municipality, SubRegion
from core.i18n.names import reader_language
from core.recurrence import excluded_dates, local_timezone

from .models import MAX_SESSIONS, Activity, DirectoryPage, Language


@dataclass
class Session:
    """One day an activity meets (or would have met, when ``cancelled``)."""

    activity: Activity
    date: datetime.date
    cancelled: bool
    url: str
    shown: object  # the activity's ActivityText for the reader

    is_activity = True

    @property
    def all_day(self):
        return self.activity.start_time is None

    @property
    def local_start(self):
        time = self.activity.start_time or datetime.time()
        return datetime.datetime.combine(self.date, time, tzinfo=local_timezone())

    @property
    def local_end(self):
        if self.activity.start_time and self.activity.end_time:
            return datetime.datetime.combine(
                self.date, self.activity.end_time, tzinfo=local_timezone()
            )
        return None

    @property
    def first_day(self):
        return self.date

    @property
    def last_day(self):
        return self.date

    @property
    def title(self):
        return self.shown.title


def public_activities(today=None):
    """The activities the public may see, with what a session's line shows."""
    return (
        Activity.objects.current(today)
        .select_related("organisation", "municipality__subregion")
        .with_translation(reader_language())
    )


def filtered(activities, *, municipality=None, language=None, subregion=None):
    """``activities`` narrowed to a municipality (slug), a language (code, taught
    or supported) and a sub-region (slug); None leaves a filter out."""
    if municipality:
        activities = activities.filter(municipality__slug=municipality)
    if subregion:
        activities = activities.filter(municipality__subregion__slug=subregion)
    if language:
        activities = activities.in_language(Language.objects.filter(code=language))
    return activities


def session_days(activity, first, last):
    """[(date, cancelled)] of the days from ``first`` to ``last`` (inclusive)
    the activity meets; an unreadable rule gives none rather than an error."""
    cancelled = excluded_dates(activity.exdates)
    if not activity.rrule:
        day = activity.start_date
        return [(day, day in cancelled)] if first <= day <= last else []
    days = []
    try:
        after = datetime.datetime.combine(first, datetime.time.min)
        for seen, occurrence in enumerate(activity.rule().xafter(after, inc=True)):
            day = occurrence.date()
            if day > last or seen >= MAX_SESSIONS:
                break
            days.append((day, day in cancelled))
    except (ValueError, TypeError):
        return []
    return days


def sessions(activities, first, last, request):
    """The sessions of ``activities`` from ``first`` to ``last`` (dates), in
    the order of their start, each with the link to its activity's page."""
    language = reader_language()
    fetched = list(activities.overlapping(first, last))
    if not fetched:
        return []
    url_for = activity_urls(request)
    result = []
    for activity in fetched:
        url = url_for(activity)
        shown = activity.text_in(language)
        for day, cancelled in session_days(activity, first, last):
            result.append(Session(activity, day, cancelled, url, shown))
    result.sort(key=lambda s: (s.local_start, str(s.title), s.activity.pk))
    return result


def activity_urls(request):
    """A function giving an activity's page URL in the reader's language;
    '' for every activity when no directory page is live."""
    page = DirectoryPage.live_localized()
    if page is None:
        return lambda activity: ""
    base = page.get_url(request) or ""
    return lambda activity: (
        base + page.reverse_subpage("activity_detail", kwargs={"slug": activity.slug})
    )


def municipality_options(activities):
    """The municipalities ``activities`` are held in, A–Ö."""
    return list(
        Municipality.objects.filter(pk__in=activities.values("municipality")).order_by(
            swedish("name")
        )
    )


def subregion_options(activities):
    """The sub-regions of the municipalities ``activities`` are held in."""
    return SubRegion.objects.filter(pk__in=activities.values("municipality__subregion"))


def language_options(activities):
    """The languages ``activities`` are taught or supported in, sorted by their
    names as the reader reads them."""
    ids = activities.values("pk")
    taught = Activity.instruction_languages.through.objects.filter(activity__in=ids)
    supported = Activity.support_languages.through.objects.filter(activity__in=ids)
    languages = Language.objects.filter(
        Q(pk__in=taught.values("language")) | Q(pk__in=supported.values("language"))
    )
    return sorted(languages, key=lambda language: str(language.display).casefold())
