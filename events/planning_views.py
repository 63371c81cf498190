"""Conveners plan a meeting on the site: create one in their forum, change it,
add and remove its papers, cancel it.

The form builds the repetition (``events/planning_forms.py``); the rules for
the words, the holidays and the stale-save check are in ``events/planning.py``.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from forum.access import forum_for

from .meetings import managed_event
from .models import Event
from .papers import PapersForm, add_papers, remove_paper
from .planning import save_planned, set_cancelled
from .planning_forms import CancelForm, PlanningForm


@login_required
def plan_meeting(request, slug):
    """A convener plans a new meeting (or series) in their forum's calendar."""
    forum = forum_for(request, slug, "manage")
    return _planning_page(request, forum, Event(forum=forum))


@login_required
def edit_meeting(request, pk):
    """A convener changes a meeting of their forum; another's save is not lost."""
    event = managed_event(request.user, pk)
    return _planning_page(request, event.forum, event)


def _planning_page(request, forum, event):
    creating = event.pk is None
    form = PlanningForm(request.POST or None, instance=event, forum=forum)
    if form.is_bound and form.is_valid():
        event = form.save(commit=False)
        if save_planned(event, form.cleaned_data.get("version")):
            if creating:
                messages.success(request, _("Mötet är planerat."))
            else:
                messages.success(request, _("Ändringarna är sparade."))
            return redirect("events:event_detail", event.pk)
        form.add_error(
            None,
            _(
                "Någon annan har ändrat mötet medan du skrev, så dina ändringar är "
                "inte sparade. Öppna mötet igen för att se hur det ser ut nu."
            ),
        )
    return TemplateResponse(
        request,
        "events/planning/event_form.html",
        {"form": form, "forum": forum, "event": event, "creating": creating},
    )


@login_required
def meeting_papers(request, pk):
    """A convener adds papers to a meeting or removes them."""
    event = managed_event(request.user, pk)
    form = PapersForm()
    if request.method == "POST" and "remove" in request.POST:
        title = remove_paper(event, _paper_id(request.POST["remove"]))
        if title:
            messages.success(request, _("%(title)s är borttagen.") % {"title": title})
        else:
            messages.error(request, _("Handlingen finns inte längre vid mötet."))
        return redirect("events:meeting_papers", event.pk)
    if request.method == "POST":
        form = PapersForm(request.POST, request.FILES)
        if form.is_valid():
            added = add_papers(event, form.cleaned_data["files"], request.user)
            messages.success(
                request,
                ngettext(
                    "%(count)d handling är tillagd.",
                    "%(count)d handlingar är tillagda.",
                    len(added),
                )
                % {"count": len(added)},
            )
            return redirect("events:meeting_papers", event.pk)
    return TemplateResponse(
        request,
        "events/planning/papers.html",
        {
            "form": form,
            "forum": event.forum,
            "event": event,
            "papers": event.attachments.select_related("document").order_by(
                "document__title", "pk"
            ),
        },
    )


def _paper_id(value):
    return int(value) if value.isdigit() else None


@login_required
def cancel_meeting(request, pk):
    """A convener cancels a meeting (every occurrence) with a note, or undoes it."""
    event = managed_event(request.user, pk)
    if request.method == "POST" and "reinstate" in request.POST:
        if set_cancelled(event, False):
            messages.success(request, _("Mötet är inte längre inställt."))
        else:
            messages.info(request, _("Mötet var inte inställt."))
        return redirect("events:event_detail", event.pk)
    form = CancelForm(request.POST or None)
    if form.is_bound and form.is_valid():
        if set_cancelled(event, True, form.cleaned_data["note"]):
            messages.success(request, _("Mötet är inställt."))
        else:
            messages.info(request, _("Mötet var redan inställt."))
        return redirect("events:event_detail", event.pk)
    return TemplateResponse(
        request,
        "events/planning/cancel.html",
        {"form": form, "forum": event.forum, "event": event},
    )
