"""Organisations on their own: register, ask to join, approve members, edit."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.email import send as send_email
from core.users.models import by_name

from .forms import MembershipRequestForm, OrganisationForm
from .invitations import open_invitations
from .models import Agreement, Membership
from .permissions import (
    is_organisation_admin,
    organisation_for_admin,
    organisation_for_member,
)


def admin_emails(organisation):
    return list(
        organisation.memberships.active()
        .filter(role=Membership.Role.ADMIN)
        .values_list("user__email", flat=True)
    )


@login_required
def my_organisations(request):
    memberships = Membership.objects.filter(user=request.user).select_related(
        "organisation"
    )
    return TemplateResponse(
        request, "partners/my_organisations.html", {"memberships": memberships}
    )


@login_required
def register_organisation(request):
    """A person registers their organisation and becomes its admin."""
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            organisation = form.save()
            Membership.objects.create(
                user=request.user,
                organisation=organisation,
                role=Membership.Role.ADMIN,
                status=Membership.Status.ACTIVE,
            )
        messages.success(
            request,
            _(
                "%(name)s är registrerad och du är dess administratör. Nästa steg: "
                "ansök om att delta i ett forum."
            )
            % {"name": organisation.name},
        )
        return redirect("partners:organisation_dashboard", organisation.slug)
    return TemplateResponse(
        request, "partners/organisation_form.html", {"form": form, "is_new": True}
    )


@login_required
def request_membership(request):
    """Ask to join an organisation already registered; its admins decide."""
    form = MembershipRequestForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        organisation = form.cleaned_data["organisation"]
        Membership.objects.create(
            user=request.user,
            organisation=organisation,
            role=Membership.Role.MEMBER,
            status=Membership.Status.PENDING,
        )
        recipients = admin_emails(organisation)
        if recipients:
            send_email(
                recipients,
                "partners/email/membership_requested.txt",
                {
                    "organisation": organisation,
                    "person": request.user,
                    "url": request.build_absolute_uri(organisation_url(organisation)),
                },
            )
        messages.success(
            request,
            _("Din förfrågan är skickad till %(name)s. Du får besked via e-post.")
            % {"name": organisation.name},
        )
        return redirect("partners:my_organisations")
    return TemplateResponse(request, "partners/membership_request.html", {"form": form})


def organisation_url(organisation):
    return reverse("partners:organisation_dashboard", args=[organisation.slug])


@login_required
def organisation_dashboard(request, organisation_slug):
    """For the organisation's members: people and invitations; the forum adds
    the forums and applications (``forum_tags.organisation_forums``)."""
    organisation = organisation_for_member(request, organisation_slug)
    is_admin = is_organisation_admin(request.user, organisation)
    memberships = organisation.memberships.select_related("user").order_by(
        "status", *by_name("user__")
    )
    return TemplateResponse(
        request,
        "partners/organisation_dashboard.html",
        {
            "organisation": organisation,
            "is_admin": is_admin,
            "members": [m for m in memberships if m.status == Membership.Status.ACTIVE],
            "pending": [m for m in memberships if m.status == Membership.Status.PENDING]
            if is_admin
            else [],
            "open_invitations": open_invitations(organisation) if is_admin else [],
            "contact_persons": organisation.contact_persons.all(),
            # What the organisation signed; the signed document is served by
            # the document rule, which lets the parties' admins read it.
            "agreements": Agreement.objects.of_organisation(organisation)
            .select_related("organisation", "forum", "signed_document")
            .prefetch_related("parties")
            .order_by("-valid_from", "pk")
            if is_admin
            else [],
        },
    )


@login_required
def edit_organisation(request, organisation_slug):
    organisation = organisation_for_admin(request, organisation_slug)
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Uppgifterna är sparade."))
        return redirect("partners:organisation_dashboard", organisation.slug)
    return TemplateResponse(
        request,
        "partners/organisation_form.html",
        {"form": form, "organisation": organisation, "is_new": False},
    )


@login_required
@require_POST
def decide_membership(request, organisation_slug, membership_id):
    """An organisation admin approves or declines a request to join."""
    organisation = organisation_for_admin(request, organisation_slug)
    membership = get_object_or_404(
        organisation.memberships.pending().select_related("user"), pk=membership_id
    )
    approve = request.POST.get("decision") == "approve"
    person = membership.user
    if approve:
        membership.status = Membership.Status.ACTIVE
        membership.save(update_fields=["status"])
        messages.success(request, _("%(person)s är nu medlem.") % {"person": person})
    else:
        membership.delete()
        messages.success(
            request, _("Förfrågan från %(person)s är avböjd.") % {"person": person}
        )
    send_email(
        [person.email],
        "partners/email/membership_decided.txt",
        {
            "organisation": organisation,
            "approved": approve,
            "url": request.build_absolute_uri(organisation_url(organisation)),
        },
    )
    return redirect("partners:organisation_dashboard", organisation.slug)
