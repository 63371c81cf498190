from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from core.seo import script_content
from partners.permissions import organisation_for_admin

from .access import forum_for, forums_of, level_in
from .applications import tell_applicant, tell_conveners
from .desk import desk_for
from .forms import ApplicationForm, DecisionForm
from .jsonld import coordinators_data
from .models import Coordinator, Level, ParticipationApplication


@login_required
def forum_list(request):
    """The forums the signed-in person takes part in, with their level in each."""
    forums = list(forums_of(request.user).select_related("county", "subregion"))
    for forum in forums:
        forum.my_level = Level(level_in(request.user, forum))
    return TemplateResponse(request, "forum/forum_list.html", {"forums": forums})


@login_required
def forum_detail(request, slug):
    """The member's desk: what needs them in the forum now, and its rooms."""
    forum = forum_for(request, slug)
    desk = desk_for(request.user, forum)
    return TemplateResponse(
        request,
        "forum/forum_detail.html",
        {
            "forum": forum,
            "desk": desk,
            "my_level": Level(desk.level),
            "is_convener": desk.convener,
            "levels": [(choice, choice <= desk.level) for choice in Level],
        },
    )


def coordinator_list(request):
    """Public: the sub-regional TIA coordinators and how to reach them."""
    coordinators = list(
        Coordinator.objects.select_related("organisation", "subregion__county")
    )
    data = coordinators_data(coordinators, name=_("Delregionala samordnare"))
    return TemplateResponse(
        request,
        "forum/coordinator_list.html",
        {"coordinators": coordinators, "jsonld": script_content(data)},
    )


@login_required
def apply(request, organisation_slug):
    """An organisation admin applies for the organisation to join a forum."""
    organisation = organisation_for_admin(request, organisation_slug)
    form = ApplicationForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        form.instance.applicant = request.user
        application = form.save()
        tell_conveners(
            application,
            request.build_absolute_uri(
                reverse("forum:applications", args=[application.forum.slug])
            ),
        )
        messages.success(
            request,
            _("Ansökan är skickad. Du får besked via e-post och här på sidan."),
        )
        return redirect("partners:organisation_dashboard", organisation.slug)
    return TemplateResponse(
        request,
        "forum/application_form.html",
        {"form": form, "organisation": organisation},
    )


@login_required
def applications(request, slug):
    """Conveners: the applications to the forum, open ones first."""
    forum = forum_for(request, slug, "decide_application")
    items = forum.applications.select_related(
        "organisation", "applicant", "decided_by"
    ).order_by("status", "-created_at")
    pending = [a for a in items if a.status == ParticipationApplication.Status.PENDING]
    decided = [a for a in items if a.status != ParticipationApplication.Status.PENDING]
    return TemplateResponse(
        request,
        "forum/application_list.html",
        {"forum": forum, "pending": pending, "decided": decided},
    )


@login_required
def decide_application(request, slug, application_id):
    """A convener approves, at the asked or another level, or declines with a reason."""
    forum = forum_for(request, slug, "decide_application")
    application = get_object_or_404(
        forum.applications.select_related("organisation", "applicant"),
        pk=application_id,
    )
    if application.status != ParticipationApplication.Status.PENDING:
        messages.error(request, _("Ansökan är redan avgjord."))
        return redirect("forum:applications", forum.slug)
    form = DecisionForm(
        request.POST or None, initial={"level": application.requested_level}
    )
    if request.method == "POST" and form.is_valid():
        try:
            application.decide(
                approve=form.cleaned_data["decision"] == "approve",
                level=form.cleaned_data["level"],
                reason=form.cleaned_data.get("reason", ""),
                by=request.user,
            )
        except ParticipationApplication.AlreadyDecided:
            # Another convener decided while this one had the form open.
            messages.error(request, _("Ansökan är redan avgjord."))
            return redirect("forum:applications", forum.slug)
        tell_applicant(
            application,
            request.build_absolute_uri(
                reverse(
                    "partners:organisation_dashboard",
                    args=[application.organisation.slug],
                )
            ),
        )
        messages.success(
            request, _("Beslutet är sparat och den sökande har fått besked.")
        )
        return redirect("forum:applications", forum.slug)
    return TemplateResponse(
        request,
        "forum/application_decide.html",
        {"forum": forum, "application": application, "form": form},
    )
