"""An organisation's admins keep its contact persons up to date on the site."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .forms import ContactPersonForm
from .permissions import organisation_for_admin


def contact_person_form(request, organisation, contact=None):
    form = ContactPersonForm(request.POST or None, instance=contact)
    if request.method == "POST" and form.is_valid():
        contact = form.save(commit=False)
        contact.organisation = organisation
        contact.save()
        messages.success(
            request,
            _("Kontaktpersonen %(name)s är sparad.") % {"name": contact.name},
        )
        return redirect("partners:organisation_dashboard", organisation.slug)
    return TemplateResponse(
        request,
        "partners/contact_person_form.html",
        {"form": form, "organisation": organisation, "contact": contact},
    )


@login_required
def create_contact_person(request, organisation_slug):
    organisation = organisation_for_admin(request, organisation_slug)
    return contact_person_form(request, organisation)


@login_required
def edit_contact_person(request, organisation_slug, contact_id):
    organisation = organisation_for_admin(request, organisation_slug)
    contact = get_object_or_404(organisation.contact_persons, pk=contact_id)
    return contact_person_form(request, organisation, contact)


@login_required
def delete_contact_person(request, organisation_slug, contact_id):
    """Asks first; the removal is a POST from the confirmation page."""
    organisation = organisation_for_admin(request, organisation_slug)
    contact = get_object_or_404(organisation.contact_persons, pk=contact_id)
    if request.method == "POST":
        contact.delete()
        messages.success(
            request,
            _("Kontaktpersonen %(name)s är borttagen.") % {"name": contact.name},
        )
        return redirect("partners:organisation_dashboard", organisation.slug)
    return TemplateResponse(
        request,
        "partners/contact_person_confirm_delete.html",
        {"organisation": organisation, "contact": contact},
    )
