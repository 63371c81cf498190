"""The calendar pages: month grid and list, event pages, and answers (RSVP)."""

import datetime
from urllib.parse import quote, urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.collation import swedish
from core.geography.models import SubRegion
from core.query import reads_query
from core.recurrence import excluded_dates
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
from .forms import CalendarQueryForm, EventQueryForm, RSVPForm
from .models import RSVP, Event
from .planning import holiday_names
from .rsvp import attendance_at, organisation_for, record_answer, tell_promoted

LIST_DAYS = 60
# The event page lists at most this many of the coming cancelled dates.
SKIPPED_SHOWN = 12


def _shift_month(year, month, delta):
    index = year * 12 + month - 1 + delta
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _filters(form, visible):
    """Apply the filters that name something real (the form left out the others)."""
    cleaned = form.cleaned_data
    events = visible
    active = {}
    if cleaned.get("forum"):
        events = events.filter(forum=cleaned["forum"])
        active["forum"] = cleaned["forum"].slug
    if cleaned.get("slag"):
        events = events.filter(kind=cleaned["slag"])
        active["slag"] = cleaned["slag"]
    if cleaned.get("delregion"):
        events = events.filter(subregion__slug=cleaned["delregion"])
        active["delregion"] = cleaned["delregion"]
    return events, {
        "active": active,
        "query": urlencode(active),
        "kind_options": Event.Kind.choices,
    }


def _calendar_page(request, query_form, visible, forum=None):
    now = timezone.now()
    today = timezone.localdate(now)
    forum_options = None
    if forum is None:
        forum_options = list(
            Forum.objects.filter(pk__in=visible.values("forum")).order_by(
                swedish("name")
            )
        )
    subregion_options = list(
        SubRegion.objects.filter(pk__in=visible.values("subregion"))
        .order_by(swedish("name"), "slug")
        .distinct()
    )
    form = query_form(forum_options=forum_options, subregion_options=subregion_options)
    form.is_valid()
    events, filters = _filters(form, visible)
    filters |= {
        "forum_options": forum_options or [],
        "subregion_options": subregion_options,
    }
    notes = form.notes("forum", "slag", "delregion")
    context = {
        "forum": forum,
        "filters": filters,
        "notes": notes,
        "today": today,
        "manages": forum is not None and can(request.user, "manage", forum),
    }
    if form.list_view:
        window_start, window_end = now, now + datetime.timedelta(days=LIST_DAYS)
        fetched = events.overlapping(window_start, window_end)
        occurrences = expand(
            fetched.with_calendar_relations(), window_start, window_end
        )
        context |= {
            "view": "list",
            "days": group_by_day(occurrences),
            "list_days": LIST_DAYS,
        }
    else:
        notes += form.notes("manad")
        year, month = form.cleaned_data.get("manad") or (today.year, today.month)
        weeks, first, last = month_window(year, month)
        window_start = local_midnight(first)
        window_end = local_midnight(last + datetime.timedelta(days=1))
        fetched = events.overlapping(window_start, window_end)
        occurrences = expand(
            fetched.with_calendar_relations(), window_start, window_end
        )
        context |= {
            "view": "month",
            "month_start": datetime.date(year, month, 1),
            "month_value": f"{year:04d}-{month:02d}",
            "previous_month": _shift_month(year, month, -1),
            "next_month": _shift_month(year, month, 1),
            "weekdays": weeks[0],
            "weeks": month_grid(year, month, occurrences, today),
            "occurrence_count": sum(
                1
                for o in occurrences
                if o.local_start.year == year and o.local_start.month == month
            ),
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
        "has_minutes": hasattr(event, "minutes"),
        "can_rsvp": takes_part and not event.cancelled,
        "manages": can(request.user, "manage", event),
        "skipped_dates": skipped,
        "more_skipped": more_skipped,
    }
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
