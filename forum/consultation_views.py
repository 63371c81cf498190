"""Consultations (samråd): proposals, the organisations' responses, feedback.

Every consultation is found through ``Consultation.objects.visible_to(user)``
(drafts only for conveners), so one that a person may not see is a 404.
Deadlines and states are checked here on the server, whatever the form shows.
"""

import csv

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, Subquery
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from partners.models import Membership, Organisation
from website.sanitizer import plain_text
from website.slugs import unique_slug

from .access import can, is_convener
from .consultation_forms import ConsultationForm, FeedbackForm, ResponseForm
from .consultation_models import (
    Consultation,
    ConsultationQuestion,
    ConsultationResponse,
    FeedbackItem,
    ResponseAnswer,
    ResponseVersion,
)
from .models import Level, LevelChange, Participation
from .views import forum_for


def send_notifications(users, kind, subject, body, url):
    """Hand the notifications to the forum's notification module."""
    from forum.notifications import notify_users

    notify_users(users, kind, subject, body, url)


# ---------------------------------------------------------------------------
# Helpers: who is invited, who may answer for which organisation.


def invited_organisations(consultation):
    """The organisations asked to respond.

    The ``invited`` list, or when it is empty every organisation that took part
    in the forum at Samråd or higher when the consultation opened (by the log
    of level changes; for one not open yet, their level now). Either way only
    organisations that can still see the consultation: a member must be able
    to read what their organisation is asked about.
    """
    forum_id = consultation.forum_id
    can_see = Exists(
        Participation.objects.filter(
            forum_id=forum_id,
            organisation=OuterRef("pk"),
            level__gte=max(consultation.visibility, Level.SAMRAD),
        )
    )
    organisations = Organisation.objects.filter(can_see)
    if consultation.invited.exists():
        return organisations.filter(consultation_invitations=consultation)
    moment = min(consultation.opens_at, timezone.now())
    level_then = Subquery(
        LevelChange.objects.filter(
            forum_id=forum_id, organisation=OuterRef("pk"), changed_at__lte=moment
        )
        .order_by("-changed_at", "-pk")
        .values("to_level")[:1]
    )
    has_log = Exists(
        LevelChange.objects.filter(forum_id=forum_id, organisation=OuterRef("pk"))
    )
    # Participations older than the log (imported without it) count as they are.
    return organisations.annotate(level_then=level_then).filter(
        Q(level_then__gte=Level.SAMRAD) | ~has_log
    )


def waiting_organisations(consultation):
    """Invited organisations that have not responded yet."""
    return invited_organisations(consultation).exclude(
        consultation_responses__consultation=consultation
    )


def send_reminder(consultation, waiting, url):
    """Remind the members of the ``waiting`` organisations of the deadline."""
    send_notifications(
        members_of(waiting),
        "deadline_reminder",
        _("Påminnelse: %(title)s") % {"title": consultation.title},
        _(
            "Er organisation har inte svarat på samrådet ännu. Sista dag "
            "för svar är %(deadline)s."
        )
        % {
            "deadline": timezone.localtime(consultation.deadline).strftime(
                "%Y-%m-%d %H:%M"
            )
        },
        url,
    )
    consultation.reminder_sent_at = timezone.now()
    consultation.save(update_fields=["reminder_sent_at"])


def members_of(organisations):
    """The active members of ``organisations``, to notify."""
    return (
        get_user_model()
        .objects.filter(
            memberships__organisation__in=organisations,
            memberships__status=Membership.Status.ACTIVE,
            is_active=True,
        )
        .distinct()
    )


def organisations_answering_for(user, consultation):
    """The invited organisations that ``user`` is an active member of."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return invited_organisations(consultation).filter(
        memberships__user=user, memberships__status=Membership.Status.ACTIVE
    )


def consultation_for(request, slug, pk, action="view_members"):
    """The consultation if the user may see it (else 404), and whether they convene."""
    forum = forum_for(request, slug, action)
    convener = is_convener(request.user, forum)
    consultations = Consultation.objects.filter(forum=forum).visible_to(request.user)
    if not convener:
        consultations = consultations.published()
    consultation = get_object_or_404(consultations.select_related("forum"), pk=pk)
    consultation.forum = forum
    return consultation, convener


def absolute_url(request, name, consultation):
    return request.build_absolute_uri(
        reverse(name, args=[consultation.forum.slug, consultation.pk])
    )


def consultation_slug(forum, title):
    base = slugify(title)[:100] or "samrad"
    return unique_slug(base, Consultation.objects.filter(forum=forum))


def save_questions(consultation, texts):
    """Keep the questions in the order given: reword, add, or drop unanswered ones."""
    existing = list(consultation.questions.all())
    for position, text in enumerate(texts):
        if position < len(existing):
            question = existing[position]
            if (question.text, question.position) != (text, position):
                question.text, question.position = text, position
                question.save(update_fields=["text", "position"])
        else:
            ConsultationQuestion.objects.create(
                consultation=consultation, position=position, text=text
            )
    for question in existing[len(texts) :]:
        if not question.answers.exists():
            question.delete()


def announce(request, consultation):
    """Tell the invited organisations' members about a newly published consultation."""
    send_notifications(
        members_of(invited_organisations(consultation)),
        "new_consultation",
        _("Nytt samråd: %(title)s") % {"title": consultation.title},
        _(
            "%(forum)s ber om er organisations synpunkter. Sista dag för svar är "
            "%(deadline)s."
        )
        % {
            "forum": consultation.forum.name,
            "deadline": timezone.localtime(consultation.deadline).strftime(
                "%Y-%m-%d %H:%M"
            ),
        },
        absolute_url(request, "forum:consultation_detail", consultation),
    )


# ---------------------------------------------------------------------------
# Lists and details.


@login_required
def consultation_list(request, slug):
    """The forum's consultations the person may see: open, coming and closed."""
    forum = forum_for(request, slug)
    convener = is_convener(request.user, forum)
    consultations = Consultation.objects.filter(forum=forum).visible_to(request.user)
    if not convener:
        consultations = consultations.published()
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


def responses_with_answers(consultation):
    """The responses with their answers in question order, in a fixed query count."""
    return consultation.responses.select_related(
        "organisation", "updated_by"
    ).prefetch_related(
        Prefetch(
            "answers",
            queryset=ResponseAnswer.objects.select_related("question").order_by(
                "question__position", "question__pk"
            ),
        )
    )


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
    return TemplateResponse(
        request,
        "forum/consultations/consultation_detail.html",
        {
            "forum": consultation.forum,
            "consultation": consultation,
            "is_convener": convener,
            "questions": questions,
            "documents": consultation.documents.select_related("document"),
            "my_organisations": [
                (organisation, my_responses.get(organisation.pk))
                for organisation in my_organisations
            ],
            "responses": responses_with_answers(consultation)
            if show_responses
            else None,
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
            "responses": responses_with_answers(consultation)
            if show_responses
            else None,
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
            save_questions(consultation, form.cleaned_data["questions"])
        if consultation.published:
            announce(request, consultation)
            messages.success(
                request,
                _(
                    "Samrådet är publicerat och de inbjudna organisationerna "
                    "har fått besked."
                ),
            )
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
            save_questions(consultation, form.cleaned_data["questions"])
        if consultation.published and not was_published:
            announce(request, consultation)
            messages.success(
                request,
                _(
                    "Samrådet är publicerat och de inbjudna organisationerna "
                    "har fått besked."
                ),
            )
        else:
            messages.success(request, _("Ändringarna är sparade."))
        return redirect("forum:consultation_detail", forum.slug, consultation.pk)
    return TemplateResponse(
        request,
        "forum/consultations/consultation_form.html",
        {"forum": forum, "form": form, "consultation": consultation},
    )


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
    invited = list(invited.order_by("name"))
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
            send_reminder(
                consultation,
                waiting,
                absolute_url(request, "forum:response_edit", consultation),
            )
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
        first_publication = publish and consultation.feedback_published_at is None
        with transaction.atomic():
            for question, summary in form.summaries():
                if summary:
                    FeedbackItem.objects.update_or_create(
                        consultation=consultation,
                        question=question,
                        defaults={"summary": summary},
                    )
                else:
                    FeedbackItem.objects.filter(
                        consultation=consultation, question=question
                    ).delete()
            consultation.feedback = form.cleaned_data["feedback"].strip()
            if first_publication:
                consultation.feedback_published_at = timezone.now()
            consultation.save(update_fields=["feedback", "feedback_published_at"])
        if first_publication:
            send_notifications(
                members_of(invited_organisations(consultation)),
                "feedback_published",
                _("Återkoppling: %(title)s") % {"title": consultation.title},
                _("%(forum)s har publicerat återkopplingen på samrådet.")
                % {"forum": forum.name},
                absolute_url(request, "forum:consultation_detail", consultation),
            )
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


def csv_cell(value):
    """Plain text that a spreadsheet shows as text, never runs as a formula."""
    text = plain_text(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        text = "'" + text
    return text


@login_required
def consultation_export(request, slug, pk):
    """Conveners: every response as CSV, one row per organisation and question."""
    consultation, _convener = consultation_for(request, slug, pk, "export")
    questions = list(consultation.questions.all())
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="samrad-{consultation.slug}-svar.csv"'
    )
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(
        [
            _("Organisation"),
            _("Fråga nr"),
            _("Fråga"),
            _("Svar"),
            _("Övriga synpunkter"),
            _("Version"),
            _("Senast ändrat"),
        ]
    )
    for answer_set in responses_with_answers(consultation):
        answers = {
            answer.question_id: answer.text for answer in answer_set.answers.all()
        }
        changed = timezone.localtime(answer_set.updated_at).strftime("%Y-%m-%d %H:%M")
        for number, question in enumerate(questions, start=1):
            writer.writerow(
                [
                    csv_cell(answer_set.organisation.name),
                    number,
                    csv_cell(question.text),
                    csv_cell(answers.get(question.pk, "")),
                    csv_cell(answer_set.general_comment),
                    answer_set.version,
                    changed,
                ]
            )
    return response


# ---------------------------------------------------------------------------
# The organisation's response.


def chosen_organisation(request, consultation):
    """The invited organisation the member answers for (``?organisation=slug``)."""
    organisations = list(organisations_answering_for(request.user, consultation))
    if not organisations:
        raise PermissionDenied(
            _("Du är inte medlem i någon organisation som är inbjuden till samrådet.")
        )
    wanted = request.POST.get("organisation") or request.GET.get("organisation")
    for organisation in organisations:
        if organisation.slug == wanted:
            return organisation, organisations
    return organisations[0], organisations


def snapshot_of(response, answers):
    return {
        "general_comment": response.general_comment,
        "answers": {str(question.pk): text for question, text in answers},
    }


class StaleVersion(Exception):
    """Another member saved the response after this form was loaded."""


def save_response(consultation, organisation, user, form):
    """Save a response if the form's version is current; keep a ResponseVersion."""
    expected = form.cleaned_data["version"]
    answers = form.answers()
    now = timezone.now()
    with transaction.atomic():
        response = ConsultationResponse.objects.filter(
            consultation=consultation, organisation=organisation
        ).first()
        if response is None:
            if expected != 0:
                raise StaleVersion
            response = ConsultationResponse(
                consultation=consultation, organisation=organisation, version=1
            )
            try:
                with transaction.atomic():
                    response.general_comment = form.cleaned_data["general_comment"]
                    response.updated_by = user
                    response.submitted_at = now
                    response.save()
            except IntegrityError as error:
                raise StaleVersion from error
        else:
            # Claim the next version in one UPDATE: of two saves from the same
            # version, exactly one wins, on every database.
            claimed = ConsultationResponse.objects.filter(
                pk=response.pk, version=expected
            ).update(version=F("version") + 1)
            if not claimed:
                raise StaleVersion
            response.version = expected + 1
            response.general_comment = form.cleaned_data["general_comment"]
            response.updated_by = user
            response.submitted_at = response.submitted_at or now
            response.save()
        for question, text in answers:
            ResponseAnswer.objects.update_or_create(
                response=response, question=question, defaults={"text": text}
            )
        response.refresh_from_db(fields=["general_comment"])
        stored = {answer.question_id: answer.text for answer in response.answers.all()}
        ResponseVersion.objects.create(
            response=response,
            version=response.version,
            snapshot=snapshot_of(
                response,
                [(question, stored.get(question.pk, "")) for question, _ in answers],
            ),
            saved_by=user,
            saved_at=now,
        )
    return response


@login_required
def response_edit(request, slug, pk):
    """A member writes the organisation's single response until the deadline."""
    consultation, _convener = consultation_for(request, slug, pk)
    if not can(request.user, "respond", consultation):
        raise PermissionDenied
    organisation, organisations = chosen_organisation(request, consultation)
    questions = list(consultation.questions.all())
    response = (
        ConsultationResponse.objects.filter(
            consultation=consultation, organisation=organisation
        )
        .select_related("updated_by")
        .prefetch_related("answers")
        .first()
    )
    now = timezone.now()
    if now >= consultation.deadline:
        closed_message = _(
            "Sista dag för svar har passerat. Svaret kan inte längre ändras."
        )
    elif now < consultation.opens_at:
        closed_message = _(
            "Samrådet har inte öppnat ännu. Du kan svara från %(date)s."
        ) % {
            "date": timezone.localtime(consultation.opens_at).strftime("%Y-%m-%d %H:%M")
        }
    else:
        closed_message = ""
    saved_answers = (
        {answer.question_id: answer.text for answer in response.answers.all()}
        if response
        else {}
    )
    initial = {
        "version": response.version if response else 0,
        "general_comment": response.general_comment if response else "",
    } | {ResponseForm.answer_key(q): saved_answers.get(q.pk, "") for q in questions}
    status = 200
    conflict = None
    if request.method == "POST" and closed_message:
        # The server decides, whatever the page looked like when it was loaded.
        form = ResponseForm(initial=initial, questions=questions, read_only=True)
        status = 403
    elif request.method == "POST":
        form = ResponseForm(request.POST, initial=initial, questions=questions)
        if form.is_valid():
            try:
                save_response(consultation, organisation, request.user, form)
            except StaleVersion:
                current = (
                    ConsultationResponse.objects.filter(
                        consultation=consultation, organisation=organisation
                    )
                    .select_related("updated_by")
                    .prefetch_related("answers")
                    .first()
                )
                conflict = conflict_view(current, questions)
                # Keep what this person wrote; the next save replaces the
                # version they have now seen.
                data = request.POST.copy()
                data["version"] = current.version if current else 0
                form = ResponseForm(data, questions=questions)
                form.is_valid()
                status = 409
            else:
                messages.success(
                    request,
                    _("Svaret från %(organisation)s är sparat.")
                    % {"organisation": organisation.name},
                )
                url = reverse("forum:response_edit", args=[slug, pk])
                if len(organisations) > 1:
                    url += f"?organisation={organisation.slug}"
                return redirect(url)
    else:
        form = ResponseForm(
            initial=initial, questions=questions, read_only=bool(closed_message)
        )
    return TemplateResponse(
        request,
        "forum/consultations/response_form.html",
        {
            "forum": consultation.forum,
            "consultation": consultation,
            "organisation": organisation,
            "organisations": organisations,
            "response": response,
            "form": form,
            "closed_message": closed_message,
            "conflict": conflict,
        },
        status=status,
    )


def conflict_view(current, questions):
    """What the other member saved, question by question, to show beside the form."""
    if current is None:
        return {"by": None, "answers": [], "general_comment": ""}
    saved = {answer.question_id: answer.text for answer in current.answers.all()}
    return {
        "by": current.updated_by,
        "at": current.updated_at,
        "answers": [(question, saved.get(question.pk, "")) for question in questions],
        "general_comment": current.general_comment,
    }


@login_required
def response_history(request, slug, pk):
    """Every saved version of the responses the person may follow."""
    consultation, convener = consultation_for(request, slug, pk)
    if convener:
        organisations = invited_organisations(
            consultation
        ) | Organisation.objects.filter(
            consultation_responses__consultation=consultation
        )
    else:
        if not can(request.user, "respond", consultation):
            raise PermissionDenied
        organisations = organisations_answering_for(request.user, consultation)
        if not organisations.exists():
            raise PermissionDenied(
                _(
                    "Du är inte medlem i någon organisation som är inbjuden "
                    "till samrådet."
                )
            )
    wanted = request.GET.get("organisation")
    versions = ResponseVersion.objects.filter(
        response__consultation=consultation,
        response__organisation__in=organisations.values("pk"),
    )
    if wanted:
        versions = versions.filter(response__organisation__slug=wanted)
    versions = versions.select_related("response__organisation", "saved_by").order_by(
        "response__organisation__name", "-version"
    )
    questions = list(consultation.questions.all())
    history = []
    for version in versions:
        snapshot = version.snapshot if isinstance(version.snapshot, dict) else {}
        answers = snapshot.get("answers") or {}
        history.append(
            {
                "version": version,
                "answers": [(q, answers.get(str(q.pk), "")) for q in questions],
                "general_comment": snapshot.get("general_comment", ""),
            }
        )
    return TemplateResponse(
        request,
        "forum/consultations/response_history.html",
        {
            "forum": consultation.forum,
            "consultation": consultation,
            "history": history,
        },
    )
