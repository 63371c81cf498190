"""Consultations (samråd): the proposals, what conveners do with them, feedback.

The organisations' responses are in ``response_views``; the rules apart from
a request (who is invited, publishing and announcing, feedback) in
``forum.consultations``, the response versions on ``ConsultationResponse``.

Every consultation is found through ``Consultation.objects.visible_to(user)``
(which shows drafts only to conveners), so one that a person may not see is a 404.
Deadlines and states are checked here on the server, whatever the form shows.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Subquery
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from core import csv
from core.collation import swedish
from core.slugs import unique_slug
from partners.models import Membership, Organisation

from . import consultations as service
from .access import can, forum_for, is_convener
from .consultation_forms import ConsultationForm, FeedbackForm, InviteForm
from .consultations import (
    answered_count,
    invited_organisations,
    organisations_answering_for,
    send_reminder,
)
from .desk import time_left
from .models import Consultation, ConsultationResponse


def consultation_for(request, slug, pk, action="view_members"):
    """The consultation if the user may see it (else 404), and whether they convene."""
    forum = forum_for(request, slug, action)
    convener = is_convener(request.user, forum)
    consultations = Consultation.objects.filter(forum=forum).visible_to(request.user)
    consultation = get_object_or_404(consultations.select_related("forum"), pk=pk)
    consultation.forum = forum
    return consultation, convener


PUBLISHED = _lazy(
    "Samrådet är publicerat och de inbjudna organisationerna har fått besked."
)


def consultation_slug(forum, title):
    base = slugify(title)[:100] or "samrad"
    return unique_slug(base, Consultation.objects.filter(forum=forum))


# ---------------------------------------------------------------------------
# Lists and details.


@login_required
def consultation_list(request, slug):
    """The forum's consultations the person may see: open, coming and closed."""
    forum = forum_for(request, slug)
    convener = is_convener(request.user, forum)
    consultations = Consultation.objects.filter(forum=forum).visible_to(request.user)
    my_response = ConsultationResponse.objects.filter(
        consultation=OuterRef("pk"),
        organisation__memberships__user=request.user,
        organisation__memberships__status=Membership.Status.ACTIVE,
    )
    consultations = consultations.annotate(
        response_count=Count("responses", distinct=True),
        responded=Exists(my_response),
    ).order_by("deadline", "pk")
    now = timezone.now()
    groups = {"open": [], "upcoming": [], "closed": [], "drafts": []}
    for consultation in consultations:
        if not consultation.published:
            groups["drafts"].append(consultation)
        elif consultation.deadline <= now:
            groups["closed"].append(consultation)
        elif consultation.opens_at > now:
            groups["upcoming"].append(consultation)
        else:
            groups["open"].append(consultation)
    groups["closed"].reverse()
    return TemplateResponse(
        request,
        "forum/consultations/consultation_list.html",
        {
            "forum": forum,
            "is_convener": convener,
            "can_respond": can(request.user, "respond", forum),
            **groups,
        },
    )


def attachment_url(consultation, attachment):
    return reverse(
        "forum:response_attachment",
        args=[consultation.forum.slug, consultation.pk, attachment.pk],
    )


def shown_responses(consultation):
    """:func:`responses_with_answers` as a list, each file with its download URL.

    Only for people who may see every response (see
    :func:`forum.response_views.response_attachment`).
    """
    responses = list(service.responses_with_answers(consultation))
    for response in responses:
        for attachment in response.current_attachments:
            attachment.download_url = attachment_url(consultation, attachment)
    return responses


@login_required
def consultation_detail(request, slug, pk):
    consultation, convener = consultation_for(request, slug, pk)
    questions = list(consultation.questions.all())
    my_organisations = list(organisations_answering_for(request.user, consultation))
    my_responses = {
        response.organisation_id: response
        for response in consultation.responses.filter(
            organisation__in=[o.pk for o in my_organisations]
        )
    }
    show_responses = convener or consultation.responses_visible
    feedback_visible = convener or consultation.feedback_published_at is not None
    invitable = convener and consultation.is_open
    return TemplateResponse(
        request,
        "forum/consultations/consultation_detail.html",
        {
            "forum": consultation.forum,
            "consultation": consultation,
            "is_convener": convener,
            "time_left": time_left(consultation.deadline, timezone.now()),
            "answers": answered_count(consultation),
            "invite_form": InviteForm(consultation=consultation) if invitable else None,
            "questions": questions,
            "documents": consultation.documents.select_related("document"),
            "my_organisations": [
                (organisation, my_responses.get(organisation.pk))
                for organisation in my_organisations
            ],
            "responses": shown_responses(consultation) if show_responses else None,
            "feedback_visible": feedback_visible,
            "feedback_items": consultation.feedback_items.select_related(
                "question"
            ).order_by("question__position", "question__pk")
            if feedback_visible
            else None,
        },
    )


@login_required
def consultation_print(request, slug, pk):
    """A printable compilation: proposal, questions, responses and feedback."""
    consultation, convener = consultation_for(request, slug, pk)
    show_responses = convener or consultation.responses_visible
    feedback_visible = convener or consultation.feedback_published_at is not None
    return TemplateResponse(
        request,
        "forum/consultations/consultation_print.html",
        {
            "forum": consultation.forum,
            "consultation": consultation,
            "questions": consultation.questions.all(),
            "responses": shown_responses(consultation) if show_responses else None,
            "feedback_visible": feedback_visible,
            "feedback_items": consultation.feedback_items.select_related(
                "question"
            ).order_by("question__position", "question__pk")
            if feedback_visible
            else None,
            "printed_at": timezone.now(),
        },
    )


# ---------------------------------------------------------------------------
# The convener's side.


@login_required
def consultation_create(request, slug):
    forum = forum_for(request, slug, "manage")
    form = ConsultationForm(request.POST or None, forum=forum)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            consultation = form.save(commit=False)
            consultation.forum = forum
            consultation.slug = consultation_slug(forum, consultation.title)
            consultation.created_by = request.user
            consultation.save()
            form.save_m2m()
            consultation.set_questions(form.cleaned_data["questions"])
        if service.publish(consultation):
            messages.success(request, PUBLISHED)
        else:
            messages.success(
                request,
                _("Samrådet är sparat som utkast. Bara sammankallande ser det."),
            )
        return redirect("forum:consultation_detail", forum.slug, consultation.pk)
    return TemplateResponse(
        request,
        "forum/consultations/consultation_form.html",
        {"forum": forum, "form": form, "consultation": None},
    )


@login_required
def consultation_edit(request, slug, pk):
    """Conveners change the proposal and questions until the deadline."""
    consultation, _convener = consultation_for(request, slug, pk, "manage")
    forum = consultation.forum
    if consultation.is_closed:
        messages.error(
            request,
            _("Sista dag för svar har passerat; samrådet kan inte längre ändras."),
        )
        return redirect("forum:consultation_detail", forum.slug, consultation.pk)
    was_published = consultation.published
    form = ConsultationForm(request.POST or None, instance=consultation, forum=forum)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            consultation = form.save()
            consultation.set_questions(form.cleaned_data["questions"])
        if service.publish(consultation, was_published=was_published):
            messages.success(request, PUBLISHED)
        else:
            messages.success(request, _("Ändringarna är sparade."))
        return redirect("forum:consultation_detail", forum.slug, consultation.pk)
    return TemplateResponse(
        request,
        "forum/consultations/consultation_form.html",
        {"forum": forum, "form": form, "consultation": consultation},
    )


@login_required
@require_POST
def consultation_invite(request, slug, pk):
    """Conveners invite organisations that are not invited yet (those that
    joined the forum after the consultation opened) while it is open."""
    consultation, _convener = consultation_for(request, slug, pk, "manage")
    back = redirect("forum:consultation_detail", consultation.forum.slug, pk)
    if not consultation.is_open:
        messages.error(
            request,
            _("Organisationer kan bara bjudas in medan samrådet är öppet."),
        )
        return back
    form = InviteForm(request.POST, consultation=consultation)
    if not form.is_valid():
        for error in form.errors["organisations"]:
            messages.error(request, error)
        return back
    organisations = form.cleaned_data["organisations"]
    service.invite(consultation, organisations)
    messages.success(
        request,
        ngettext(
            "%(names)s är inbjuden och medlemmarna har fått besked.",
            "%(names)s är inbjudna och medlemmarna har fått besked.",
            len(organisations),
        )
        % {"names": ", ".join(o.name for o in organisations)},
    )
    return back


@login_required
def consultation_status(request, slug, pk):
    """Conveners: which invited organisations have responded; send a reminder."""
    consultation, _convener = consultation_for(request, slug, pk, "manage")
    invited = invited_organisations(consultation).annotate(
        response_version=Subquery(
            ConsultationResponse.objects.filter(
                consultation=consultation, organisation=OuterRef("pk")
            ).values("version")[:1]
        ),
        response_updated_at=Subquery(
            ConsultationResponse.objects.filter(
                consultation=consultation, organisation=OuterRef("pk")
            ).values("updated_at")[:1]
        ),
    )
    invited = list(invited.order_by(swedish("name")))
    responded = [o for o in invited if o.response_version]
    waiting = [o for o in invited if not o.response_version]
    if request.method == "POST":
        if not consultation.is_open:
            messages.error(
                request, _("Påminnelser kan bara skickas medan samrådet är öppet.")
            )
        elif not waiting:
            messages.info(request, _("Alla inbjudna organisationer har redan svarat."))
        else:
            send_reminder(consultation, waiting)
            messages.success(
                request,
                _("Påminnelsen är skickad till %(count)s organisationer.")
                % {"count": len(waiting)},
            )
        return redirect("forum:consultation_status", consultation.forum.slug, pk)
    others = Organisation.objects.filter(
        consultation_responses__consultation=consultation
    ).exclude(pk__in=[o.pk for o in invited])
    return TemplateResponse(
        request,
        "forum/consultations/consultation_status.html",
        {
            "forum": consultation.forum,
            "consultation": consultation,
            "responded": responded,
            "waiting": waiting,
            "others": list(others),
        },
    )


@login_required
def consultation_feedback(request, slug, pk):
    """After the deadline the convener summarises the responses and publishes."""
    consultation, _convener = consultation_for(request, slug, pk, "manage")
    forum = consultation.forum
    questions = list(consultation.questions.all())
    if not consultation.is_closed:
        if request.method == "POST":
            messages.error(
                request, _("Återkoppling kan skrivas först efter sista dag för svar.")
            )
            return redirect("forum:consultation_detail", forum.slug, pk)
        return TemplateResponse(
            request,
            "forum/consultations/consultation_feedback.html",
            {"forum": forum, "consultation": consultation, "form": None},
        )
    summaries = {
        item.question_id: item.summary for item in consultation.feedback_items.all()
    }
    initial = {"feedback": consultation.feedback} | {
        FeedbackForm.summary_key(q): summaries.get(q.pk, "") for q in questions
    }
    publish = "publish" in request.POST
    form = FeedbackForm(
        request.POST or None, initial=initial, questions=questions, publish=publish
    )
    if request.method == "POST" and form.is_valid():
        if service.save_feedback(
            consultation,
            form.cleaned_data["feedback"],
            form.summaries(),
            publish=publish,
        ):
            messages.success(
                request,
                _("Återkopplingen är publicerad och de inbjudna har fått besked."),
            )
        else:
            messages.success(request, _("Återkopplingen är sparad."))
        return redirect("forum:consultation_detail", forum.slug, pk)
    return TemplateResponse(
        request,
        "forum/consultations/consultation_feedback.html",
        {"forum": forum, "consultation": consultation, "form": form},
    )


@login_required
def consultation_export(request, slug, pk):
    """Conveners: every response as CSV, one row per organisation and question."""
    consultation, _convener = consultation_for(request, slug, pk, "export")
    questions = list(consultation.questions.all())
    header = [
        _("Organisation"),
        _("Fråga nr"),
        _("Fråga"),
        _("Svar"),
        _("Övriga synpunkter"),
        _("Version"),
        _("Senast ändrat"),
        _("Bilagor"),
    ]
    return csv.download(
        f"samrad-{consultation.slug}-svar.csv",
        header,
        service.export_rows(consultation, questions),
    )
