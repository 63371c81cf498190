"""Agendas, agenda proposals, minutes and action items of a forum's meetings.

Every view starts from an event the person may see
(``Event.objects.visible_to``); anything else is a 404, so nobody learns that
a meeting exists. Conveners of the event's forum and county administrators
manage.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
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

from core.email import send as send_email
from core.sanitizer import safe_html
from forum.access import can, forum_for, is_convener, participations_of

from .meeting_forms import (
    ActionItemFormSet,
    ActionStatusForm,
    AgendaItemFormSet,
    CommentForm,
    MinutesForm,
    MinutesItemFormSet,
    ProposalDecisionForm,
    ProposalForm,
    is_upcoming,
)
from .models import ActionItem, AgendaProposal, Event, Minutes


def visible_event(request, pk):
    """The event at ``pk`` if the person may see it, else 404."""
    return get_object_or_404(
        Event.objects.visible_to(request.user).select_related("forum"), pk=pk
    )


def managed_event(request, pk):
    """The event at ``pk`` if the person convenes its forum (or all forums)."""
    event = visible_event(request, pk)
    if not can(request.user, "manage", event):
        raise PermissionDenied
    return event


def may_see_minutes(user, minutes, manages):
    """Whether ``user`` may read ``minutes`` (``Minutes.objects.visible_to``)."""
    return manages or Minutes.objects.visible_to(user).filter(pk=minutes.pk).exists()


def attends(user, minutes):
    return bool(
        user.is_authenticated
        and minutes.pk
        and minutes.attending_people.filter(pk=user.pk).exists()
    )


def safe_next(request, fallback):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


# Agendas and proposals


def agenda(request, pk):
    """The meeting's agenda; Dialog members propose items, proposers see outcomes."""
    event = visible_event(request, pk)
    user = request.user
    manages = can(user, "manage", event)
    may_propose = user.is_authenticated and can(user, "propose_agenda_item", event)
    upcoming = is_upcoming(event)
    form = None
    if request.method == "POST":
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not may_propose:
            raise PermissionDenied
        form = ProposalForm(request.POST, event=event)
        if form.is_valid():
            proposal = save_proposal(form, event, user)
            notify_conveners_of_proposal(request, event, proposal)
            messages.success(
                request,
                _("Förslaget är skickat. Du ser beslutet här när det är fattat."),
            )
            return redirect("events:agenda", event.pk)
    elif may_propose and upcoming:
        form = ProposalForm(event=event)
    minutes = Minutes.objects.filter(event=event).first()
    return TemplateResponse(
        request,
        "events/meetings/agenda.html",
        {
            "event": event,
            "items": event.agenda.select_related("proposal__organisation"),
            "manages": manages,
            "may_propose": may_propose,
            "upcoming": upcoming,
            "form": form,
            "my_proposals": (
                event.agenda_proposals.filter(proposed_by=user)
                if user.is_authenticated
                else []
            ),
            "pending": (
                event.agenda_proposals.filter(
                    status=AgendaProposal.Status.PENDING
                ).select_related("organisation", "proposed_by")
                if manages
                else []
            ),
            "minutes": (
                minutes if minutes and may_see_minutes(user, minutes, manages) else None
            ),
        },
    )


def save_proposal(form, event, user):
    participation = (
        participations_of(user)
        .filter(forum=event.forum)
        .select_related("organisation")
        .order_by("-level")
        .first()
    )
    proposal = form.save(commit=False)
    proposal.event = event
    proposal.proposed_by = user
    proposal.organisation = participation.organisation if participation else None
    proposal.save()
    return proposal


def notify_conveners_of_proposal(request, event, proposal):
    conveners = list(event.forum.conveners.values_list("email", flat=True))
    if conveners:
        send_email(
            conveners,
            "events/email/proposal_received.txt",
            {
                "event": event,
                "proposal": proposal,
                "url": request.build_absolute_uri(
                    reverse("events:proposal_decide", args=[event.pk, proposal.pk])
                ),
            },
        )


@login_required
def proposal_decide(request, pk, proposal_id):
    """A convener takes a proposal onto the agenda or declines it with a reason."""
    event = managed_event(request, pk)
    proposal = get_object_or_404(
        event.agenda_proposals.select_related("organisation", "proposed_by"),
        pk=proposal_id,
    )
    if proposal.status != AgendaProposal.Status.PENDING:
        messages.error(request, _("Det är redan beslutat om förslaget."))
        return redirect("events:agenda", event.pk)
    form = ProposalDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not decide_proposal(proposal, form.cleaned_data, request.user):
            messages.error(request, _("Det är redan beslutat om förslaget."))
            return redirect("events:agenda", event.pk)
        if proposal.proposed_by and proposal.proposed_by.email:
            send_email(
                [proposal.proposed_by.email],
                "events/email/proposal_decided.txt",
                {
                    "event": event,
                    "proposal": proposal,
                    "url": request.build_absolute_uri(
                        reverse("events:agenda", args=[event.pk])
                    ),
                },
            )
        messages.success(
            request, _("Beslutet är sparat och förslagsställaren har fått besked.")
        )
        return redirect("events:agenda", event.pk)
    return TemplateResponse(
        request,
        "events/meetings/proposal_decide.html",
        {"event": event, "proposal": proposal, "form": form},
    )


def decide_proposal(proposal, data, convener):
    """Record the decision once; False when someone else decided first."""
    return proposal.decide(
        accept=data["decision"] == "accept",
        reason=data.get("reason", ""),
        by=convener,
    )


@login_required
def agenda_edit(request, pk):
    """Conveners add, reorder, edit and remove agenda items."""
    event = managed_event(request, pk)
    formset = AgendaItemFormSet(
        request.POST if request.method == "POST" else None,
        instance=event,
        prefix="items",
    )
    if request.method == "POST" and formset.is_valid():
        formset.save()
        messages.success(request, _("Dagordningen är sparad."))
        return redirect("events:agenda", event.pk)
    return TemplateResponse(
        request,
        "events/meetings/agenda_edit.html",
        {"event": event, "formset": formset},
    )


# Minutes


def minutes_for(request, pk):
    """The event and its minutes if the person may read them, else 404."""
    event = visible_event(request, pk)
    minutes = get_object_or_404(
        Minutes.objects.select_related("event__forum", "approved_by"), event=event
    )
    manages = can(request.user, "manage", event)
    if not may_see_minutes(request.user, minutes, manages):
        raise Http404
    return event, minutes, manages


def minutes_context(event, minutes, manages, user):
    summary = minutes.summary
    return {
        "event": event,
        "minutes": minutes,
        "manages": manages,
        "summary": safe_html(summary if "<" in summary else linebreaks(summary)),
        "organisations": minutes.attending_organisations.order_by("name"),
        "people": minutes.attending_people.order_by("first_name", "last_name"),
        "items": minutes.items.all(),
        "action_items": minutes.action_items.select_related("owner", "item"),
        "show_comments": minutes.status != Minutes.Status.PUBLISHED
        and (manages or attends(user, minutes)),
        "comments": minutes.comments.select_related("author"),
    }


def minutes(request, pk):
    """The minutes; attendees comment on a draft, and conveners are told."""
    event, minutes, manages = minutes_for(request, pk)
    user = request.user
    may_comment = minutes.status == Minutes.Status.DRAFT and (
        manages or attends(user, minutes)
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
            comment = form.save(commit=False)
            comment.minutes = minutes
            comment.author = user
            comment.save()
            notify_conveners_of_comment(request, event, comment)
            messages.success(request, _("Din kommentar är sparad."))
            return redirect("events:minutes", event.pk)
    context = minutes_context(event, minutes, manages, user)
    context["form"] = form
    return TemplateResponse(request, "events/meetings/minutes.html", context)


def notify_conveners_of_comment(request, event, comment):
    recipients = list(
        event.forum.conveners.exclude(pk=comment.author_id).values_list(
            "email", flat=True
        )
    )
    if recipients:
        send_email(
            recipients,
            "events/email/minutes_comment.txt",
            {
                "event": event,
                "comment": comment,
                "url": request.build_absolute_uri(
                    reverse("events:minutes", args=[event.pk])
                ),
            },
        )


def minutes_print(request, pk):
    """The minutes laid out for paper (see the print rules in site.css)."""
    event, minutes, manages = minutes_for(request, pk)
    context = minutes_context(event, minutes, manages, request.user)
    context["show_comments"] = False
    return TemplateResponse(request, "events/meetings/minutes_print.html", context)


@login_required
def minutes_edit(request, pk):
    """Conveners write the minutes while they are a draft."""
    event = managed_event(request, pk)
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


def change_minutes_status(request, pk, source, target, **fields):
    """Move the minutes from ``source`` to ``target`` once; False if not in source."""
    event = managed_event(request, pk)
    minutes = get_object_or_404(Minutes, event=event)
    changed = Minutes.objects.filter(pk=minutes.pk, status=source).update(
        status=target, **fields
    )
    return event, bool(changed)


@login_required
@require_POST
def minutes_approve(request, pk):
    event, changed = change_minutes_status(
        request,
        pk,
        Minutes.Status.DRAFT,
        Minutes.Status.APPROVED,
        approved_by=request.user,
        approved_at=timezone.now(),
    )
    if changed:
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
    event, changed = change_minutes_status(
        request,
        pk,
        Minutes.Status.APPROVED,
        Minutes.Status.PUBLISHED,
        published_at=timezone.now(),
    )
    if changed:
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


# Action items


def visible_action_items(user, forum, manages):
    """Action items of ``forum`` whose minutes ``user`` may read.

    ``manages``: whether the person convenes the forum (then drafts count too).
    """
    items = ActionItem.objects.filter(minutes__event__forum=forum)
    if manages:
        return items
    return items.filter(minutes__in=Minutes.objects.published().visible_to(user))


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
