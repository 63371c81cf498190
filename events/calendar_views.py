"""The calendar pages: month grid and list, event pages, and answers (RSVP)."""

import datetime
from urllib.parse import quote, urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Min
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.collation import swedish
from core.feeds import subscription
from core.geography.models import SubRegion
from core.query import reads_query
from core.recurrence import excluded_dates, local_timezone
from core.seo import script_content
from directory import sessions
from forum.access import can, forum_for, forums_of
from forum.models import Forum
from partners.models import ContactPerson

from .calendar import (
    event_occurrences,
    expand,
    group_by_day,
    local_midnight,
    month_grid,
    month_window,
    rule_in_words,
    upcoming,
)
from .forms import ACTIVITIES, MEETINGS, CalendarQueryForm, EventQueryForm, RSVPForm
from .jsonld import event_data
from .models import RSVP, Event
from .planning import holiday_names
from .rsvp import attendance_at, organisation_for, record_answer, tell_promoted

LIST_DAYS = 60
# The months the month view offers around today (see ``_month_range``).
MONTHS_BACK = 12
MONTHS_AHEAD = 24
# A day of the month grid lists this many activity sessions, a day of the
# list that many; "N aktiviteter till" links to the day with all of them, so
# that a month of weekly activities stays a page one can scan (and send).
ACTIVITIES_A_DAY = 3
ACTIVITIES_IN_LIST = 10
# The event page lists at most this many of the coming cancelled dates.
SKIPPED_SHOWN = 12


def _month_index(year, month):
    return year * 12 + month - 1


def _month_value(index):
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _month_range(visible, activities, today):
    """The months worth a page, as month indexes (first, last).

    From the first event the visitor may see, the first current activity, or
    ``MONTHS_BACK`` months ago, whichever is earliest, to ``MONTHS_AHEAD``
    months from now: a crawler following "next month" stops there, and a
    month typed outside it answers 404.
    """
    this_month = _month_index(today.year, today.month)
    first = this_month - MONTHS_BACK
    earliest = [visible.aggregate(first=Min("start"))["first"]]
    if activities is not None:
        earliest.append(activities.aggregate(first=Min("start_date"))["first"])
    for value in earliest:
        if value is not None:
            if isinstance(value, datetime.datetime):
                value = timezone.localdate(value)
            first = min(first, _month_index(value.year, value.month))
    return first, this_month + MONTHS_AHEAD


def _filters(form, visible, activities):
    """Apply the filters that name something real (the form left out the others).

    The forum and the kind narrow the events, the municipality and the
    language the activities, the sub-region both.
    """
    cleaned = form.cleaned_data
    events = visible
    active = {}
    for name in ("typ", "forum", "slag", "delregion", "kommun", "sprak"):
        value = cleaned.get(name)
        if value:
            active[name] = value.slug if name == "forum" else value
    if cleaned.get("forum"):
        events = events.filter(forum=cleaned["forum"])
    if cleaned.get("slag"):
        events = events.filter(kind=cleaned["slag"])
    if cleaned.get("delregion"):
        events = events.filter(subregion__slug=cleaned["delregion"])
    if not form.shows(MEETINGS):
        events = None
    if activities is not None and form.shows(ACTIVITIES):
        activities = sessions.filtered(
            activities,
            municipality=cleaned.get("kommun"),
            language=cleaned.get("sprak"),
            subregion=cleaned.get("delregion"),
        )
    else:
        activities = None
    return (
        events,
        activities,
        {
            "active": active,
            "query": urlencode(active),
            "kind_options": Event.Kind.choices,
            "type_options": form.fields["typ"].choices if "typ" in form.fields else [],
        },
    )


def _occurrences(request, events, activities, window_start, window_end):
    """Events' occurrences and activities' sessions in the window, by start."""
    found = []
    if events is not None:
        fetched = events.overlapping(window_start, window_end)
        found = expand(fetched.with_calendar_relations(), window_start, window_end)
    if activities is not None:
        last = (window_end - datetime.timedelta(microseconds=1)).astimezone(
            local_timezone()
        )
        found += sessions.sessions(
            activities,
            timezone.localdate(window_start),
            last.date(),
            request,
        )
    # A stable sort: each kind keeps its own order within the same minute.
    found.sort(key=lambda occurrence: occurrence.local_start)
    return found


def _not_over(occurrence, now):
    """For the list: what has not ended yet (a session without an end time
    counts until the end of its day)."""
    if not occurrence.is_activity:
        return True
    end = occurrence.local_end
    if end is None:
        return occurrence.date >= timezone.localdate(now)
    return end > now


def _feeds(request, filters, public):
    """The calendar's feeds to subscribe to: the public events, and the
    activities with the calendar's activity filters."""
    if not public:
        return None
    shown = filters["active"].get("typ")
    feeds = {}
    if shown != ACTIVITIES:
        feeds["events"] = subscription(
            request.build_absolute_uri(reverse("events_feed_public"))
        )
    if shown != MEETINGS:
        kept = {
            name: value
            for name, value in filters["active"].items()
            if name in ("kommun", "sprak", "delregion")
        }
        url = request.build_absolute_uri(reverse("activities_ics"))
        feeds["activities"] = subscription(
            url + ("?" + urlencode(kept) if kept else "")
        )
        feeds["activities_filtered"] = bool(kept)
    return feeds


def _calendar_page(request, query_form, visible, forum=None):
    now = timezone.now()
    today = timezone.localdate(now)
    public = forum is None
    # The public calendar shows the directory's activities too.
    activities = sessions.public_activities(today) if public else None
    forum_options = None
    subregions = SubRegion.objects.filter(pk__in=visible.values("subregion"))
    extra_options = {}
    if public:
        forum_options = list(
            Forum.objects.filter(pk__in=visible.values("forum")).order_by(
                swedish("name")
            )
        )
        subregions = subregions | sessions.subregion_options(activities)
        extra_options = {
            "municipality_options": sessions.municipality_options(activities),
            "language_options": sessions.language_options(activities),
        }
    subregion_options = list(subregions.order_by(swedish("name"), "slug").distinct())
    form = query_form(
        forum_options=forum_options,
        subregion_options=subregion_options,
        **extra_options,
    )
    form.is_valid()
    events, chosen_activities, filters = _filters(form, visible, activities)
    filters |= {
        "forum_options": forum_options or [],
        "subregion_options": subregion_options,
        "municipality_options": extra_options.get("municipality_options", []),
        "language_options": extra_options.get("language_options", []),
    }
    notes = form.notes("typ", "forum", "slag", "delregion", "kommun", "sprak")
    context = {
        "forum": forum,
        "filters": filters,
        "notes": notes,
        "today": today,
        "manages": forum is not None and can(request.user, "manage", forum),
        "feeds": _feeds(request, filters, public),
    }
    day = form.cleaned_data.get("dag") if form.list_view else None
    if form.list_view:
        notes += form.notes("dag")
    if day is not None:
        # One day, every session in it.
        first_month, last_month = _month_range(visible, activities, today)
        if not first_month <= _month_index(day.year, day.month) <= last_month:
            raise Http404("No calendar day so far from today.")
        window_start = local_midnight(day)
        window_end = local_midnight(day + datetime.timedelta(days=1))
        occurrences = _occurrences(
            request, events, chosen_activities, window_start, window_end
        )
        context |= {
            "view": "list",
            "day": day,
            "days": group_by_day(occurrences),
            "list_days": LIST_DAYS,
            # A part of the list and of the month: not for a search index.
            "noindex": True,
        }
    elif form.list_view:
        window_start, window_end = now, now + datetime.timedelta(days=LIST_DAYS)
        occurrences = [
            occurrence
            for occurrence in _occurrences(
                request, events, chosen_activities, window_start, window_end
            )
            if _not_over(occurrence, now)
        ]
        context |= {
            "view": "list",
            "days": group_by_day(occurrences, activities_shown=ACTIVITIES_IN_LIST),
            "list_days": LIST_DAYS,
        }
    else:
        notes += form.notes("manad")
        year, month = form.cleaned_data.get("manad") or (today.year, today.month)
        first_month, last_month = _month_range(visible, activities, today)
        index = _month_index(year, month)
        if not first_month <= index <= last_month:
            raise Http404("No calendar month so far from today.")
        weeks, first, last = month_window(year, month)
        window_start = local_midnight(first)
        window_end = local_midnight(last + datetime.timedelta(days=1))
        occurrences = _occurrences(
            request, events, chosen_activities, window_start, window_end
        )
        count = sum(
            1
            for o in occurrences
            if o.local_start.year == year and o.local_start.month == month
        )
        context |= {
            "view": "month",
            "month_start": datetime.date(year, month, 1),
            "month_value": f"{year:04d}-{month:02d}",
            "previous_month": _month_value(index - 1) if index > first_month else None,
            "next_month": _month_value(index + 1) if index < last_month else None,
            "weekdays": weeks[0],
            "weeks": month_grid(
                year, month, occurrences, today, activities_shown=ACTIVITIES_A_DAY
            ),
            "occurrence_count": count,
            # An empty month is not worth a search engine's index.
            "noindex": count == 0,
        }
    return TemplateResponse(request, "events/calendar.html", context)


@reads_query(CalendarQueryForm)
def calendar(request, query_form):
    """Public: the calendar of every forum, as far as the visitor may see it."""
    return _calendar_page(request, query_form, Event.objects.visible_to(request.user))


@login_required
@reads_query(CalendarQueryForm)
def forum_calendar(request, slug, query_form):
    """Members: one forum's calendar, everything in it their level lets them see."""
    forum = forum_for(request, slug, "view_members")
    visible = Event.objects.visible_to(request.user).filter(forum=forum)
    return _calendar_page(request, query_form, visible, forum)


def _visible_event(request, pk):
    # 404, never 403: a person who may not see an event does not learn it exists.
    return get_object_or_404(
        Event.objects.visible_to(request.user).with_calendar_relations(), pk=pk
    )


def _takes_part(user, event):
    """Signed in and in the event's forum (member, convener, county admin)."""
    return user.is_authenticated and forums_of(user).filter(pk=event.forum_id).exists()


def _skipped_dates(event, today):
    """The coming dates the series skips, [(date, holiday name or "")], and how
    many more there are."""
    if not event.rrule:
        return [], 0
    dates = sorted(d for d in excluded_dates(event.exdates) if d >= today)
    shown = dates[:SKIPPED_SHOWN]
    names = holiday_names(shown)
    return [(day, names.get(day, "")) for day in shown], len(dates) - len(shown)


def _detail_response(request, event, chosen=None, notes=(), form=None):
    """The event page, about occurrence ``chosen`` if not None; ``form`` is an
    RSVP form that was sent and refused."""
    now = timezone.now()
    skipped, more_skipped = _skipped_dates(event, timezone.localdate(now))
    takes_part = _takes_part(request.user, event)
    manages = can(request.user, "manage", event)
    next_occurrences = upcoming(event, now)
    context = {
        "event": event,
        "notes": list(notes),
        "now": now,
        "chosen": chosen,
        "rule_words": rule_in_words(event.rrule),
        "next_occurrences": next_occurrences,
        "all_occurrences": event_occurrences(
            event, event.start, event.end + datetime.timedelta(seconds=1)
        )
        if not event.rrule
        else [],
        "show_online_link": takes_part,
        # Members-only contact persons are shown to the forum's members only.
        "show_contact": bool(
            event.contact
            and (
                takes_part
                or event.contact.visibility == ContactPerson.Visibility.PUBLIC
            )
        ),
        "attachments": event.attachments.select_related("document"),
        "has_agenda": event.agenda.exists(),
        # Linked only for those who may open them (drafts: not for everyone).
        "has_minutes": hasattr(event, "minutes")
        and (manages or event.minutes.readable_by(request.user)),
        "can_rsvp": takes_part and not event.cancelled,
        "manages": manages,
        "skipped_dates": skipped,
        "more_skipped": more_skipped,
    }
    data = event_data(
        event, chosen or (next_occurrences[0] if next_occurrences else None)
    )
    if data is not None:
        context["jsonld"] = script_content(data)
    if context["can_rsvp"]:
        if form is None:
            form = RSVPForm(event=event, now=now)
        # The occurrence the block is about: the one asked for, else the next.
        selected = chosen
        if selected is None or selected.start <= now or selected.cancelled:
            selected = form.upcoming[0] if form.upcoming else None
        if selected is not None:
            form.add_choice(selected)
            attendance = attendance_at(event, selected.original_start, request.user)
            if not form.is_bound:
                form.initial = {
                    "occurrence": selected.key,
                    "answer": attendance["mine"].answer
                    if attendance["mine"]
                    else RSVP.Answer.GOING,
                }
            context |= {"selected": selected, "attendance": attendance}
        context["form"] = form
    return TemplateResponse(request, "events/event_detail.html", context)


@reads_query(EventQueryForm)
def event_detail(request, pk, query_form):
    """An event, its occurrences and (for members of its forum) who is coming."""
    event = _visible_event(request, pk)
    chosen, missing = query_form().chosen(event)
    notes = []
    if missing:
        notes.append(_("Mötet har inget sådant tillfälle. Nästa tillfälle visas."))
    return _detail_response(request, event, chosen, notes)


@login_required
@require_POST
def rsvp(request, pk):
    """Answer going / not going for one future occurrence (PRG)."""
    event = _visible_event(request, pk)
    if not _takes_part(request.user, event):
        raise PermissionDenied
    form = RSVPForm(request.POST, event=event)
    if not form.is_valid():
        return _detail_response(request, event, form.asked_occurrence(), form=form)
    occurrence = form.cleaned_data["occurrence"]
    answer, promoted = record_answer(
        event,
        occurrence.original_start,
        request.user,
        organisation_for(request.user, event.forum),
        form.cleaned_data["answer"],
    )
    if promoted is not None:
        tell_promoted(promoted, occurrence.key)
    if answer.waitlisted:
        messages.warning(
            request,
            _(
                "Tillfället är fullt. Du står på väntelistan och får en plats om "
                "någon lämnar återbud."
            ),
        )
    elif answer.answer == RSVP.Answer.GOING:
        messages.success(request, _("Tack! Du är anmäld till tillfället."))
    else:
        messages.success(request, _("Ditt svar är sparat: du kommer inte."))
    url = reverse("events:event_detail", args=[event.pk])
    return redirect(f"{url}?tillfalle={quote(occurrence.key)}#svar")
