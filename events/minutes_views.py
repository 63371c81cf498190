"""A meeting's minutes (draft, approved, published) and the forum's action items.

The rules live on the models (``Minutes.approve``, ``Minutes.objects.visible_to``)
and in ``events/meetings.py``; these views parse, call and render.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import linebreaks
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.collation import swedish
from core.sanitizer import safe_html
from core.users.models import by_name
from forum.access import can, forum_for, is_convener

from .meeting_forms import (
    ActionItemFormSet,
    ActionStatusForm,
    CommentForm,
    MinutesForm,
    MinutesItemFormSet,
)
from .meetings import add_comment, managed_event, visible_action_items, visible_event
from .models import ActionItem, Event, Minutes


def minutes_for(request, pk):
    """The event and its minutes if the person may read them, else 404."""
    event = visible_event(request.user, pk)
    minutes = get_object_or_404(
        Minutes.objects.select_related("event__forum", "approved_by"), event=event
    )
    manages = can(request.user, "manage", event)
    if not (manages or minutes.readable_by(request.user)):
        raise Http404
    return event, minutes, manages


def minutes_context(event, minutes, manages, user):
    summary = minutes.summary
    return {
        "event": event,
        "minutes": minutes,
        "manages": manages,
        "summary": safe_html(summary if "<" in summary else linebreaks(summary)),
        "organisations": minutes.attending_organisations.order_by(swedish("name")),
        "people": minutes.attending_people.order_by(*by_name()),
        "items": minutes.items.all(),
        "action_items": minutes.action_items.select_related("owner", "item"),
        "show_comments": minutes.status != Minutes.Status.PUBLISHED
        and (manages or minutes.attended_by(user)),
        "comments": minutes.comments.select_related("author"),
    }


def minutes(request, pk):
    """The minutes; attendees comment on a draft, and conveners are told."""
    event, minutes, manages = minutes_for(request, pk)
    user = request.user
    may_comment = minutes.status == Minutes.Status.DRAFT and (
        manages or minutes.attended_by(user)
    )
    form = CommentForm(request.POST or None) if may_comment else None
    if request.method == "POST":
        if minutes.status != Minutes.Status.DRAFT:
            messages.error(
                request,
                _("Protokollet är justerat. Det går inte längre att kommentera."),
            )
            return redirect("events:minutes", event.pk)
        if not may_comment:
            raise PermissionDenied
        if form.is_valid():
            add_comment(form, minutes, user, request.build_absolute_uri)
            messages.success(request, _("Din kommentar är sparad."))
            return redirect("events:minutes", event.pk)
    context = minutes_context(event, minutes, manages, user)
    context["form"] = form
    return TemplateResponse(request, "events/meetings/minutes.html", context)


def minutes_print(request, pk):
    """The minutes laid out for paper (see the print rules in site.css)."""
    event, minutes, manages = minutes_for(request, pk)
    context = minutes_context(event, minutes, manages, request.user)
    context["show_comments"] = False
    return TemplateResponse(request, "events/meetings/minutes_print.html", context)


@login_required
def minutes_edit(request, pk):
    """Conveners write the minutes while they are a draft."""
    event = managed_event(request.user, pk)
    minutes = Minutes.objects.filter(event=event).first() or Minutes(event=event)
    if minutes.status != Minutes.Status.DRAFT:
        messages.error(
            request, _("Protokollet är justerat och kan inte längre ändras.")
        )
        return redirect("events:minutes", event.pk)
    data = request.POST if request.method == "POST" else None
    form = MinutesForm(data, instance=minutes, forum=event.forum)
    items = MinutesItemFormSet(data, instance=minutes, prefix="items")
    actions = ActionItemFormSet(
        data,
        instance=minutes,
        prefix="actions",
        form_kwargs={"forum": event.forum, "minutes": minutes},
    )
    if request.method == "POST":
        valid = [form.is_valid(), items.is_valid(), actions.is_valid()]
        if all(valid):
            with transaction.atomic():
                minutes = form.save()
                items.instance = minutes
                items.save()
                actions.instance = minutes
                actions.save()
            messages.success(request, _("Protokollet är sparat."))
            return redirect("events:minutes", event.pk)
    return TemplateResponse(
        request,
        "events/meetings/minutes_edit.html",
        {
            "event": event,
            "minutes": minutes,
            "form": form,
            "items": items,
            "actions": actions,
        },
    )


@login_required
@require_POST
def minutes_approve(request, pk):
    event = managed_event(request.user, pk)
    if get_object_or_404(Minutes, event=event).approve(by=request.user):
        messages.success(
            request,
            _("Protokollet är justerat. Det kan inte längre ändras eller kommenteras."),
        )
    else:
        messages.error(request, _("Bara ett utkast kan justeras."))
    return redirect("events:minutes", event.pk)


@login_required
@require_POST
def minutes_publish(request, pk):
    event = managed_event(request.user, pk)
    if get_object_or_404(Minutes, event=event).publish():
        # Members are not all emailed: in a large forum that is too much mail.
        messages.success(
            request,
            _(
                "Protokollet är publicerat. Medlemmarna ser det på mötets sida; "
                "inga e-postmeddelanden skickas."
            ),
        )
    else:
        messages.error(request, _("Bara ett justerat protokoll kan publiceras."))
    return redirect("events:minutes", event.pk)


@login_required
def action_items(request, slug):
    """Open action items across the forum's meetings, overdue ones marked."""
    forum = forum_for(request, slug, "view_members")
    user = request.user
    manages = is_convener(user, forum)
    items = list(
        visible_action_items(user, forum, manages)
        .open()
        .select_related("owner", "item", "minutes__event")
        .order_by(F("due_date").asc(nulls_last=True), "pk")
    )
    my_organisations = set(
        user.memberships.active().values_list("organisation_id", flat=True)
    )
    today = timezone.localdate()
    for item in items:
        item.overdue = bool(item.due_date and item.due_date < today)
        item.may_update = manages or item.owner_id in my_organisations
    return TemplateResponse(
        request,
        "events/meetings/action_items.html",
        {
            "forum": forum,
            "items": items,
            "statuses": ActionItem.Status.choices,
            "today": today,
        },
    )


def safe_next(request, fallback):
    """The ``next`` the form sent if it stays on this site, else ``fallback``."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


@login_required
@require_POST
def action_item_update(request, pk):
    """Members of the owner organisation, or conveners, change an item's status."""
    item = get_object_or_404(
        ActionItem.objects.select_related("minutes__event__forum").filter(
            minutes__event__in=Event.objects.visible_to(request.user)
        ),
        pk=pk,
    )
    forum = item.minutes.event.forum
    is_owner = (
        request.user.memberships.active().filter(organisation_id=item.owner_id).exists()
    )
    if not (is_owner or is_convener(request.user, forum)):
        raise PermissionDenied
    fallback = reverse("events:action_items", args=[forum.slug])
    form = ActionStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Välj en av statusarna i listan."))
        return redirect(safe_next(request, fallback))
    item.status = form.cleaned_data["status"]
    item.save(update_fields=["status"])
    messages.success(
        request,
        _("Status för ”%(item)s” är nu %(status)s.")
        % {"item": item.description, "status": item.get_status_display()},
    )
    return redirect(safe_next(request, fallback))
