"""The partnership workspace: delegated tasks, joint decisions and agreements."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from partners.models import Membership
from website.sanitizer import safe_html

from .access import is_convener
from .notification_models import Notification
from .notifications import notify_users
from .partnership_forms import (
    DecisionAnswerForm,
    DecisionCloseForm,
    DecisionCreateForm,
    TaskCreateForm,
    TaskUpdateForm,
)
from .partnership_models import (
    DecisionAnswer,
    DelegatedTask,
    JointDecision,
    partner_organisations,
)
from .views import forum_for

UNFINISHED = [DelegatedTask.Status.OPEN, DelegatedTask.Status.IN_PROGRESS]


def my_organisation_ids(user):
    return Membership.objects.active().filter(user=user).values("organisation")


def partner_members(forum):
    """Active members of the organisations at Partnerskap in ``forum``."""
    return get_user_model().objects.filter(
        is_active=True,
        pk__in=Membership.objects.active()
        .filter(organisation__in=partner_organisations(forum))
        .values("user"),
    )


def convener_for(request, slug):
    """The forum if the user convenes it (or is staff), else 403."""
    forum = forum_for(request, slug, "partnership")
    if not is_convener(request.user, forum):
        raise PermissionDenied
    return forum


@login_required
def partnership(request, slug):
    forum = forum_for(request, slug, "partnership")
    today = timezone.localdate()
    tasks = list(
        forum.tasks.select_related("assigned_to").annotate(
            overdue=ExpressionWrapper(
                Q(due_date__lt=today, status__in=UNFINISHED),
                output_field=BooleanField(),
            )
        )
    )
    my_orgs = set(
        my_organisation_ids(request.user).values_list("organisation", flat=True)
    )
    convener = is_convener(request.user, forum)
    for task in tasks:
        task.description_html = safe_html(task.description)
        task.report_html = safe_html(task.report)
        task.may_update = convener or task.assigned_to_id in my_orgs
    decisions = list(forum.joint_decisions.all())
    return TemplateResponse(
        request,
        "forum/partnership/workspace.html",
        {
            "forum": forum,
            "is_convener": convener,
            "tasks": tasks,
            "open_decisions": [d for d in decisions if d.is_open],
            "closed_decisions": [d for d in decisions if not d.is_open],
            "agreements": forum.agreements.select_related("organisation").order_by(
                "-valid_from", "pk"
            ),
            "today": today,
        },
    )


@login_required
def task_create(request, slug):
    forum = convener_for(request, slug)
    form = TaskCreateForm(request.POST or None, forum=forum)
    if request.method == "POST" and form.is_valid():
        form.instance.forum = forum
        form.instance.created_by = request.user
        form.save()
        messages.success(request, _("Uppdraget är skapat."))
        return redirect("forum:partnership", forum.slug)
    return TemplateResponse(
        request, "forum/partnership/task_form.html", {"forum": forum, "form": form}
    )


@login_required
def task_update(request, slug, pk):
    forum = forum_for(request, slug, "partnership")
    task = get_object_or_404(forum.tasks.select_related("assigned_to"), pk=pk)
    if not (
        is_convener(request.user, forum)
        or Membership.objects.active()
        .filter(user=request.user, organisation=task.assigned_to)
        .exists()
    ):
        raise PermissionDenied
    old_report = task.report
    form = TaskUpdateForm(request.POST or None, instance=task)
    if request.method == "POST" and form.is_valid():
        task = form.save(commit=False)
        if task.report.strip() != old_report.strip():
            task.reported_at = timezone.now()
        task.save()
        messages.success(request, _("Uppdraget är uppdaterat."))
        return redirect("forum:partnership", forum.slug)
    return TemplateResponse(
        request,
        "forum/partnership/task_update.html",
        {"forum": forum, "task": task, "form": form},
    )


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
                _("Gemensamt beslut att besvara: %(title)s")
                % {"title": decision.title},
                _(
                    "%(forum)s föreslår ett gemensamt beslut. Svara med samtycke "
                    "eller invändning för er organisation senast %(date)s."
                )
                % {
                    "forum": forum.name,
                    "date": timezone.localtime(decision.answer_by).strftime(
                        "%Y-%m-%d %H:%M"
                    ),
                },
                request.build_absolute_uri(
                    reverse("forum:decision_detail", args=[forum.slug, decision.pk])
                ),
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
                notify_outcome(request, decision)
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


def notify_outcome(request, decision):
    body = _("Utfall för %(title)s i %(forum)s: %(outcome)s.") % {
        "title": decision.title,
        "forum": decision.forum.name,
        "outcome": decision.get_outcome_display(),
    }
    if decision.outcome_note:
        body += "\n\n" + decision.outcome_note
    notify_users(
        partner_members(decision.forum),
        Notification.Kind.DECISION_OUTCOME,
        _("Gemensamt beslut avgjort: %(title)s") % {"title": decision.title},
        body,
        request.build_absolute_uri(
            reverse("forum:decision_detail", args=[decision.forum.slug, decision.pk])
        ),
    )
