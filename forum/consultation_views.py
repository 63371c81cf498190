"""Consultations (samråd): proposals, the organisations' responses, feedback.

Every consultation is found through ``Consultation.objects.visible_to(user)``
(which shows drafts only to conveners), so one that a person may not see is a 404.
Deadlines and states are checked here on the server, whatever the form shows.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core import csv
from core.attachments import serve
from core.query import reads_query
from core.sanitizer import plain_text
from core.slugs import unique_slug
from partners.models import Membership, Organisation

from . import consultations as service
from .access import can, forum_for, is_convener
from .consultation_forms import (
    ConsultationForm,
    FeedbackForm,
    ResponseForm,
    ResponseQueryForm,
)
from .consultations import (
    invited_organisations,
    members_of,
    organisations_answering_for,
    send_reminder,
)
from .models import (
    Consultation,
    ConsultationQuestion,
    ConsultationResponse,
    FeedbackItem,
    ResponseAnswer,
    ResponseAttachment,
    ResponseVersion,
)
from .notifications import in_email_language


def consultation_for(request, slug, pk, action="view_members"):
    """The consultation if the user may see it (else 404), and whether they convene."""
    forum = forum_for(request, slug, action)
    convener = is_convener(request.user, forum)
    consultations = Consultation.objects.filter(forum=forum).visible_to(request.user)
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
    with in_email_language():
        service.send_notifications(
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


def current_attachments():
    """The files that belong to a response now (removed ones stay for history)."""
    return ResponseAttachment.objects.filter(removed_at__isnull=True)


def attachment_url(consultation, attachment):
    return reverse(
        "forum:response_attachment",
        args=[consultation.forum.slug, consultation.pk, attachment.pk],
    )


def responses_with_answers(consultation):
    """The responses with their answers in question order and their current
    files (``current_attachments``), in a fixed query count."""
    return consultation.responses.select_related(
        "organisation", "updated_by"
    ).prefetch_related(
        Prefetch(
            "answers",
            queryset=ResponseAnswer.objects.select_related("question").order_by(
                "question__position", "question__pk"
            ),
        ),
        Prefetch(
            "attachments",
            queryset=current_attachments(),
            to_attr="current_attachments",
        ),
    )


def shown_responses(consultation):
    """:func:`responses_with_answers` as a list, each file with its download URL.

    Only for people who may see every response (see :func:`response_attachment`).
    """
    responses = list(responses_with_answers(consultation))
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
            with in_email_language():
                service.send_notifications(
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
        export_rows(consultation, questions),
    )


def export_rows(consultation, questions):
    """One row per organisation and question; rich text as plain text."""
    for answer_set in responses_with_answers(consultation):
        answers = {
            answer.question_id: answer.text for answer in answer_set.answers.all()
        }
        changed = timezone.localtime(answer_set.updated_at).strftime("%Y-%m-%d %H:%M")
        files = "; ".join(
            attachment.name for attachment in answer_set.current_attachments
        )
        for number, question in enumerate(questions, start=1):
            yield [
                answer_set.organisation.name,
                number,
                plain_text(question.text),
                plain_text(answers.get(question.pk, "")),
                plain_text(answer_set.general_comment),
                answer_set.version,
                changed,
                files,
            ]


# ---------------------------------------------------------------------------
# The organisation's response.


def chosen_organisation(request, consultation, wanted):
    """The invited organisation the member answers for: the one with slug
    ``wanted``, else the first."""
    organisations = list(organisations_answering_for(request.user, consultation))
    if not organisations:
        raise PermissionDenied(
            _("Du är inte medlem i någon organisation som är inbjuden till samrådet.")
        )
    for organisation in organisations:
        if organisation.slug == wanted:
            return organisation, organisations
    return organisations[0], organisations


def snapshot_of(response, answers, attachments):
    """What a ResponseVersion keeps: the texts and the files current after the
    save (names to show, ids in the same order to link to)."""
    return {
        "general_comment": response.general_comment,
        "answers": {str(question.pk): text for question, text in answers},
        "attachments": [attachment.name for attachment in attachments],
        "attachment_ids": [attachment.pk for attachment in attachments],
    }


def record_version(response, questions, user, now):
    """Keep the response as it is now (texts and current files) as its version."""
    stored = {answer.question_id: answer.text for answer in response.answers.all()}
    ResponseVersion.objects.create(
        response=response,
        version=response.version,
        snapshot=snapshot_of(
            response,
            [(question, stored.get(question.pk, "")) for question in questions],
            list(current_attachments().filter(response=response)),
        ),
        saved_by=user,
        saved_at=now,
    )


class StaleVersion(Exception):
    """Another member saved the response after this form was loaded."""


def save_response(consultation, organisation, user, form):
    """Save a response if the form's version is current; keep a ResponseVersion.

    The new files are stored and the chosen ones marked removed (never deleted:
    the history shows them) in the same transaction as the texts.
    """
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
        for checked in form.new_files():
            ResponseAttachment.create_from(checked, user, response=response)
        removed = [attachment.pk for attachment in form.files_to_remove()]
        if removed:
            current_attachments().filter(response=response, pk__in=removed).update(
                removed_at=now, removed_by=user
            )
        response.refresh_from_db(fields=["general_comment"])
        record_version(response, [question for question, _ in answers], user, now)
    return response


def attach_despite_conflict(consultation, organisation, user, form):
    """After a stale save: store the form's new files all the same.

    Files do not overwrite anyone's text, so they are added to the response as
    it is now, as a version of their own (same texts, these files). Removals
    and texts are not applied. Nothing after the deadline, nothing when there
    is no response to add to. Returns the stored files' names.
    """
    checked = form.new_files()
    now = timezone.now()
    if not checked or now >= consultation.deadline:
        return []
    with transaction.atomic():
        response = (
            ConsultationResponse.objects.select_for_update()
            .filter(consultation=consultation, organisation=organisation)
            .first()
        )
        if response is None:
            return []
        stored = [
            ResponseAttachment.create_from(upload, user, response=response)
            for upload in checked
        ]
        ConsultationResponse.objects.filter(pk=response.pk).update(
            version=F("version") + 1, updated_by=user, updated_at=now
        )
        response.refresh_from_db()
        record_version(response, consultation.questions.all(), user, now)
    return [attachment.name for attachment in stored]


def own_response(consultation, organisation):
    """The organisation's response with its answers and current files, or None."""
    return (
        ConsultationResponse.objects.filter(
            consultation=consultation, organisation=organisation
        )
        .select_related("updated_by")
        .prefetch_related(
            "answers",
            Prefetch(
                "attachments",
                queryset=current_attachments(),
                to_attr="current_attachments",
            ),
        )
        .first()
    )


def files_of(consultation, response):
    """The response's current files with their download URLs ([] for none)."""
    if response is None:
        return []
    for attachment in response.current_attachments:
        attachment.download_url = attachment_url(consultation, attachment)
    return response.current_attachments


@login_required
@reads_query(ResponseQueryForm)
def response_edit(request, slug, pk, query_form):
    """A member writes the organisation's single response until the deadline."""
    consultation, _convener = consultation_for(request, slug, pk)
    if not can(request.user, "respond", consultation):
        raise PermissionDenied
    # The form says which organisation it answers for; a link, the query string.
    wanted = request.POST.get("organisation") or query_form().slug()
    organisation, organisations = chosen_organisation(request, consultation, wanted)
    questions = list(consultation.questions.all())
    response = own_response(consultation, organisation)
    attachments = files_of(consultation, response)
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
        # The server decides, whatever the page looked like when it was loaded;
        # files sent along are not stored either.
        form = ResponseForm(initial=initial, questions=questions, read_only=True)
        status = 403
    elif request.method == "POST":
        form = ResponseForm(
            request.POST,
            request.FILES,
            initial=initial,
            questions=questions,
            current_attachments=attachments,
        )
        if form.is_valid():
            try:
                save_response(consultation, organisation, request.user, form)
            except StaleVersion:
                current = own_response(consultation, organisation)
                conflict = conflict_view(current, questions)
                conflict["stored_files"] = attach_despite_conflict(
                    consultation, organisation, request.user, form
                )
                conflict["removals_kept"] = bool(form.files_to_remove())
                if conflict["stored_files"]:
                    current = own_response(consultation, organisation)
                response, attachments = current, files_of(consultation, current)
                # Keep what this person wrote; the next save replaces the
                # version they have now seen.
                data = request.POST.copy()
                data["version"] = current.version if current else 0
                form = ResponseForm(
                    data, questions=questions, current_attachments=attachments
                )
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
            initial=initial,
            questions=questions,
            current_attachments=attachments,
            read_only=bool(closed_message),
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
            "attachments": attachments,
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
@require_safe
def response_attachment(request, slug, pk, attachment_id):
    """Download a file of a response, for whoever may read that response.

    The same rule as the pages that show responses: conveners, and the members
    of the responding organisation, get every file of it, also one removed
    from the response (it stays in the history); when the consultation shows
    the responses to everyone, anyone who may see it gets the current files.
    Anyone else gets a 404, as if there were no such file.
    """
    consultation, convener = consultation_for(request, slug, pk)
    attachment = get_object_or_404(
        ResponseAttachment.objects.filter(
            response__consultation=consultation
        ).select_related("response"),
        pk=attachment_id,
    )
    allowed = (
        convener
        or organisations_answering_for(request.user, consultation)
        .filter(pk=attachment.response.organisation_id)
        .exists()
        or (consultation.responses_visible and attachment.removed_at is None)
    )
    if not allowed:
        raise Http404
    return serve(attachment)


@login_required
@reads_query(ResponseQueryForm)
def response_history(request, slug, pk, query_form):
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
    wanted = query_form().slug()
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
                "attachments": version_files(consultation, snapshot),
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


def version_files(consultation, snapshot):
    """The files a version had, as (name, download URL or ""), from its snapshot.

    Versions saved before responses had files have none. Everyone who may read
    the history may also download the files it names, removed ones included.
    """
    names = snapshot.get("attachments") or []
    ids = snapshot.get("attachment_ids") or []
    if len(ids) != len(names):
        ids = [None] * len(names)
    return [
        (
            str(name),
            reverse(
                "forum:response_attachment",
                args=[consultation.forum.slug, consultation.pk, attachment_id],
            )
            if isinstance(attachment_id, int)
            else "",
        )
        for name, attachment_id in zip(names, ids, strict=True)
    ]
