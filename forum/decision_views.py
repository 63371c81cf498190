"""Joint decisions in the partnership workspace: proposed by a convener, answered
by each partner organisation (consent, or objection with a reason), closed
with an outcome that the partners are told."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.audit.models import Action
from core.sanitizer import safe_html

from .access import forum_for, is_convener
from .models import DecisionAnswer, JointDecision, Notification
from .models.partnership import partner_organisations
from .notification_texts import iso
from .notifications import notify_users
from .partnership_forms import DecisionAnswerForm, DecisionCloseForm, DecisionCreateForm
from .partnership_views import convener_for, my_organisation_ids, partner_members


@login_required
def decision_create(request, slug):
    forum = convener_for(request, slug)
    form = DecisionCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance.forum = forum
        form.instance.created_by = request.user
        with transaction.atomic():
            decision = form.save()
            notify_users(
                partner_members(forum),
                Notification.Kind.DECISION_TO_ANSWER,
                decision_params(decision) | {"answer_by": iso(decision.answer_by)},
            )
        messages.success(
            request, _("Förslaget är skickat till partnerna för samtycke.")
        )
        return redirect("forum:decision_detail", forum.slug, decision.pk)
    return TemplateResponse(
        request, "forum/partnership/decision_form.html", {"forum": forum, "form": form}
    )


def answers_by_organisation(decision):
    """Every partner organisation with its answer (or None), then former partners."""
    answers = {
        a.organisation_id: a
        for a in decision.answers.select_related("organisation", "answered_by")
    }
    rows = [
        (organisation, answers.pop(organisation.pk, None))
        for organisation in partner_organisations(decision.forum)
    ]
    rows += [(a.organisation, a) for a in answers.values()]
    return rows


@login_required
def decision_detail(request, slug, pk):
    forum = forum_for(request, slug, "partnership")
    decision = get_object_or_404(forum.joint_decisions, pk=pk)
    organisations = partner_organisations(forum).filter(
        pk__in=my_organisation_ids(request.user)
    )
    form = None
    if request.method == "POST":
        if not organisations.exists():
            raise PermissionDenied
        form = DecisionAnswerForm(request.POST, organisations=organisations)
        if form.is_valid():
            if save_answer(request, decision, form.cleaned_data):
                messages.success(request, _("Ert svar är sparat."))
            return redirect("forum:decision_detail", forum.slug, decision.pk)
    elif organisations.exists() and decision.is_open:
        organisation = organisations.first()
        existing = decision.answers.filter(organisation__in=organisations).first()
        initial = {"organisation": organisation}
        if existing:
            initial = {
                "organisation": existing.organisation,
                "answer": existing.answer,
                "reason": existing.reason,
            }
        form = DecisionAnswerForm(initial=initial, organisations=organisations)
    convener = is_convener(request.user, forum)
    return TemplateResponse(
        request,
        "forum/partnership/decision_detail.html",
        {
            "forum": forum,
            "decision": decision,
            "proposal_html": safe_html(decision.proposal),
            "rows": answers_by_organisation(decision),
            "form": form,
            "is_convener": convener,
            "may_close": convener and decision.may_close(),
        },
    )


def save_answer(request, decision, data):
    """Store the organisation's answer unless answering has closed; say why not."""
    with transaction.atomic():
        decision = JointDecision.objects.select_for_update().get(pk=decision.pk)
        if not decision.is_open:
            messages.error(
                request,
                _(
                    "Det går inte längre att svara: sista svarsdag har passerat "
                    "eller beslutet är avgjort."
                ),
            )
            return False
        defaults = {
            "answer": data["answer"],
            "reason": data["reason"],
            "answered_by": request.user,
            "answered_at": timezone.now(),
        }
        try:
            with transaction.atomic():
                DecisionAnswer.objects.update_or_create(
                    decision=decision,
                    organisation=data["organisation"],
                    defaults=defaults,
                )
        except IntegrityError:
            # Two people of one organisation answered at once: the later one wins.
            DecisionAnswer.objects.filter(
                decision=decision, organisation=data["organisation"]
            ).update(**defaults)
    return True


@login_required
@require_http_methods(["GET", "POST"])
def decision_close(request, slug, pk):
    forum = convener_for(request, slug)
    decision = get_object_or_404(forum.joint_decisions, pk=pk)
    if not decision.may_close():
        if decision.outcome != JointDecision.Outcome.PENDING:
            messages.error(request, _("Beslutet är redan avgjort."))
        else:
            messages.error(
                request,
                _(
                    "Beslutet kan avgöras när sista svarsdag har passerat "
                    "eller alla partner har svarat."
                ),
            )
        return redirect("forum:decision_detail", forum.slug, decision.pk)
    computed = decision.suggested_outcome()
    form = DecisionCloseForm(request.POST or None, computed=computed)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            updated = JointDecision.objects.filter(
                pk=decision.pk, outcome=JointDecision.Outcome.PENDING
            ).update(
                outcome=form.cleaned_data["outcome"],
                outcome_note=form.cleaned_data["outcome_note"],
                decided_at=timezone.now(),
            )
            if updated:
                decision.refresh_from_db()
                decision.audit(
                    Action.DECISION_CLOSED,
                    actor=request.user,
                    outcome=decision.outcome,
                )
                notify_outcome(decision)
        messages.success(
            request, _("Utfallet är sparat och partnerna har fått besked.")
        )
        return redirect("forum:decision_detail", forum.slug, decision.pk)
    return TemplateResponse(
        request,
        "forum/partnership/decision_close.html",
        {
            "forum": forum,
            "decision": decision,
            "form": form,
            "computed": JointDecision.Outcome(computed),
            "rows": answers_by_organisation(decision),
        },
    )


def decision_params(decision):
    """What a notification about ``decision`` says (forum.notification_texts)."""
    return {
        "decision": decision.pk,
        "forum": decision.forum.slug,
        "forum_name": decision.forum.name,
        "title": decision.title,
    }


def notify_outcome(decision):
    notify_users(
        partner_members(decision.forum),
        Notification.Kind.DECISION_OUTCOME,
        decision_params(decision)
        | {"outcome": decision.outcome, "note": decision.outcome_note},
    )
