"""A meeting's agenda: members propose items, conveners decide and edit.

The rules live on the models (``AgendaProposal.decide``) and in
``events/meetings.py``; these views parse, call and render.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from forum.access import can

from .meeting_forms import (
    AgendaItemFormSet,
    ProposalDecisionForm,
    ProposalForm,
    is_upcoming,
)
from .meetings import decide_proposal, managed_event, submit_proposal, visible_event
from .models import AgendaProposal, Minutes


def agenda(request, pk):
    """The meeting's agenda; Dialog members propose items, proposers see outcomes."""
    event = visible_event(request.user, pk)
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
            submit_proposal(form, event, user, request.build_absolute_uri)
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
                minutes if minutes and (manages or minutes.readable_by(user)) else None
            ),
        },
    )


@login_required
def proposal_decide(request, pk, proposal_id):
    """A convener takes a proposal onto the agenda or declines it with a reason."""
    event = managed_event(request.user, pk)
    proposal = get_object_or_404(
        event.agenda_proposals.select_related("organisation", "proposed_by"),
        pk=proposal_id,
    )
    if proposal.status != AgendaProposal.Status.PENDING:
        messages.error(request, _("Det är redan beslutat om förslaget."))
        return redirect("events:agenda", event.pk)
    form = ProposalDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        decided = decide_proposal(
            proposal,
            accept=form.cleaned_data["decision"] == "accept",
            reason=form.cleaned_data.get("reason", ""),
            by=request.user,
            absolute_url=request.build_absolute_uri,
        )
        if not decided:
            # Another convener decided between this page and this click.
            messages.error(request, _("Det är redan beslutat om förslaget."))
            return redirect("events:agenda", event.pk)
        messages.success(
            request, _("Beslutet är sparat och förslagsställaren har fått besked.")
        )
        return redirect("events:agenda", event.pk)
    return TemplateResponse(
        request,
        "events/meetings/proposal_decide.html",
        {"event": event, "proposal": proposal, "form": form},
    )


@login_required
def agenda_edit(request, pk):
    """Conveners add, reorder, edit and remove agenda items."""
    event = managed_event(request.user, pk)
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
