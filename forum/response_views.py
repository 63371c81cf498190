"""The organisation's response to a consultation: writing it, its files, its history.

One response per organisation, which any of its members edits until the
deadline; :meth:`ConsultationResponse.save_version` refuses a stale form and
keeps every version. The consultation is found as in ``consultation_views``
(through the access rule; a draft only for conveners), so one a person may not
see is a 404. Deadlines are checked here on the server, whatever the form shows.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.attachments import serve
from core.query import reads_query
from partners.models import Organisation

from .access import can
from .consultation_forms import ResponseForm, ResponseQueryForm
from .consultation_views import attachment_url, consultation_for
from .consultations import invited_organisations, organisations_answering_for
from .models import ConsultationResponse, ResponseAttachment, ResponseVersion


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
                queryset=ResponseAttachment.objects.current(),
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
                ConsultationResponse.save_version(
                    consultation,
                    organisation,
                    version=form.cleaned_data["version"],
                    general_comment=form.cleaned_data["general_comment"],
                    answers=form.answers(),
                    new_files=form.new_files(),
                    removed=form.files_to_remove(),
                    by=request.user,
                )
            except ConsultationResponse.StaleVersion:
                current = own_response(consultation, organisation)
                conflict = conflict_view(current, questions)
                conflict["stored_files"] = ConsultationResponse.add_files(
                    consultation, organisation, form.new_files(), request.user
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
