"""Organisations keep their own activities: create, edit, submit, confirm, end."""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.email import send as send_email
from forum.models import Coordinator
from partners.permissions import organisation_for_member

from .forms import ActivityForm, TranslationFormSet
from .models import Activity, ActivityRevision
from .revisions import history, record
from .translations import save_translations

Status = Activity.Status
Action = ActivityRevision.Action


def activity_for_member(request, organisation_slug, slug):
    """The organisation and its activity, if the user may manage them (else 403/404)."""
    organisation = organisation_for_member(request, organisation_slug)
    activity = get_object_or_404(
        Activity.objects.select_related("organisation", "municipality__subregion"),
        organisation=organisation,
        slug=slug,
    )
    return organisation, activity


def list_url(organisation):
    return reverse("directory:activity_list", args=[organisation.slug])


def edit_url(activity):
    return reverse(
        "directory:activity_edit", args=[activity.organisation.slug, activity.slug]
    )


@login_required
def activity_list(request, organisation_slug):
    """All of the organisation's activities, whatever their status."""
    organisation = organisation_for_member(request, organisation_slug)
    activities = organisation.activities.select_related("municipality").order_by(
        "status", "-start_date", "title"
    )
    return TemplateResponse(
        request,
        "directory/manage/activity_list.html",
        {"organisation": organisation, "activities": activities},
    )


@login_required
def activity_create(request, organisation_slug):
    organisation = organisation_for_member(request, organisation_slug)
    form = ActivityForm(request.POST or None, organisation=organisation)
    formset = translation_formset(request, form.instance)
    if request.method == "POST" and all_valid(form, formset):
        with transaction.atomic():
            activity = form.save(commit=False)
            activity.created_by = request.user
            activity.status = Status.DRAFT
            activity.save()
            form.save_m2m()
            formset.instance = activity
            save_translations(formset, request.user)
            record(activity, Action.SAVED, request.user)
        messages.success(
            request,
            _(
                "%(title)s är sparad som utkast. Skicka den till granskning när "
                "den är klar."
            )
            % {"title": activity.title},
        )
        return redirect(edit_url(activity))
    return TemplateResponse(
        request,
        "directory/manage/activity_form.html",
        {
            "organisation": organisation,
            "form": form,
            "formset": formset,
            "is_new": True,
        },
    )


@login_required
def activity_edit(request, organisation_slug, slug):
    """Edit an activity; a published one goes back to the coordinator for approval."""
    organisation, activity = activity_for_member(request, organisation_slug, slug)
    was = activity.status
    # The form writes the typed values into its instance; the page's title and
    # breadcrumbs keep showing the saved ones.
    saved = copy.copy(activity)
    form = ActivityForm(
        request.POST or None, instance=activity, organisation=organisation
    )
    formset = translation_formset(request, activity)
    if request.method == "POST" and all_valid(form, formset):
        if not form.has_changed() and not formset.has_changed():
            messages.info(request, _("Inget var ändrat, så inget sparades."))
            return redirect(edit_url(activity))
        with transaction.atomic():
            activity = form.save(commit=False)
            if was == Status.PUBLISHED:
                activity.status = Status.SUBMITTED
            elif was == Status.ENDED:
                activity.status = Status.DRAFT
            # Someone at the organisation has just looked at it: it is current.
            activity.confirm()
            activity.save()
            form.save_m2m()
            save_translations(formset, request.user)
            record(activity, Action.SAVED, request.user)
            if was == Status.PUBLISHED:
                record(activity, Action.SUBMITTED, request.user)
        if was == Status.PUBLISHED:
            notify_coordinators(request, activity)
            messages.success(
                request,
                _(
                    "Ändringarna är sparade och skickade till granskning. Aktiviteten "
                    "visas i katalogen igen när samordnaren har godkänt dem."
                ),
            )
        else:
            messages.success(request, _("Ändringarna är sparade."))
        return redirect(edit_url(activity))
    return TemplateResponse(
        request,
        "directory/manage/activity_form.html",
        {
            "organisation": organisation,
            "activity": saved,
            "form": form,
            "formset": formset,
            "is_new": False,
        },
    )


def translation_formset(request, activity):
    """The activity's translations, under their own prefix in the same form."""
    return TranslationFormSet(
        request.POST or None, instance=activity, prefix="translations"
    )


def all_valid(form, formset):
    """Validate both, so that the page shows every error at once."""
    form_valid = form.is_valid()
    return formset.is_valid() and form_valid


def coordinator_emails(activity):
    subregion_id = activity.municipality.subregion_id
    if subregion_id is None:
        return []
    return list(
        Coordinator.objects.filter(subregion_id=subregion_id)
        .exclude(email="")
        .values_list("email", flat=True)
    )


def notify_coordinators(request, activity):
    """Tell the sub-region's coordinators that an activity waits for them."""
    recipients = coordinator_emails(activity)
    if recipients:
        send_email(
            recipients,
            "directory/email/activity_submitted.txt",
            {
                "activity": activity,
                "url": request.build_absolute_uri(
                    reverse("directory:review", args=[activity.slug])
                ),
            },
        )


@login_required
@require_POST
def activity_submit(request, organisation_slug, slug):
    """Send a draft to the sub-region's coordinator for approval."""
    organisation, activity = activity_for_member(request, organisation_slug, slug)
    if activity.status != Status.DRAFT:
        messages.warning(
            request,
            _("Bara utkast kan skickas till granskning. Aktiviteten är: %(status)s.")
            % {"status": activity.get_status_display().lower()},
        )
        return redirect(edit_url(activity))
    try:
        # Data saved another way (the admin, an import) is checked here too.
        activity.full_clean()
    except ValidationError:
        messages.error(
            request,
            _("Aktiviteten har uppgifter som behöver rättas innan den skickas in."),
        )
        return redirect(edit_url(activity))
    with transaction.atomic():
        activity.status = Status.SUBMITTED
        activity.save(update_fields=["status", "updated_at"])
        record(activity, Action.SUBMITTED, request.user)
    notify_coordinators(request, activity)
    messages.success(
        request,
        _("%(title)s är skickad till granskning. Du får besked via e-post.")
        % {"title": activity.title},
    )
    return redirect(list_url(organisation))


@login_required
def activity_confirm(request, organisation_slug, slug):
    """Confirm that a published activity is still current (the reminder links here)."""
    organisation, activity = activity_for_member(request, organisation_slug, slug)
    if request.method == "POST":
        if activity.status != Status.PUBLISHED:
            messages.warning(
                request,
                _("Bara publicerade aktiviteter behöver bekräftas."),
            )
            return redirect(list_url(organisation))
        was_hidden = activity.is_unconfirmed
        with transaction.atomic():
            activity.save(update_fields=[*activity.confirm(), "updated_at"])
            record(activity, Action.CONFIRMED, request.user)
        if was_hidden:
            message = _(
                "Tack! %(title)s är bekräftad som aktuell och visas i katalogen igen."
            )
        else:
            message = _("Tack! %(title)s är bekräftad som aktuell.")
        messages.success(request, message % {"title": activity.title})
        return redirect(list_url(organisation))
    return TemplateResponse(
        request,
        "directory/manage/activity_confirm.html",
        {"organisation": organisation, "activity": activity},
    )


@login_required
@require_POST
def activity_end(request, organisation_slug, slug):
    """End an activity: it leaves the directory and stays in the history."""
    organisation, activity = activity_for_member(request, organisation_slug, slug)
    if activity.status == Status.ENDED:
        messages.info(request, _("Aktiviteten är redan avslutad."))
        return redirect(list_url(organisation))
    with transaction.atomic():
        activity.status = Status.ENDED
        activity.save(update_fields=["status", "updated_at"])
        record(activity, Action.ENDED, request.user)
    messages.success(
        request,
        _("%(title)s är avslutad och visas inte längre i katalogen.")
        % {"title": activity.title},
    )
    return redirect(list_url(organisation))


@login_required
def activity_history(request, organisation_slug, slug):
    """Who did what and when, and which fields each step changed."""
    organisation, activity = activity_for_member(request, organisation_slug, slug)
    return TemplateResponse(
        request,
        "directory/manage/activity_history.html",
        {
            "organisation": organisation,
            "activity": activity,
            "revisions": history(activity),
        },
    )
