"""The partnership workspace: its overview, delegated tasks, the archives.

The joint decisions have their own views (``decision_views``)."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import BooleanField, Count, ExpressionWrapper, Q, Window
from django.db.models.functions import Coalesce, ExtractYear, TruncDate
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.pagination import pagination
from core.query import nearest_page, reads_query
from core.sanitizer import safe_html
from partners.models import Agreement, Membership

from .access import forum_for, is_convener
from .models import DelegatedTask, JointDecision
from .models.partnership import partner_organisations
from .partnership_forms import ArchiveQueryForm, TaskCreateForm, TaskUpdateForm

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
    """The forum if the user convenes it (or every forum), else 403."""
    forum = forum_for(request, slug, "partnership")
    if not is_convener(request.user, forum):
        raise PermissionDenied
    return forum


# The workspace shows this many of the finished tasks and decided decisions;
# the archive pages show the rest.
RECENT_FINISHED = 10
ARCHIVE_PER_PAGE = 50


def finished_tasks(forum):
    """The forum's done and cancelled tasks, the most recently finished first.

    ``finished_on`` is the day the status became done or cancelled
    (``finished_at``); rows written without ``save()`` (bulk imports) fall back
    to their last report, their due date, or the day they were created.
    """
    return (
        forum.tasks.exclude(status__in=UNFINISHED)
        .select_related("assigned_to")
        .annotate(
            finished_on=Coalesce(
                TruncDate("finished_at"),
                TruncDate("reported_at"),
                "due_date",
                TruncDate("created_at"),
            )
        )
        .order_by("-finished_on", "-pk")
    )


def decided_decisions(forum):
    """The forum's decided joint decisions, the most recently decided first.

    ``decided_on`` is when the outcome was recorded, else the answer time.
    """
    return (
        forum.joint_decisions.exclude(outcome=JointDecision.Outcome.PENDING)
        .annotate(decided_on=Coalesce("decided_at", "answer_by"))
        .order_by("-decided_on", "-pk")
    )


def with_task_links(request, tasks, convener):
    """Prepare ``tasks`` for the task table: their HTML and who may update them."""
    my_orgs = set(
        my_organisation_ids(request.user).values_list("organisation", flat=True)
    )
    for task in tasks:
        task.description_html = safe_html(task.description)
        task.report_html = safe_html(task.report)
        task.may_update = convener or task.assigned_to_id in my_orgs
    return tasks


@login_required
def partnership(request, slug):
    forum = forum_for(request, slug, "partnership")
    today = timezone.localdate()
    convener = is_convener(request.user, forum)
    tasks = list(
        forum.tasks.filter(status__in=UNFINISHED)
        .select_related("assigned_to")
        .annotate(
            overdue=ExpressionWrapper(
                Q(due_date__lt=today), output_field=BooleanField()
            )
        )
    )
    finished = finished_tasks(forum)
    # The first few and, on each row, how many there are: one query.
    recent_tasks = list(finished.annotate(total=Window(Count("pk")))[:RECENT_FINISHED])
    with_task_links(request, tasks + recent_tasks, convener)
    pending = list(forum.joint_decisions.filter(outcome=JointDecision.Outcome.PENDING))
    decided = decided_decisions(forum)
    agreements = list(
        forum.agreements.select_related("organisation", "signed_document")
        .prefetch_related("parties")
        .order_by("-valid_from", "pk")
    )
    in_force = [
        a for a in agreements if a.status_on(today) == Agreement.Status.IN_FORCE
    ]
    return TemplateResponse(
        request,
        "forum/partnership/workspace.html",
        {
            "forum": forum,
            "is_convener": convener,
            "tasks": tasks,
            "finished_tasks": recent_tasks,
            "finished_task_count": recent_tasks[0].total if recent_tasks else 0,
            "open_decisions": [d for d in pending if d.is_open],
            # Closed for answers, waiting for the convener to record the outcome.
            "awaiting_decisions": [d for d in pending if not d.is_open],
            "decided_decisions": list(decided[:RECENT_FINISHED]),
            "decided_count": decided.count(),
            "agreements_in_force": in_force,
            # Drafts, not yet begun, and ended.
            "other_agreements": [a for a in agreements if a not in in_force],
            "today": today,
        },
    )


def archive_page(request, form, items, date_field):
    """Page ``sida`` of ``items``, of the year ``ar`` if that is a year.

    ``form`` is the ``ArchiveQueryForm`` of the query string; ``date_field``
    is the (annotated) date that places an item in a year. Bad values never
    fail: an unknown page shows the nearest one, and a year that is not a year
    is ignored and said so.
    """
    form.is_valid()
    year = form.cleaned_data.get("ar")
    years = list(
        items.annotate(year=ExtractYear(date_field))
        .values_list("year", flat=True)
        .distinct()
        .order_by("-year")
    )
    if year:
        items = items.filter(**{f"{date_field}__year": year})
    paginator = Paginator(items, ARCHIVE_PER_PAGE)
    page_obj, page_not_found = nearest_page(paginator, form.cleaned_data["sida"])

    def url(number=1, year=year):
        params = {"ar": year, "sida": number if number > 1 else None}
        query = urlencode({k: v for k, v in params.items() if v})
        return f"{request.path}?{query}" if query else request.path

    return {
        **pagination(page_obj, url),
        "page_not_found": page_not_found,
        "year": year,
        "year_ignored": form.has_error("ar"),
        "years": [(y, url(year=y)) for y in years],
        "all_years_url": url(year=None),
    }


@login_required
@reads_query(ArchiveQueryForm)
def task_archive(request, slug, query_form):
    """Every finished task of the forum, newest first, by page and year."""
    forum = forum_for(request, slug, "partnership")
    convener = is_convener(request.user, forum)
    context = archive_page(request, query_form(), finished_tasks(forum), "finished_on")
    context["page_obj"].object_list = with_task_links(
        request, list(context["page_obj"].object_list), convener
    )
    context |= {"forum": forum, "is_convener": convener}
    return TemplateResponse(request, "forum/partnership/task_archive.html", context)


@login_required
@reads_query(ArchiveQueryForm)
def decision_archive(request, slug, query_form):
    """Every decided joint decision of the forum, newest first, by page and year."""
    forum = forum_for(request, slug, "partnership")
    context = archive_page(
        request, query_form(), decided_decisions(forum), "decided_on"
    )
    context["forum"] = forum
    return TemplateResponse(request, "forum/partnership/decision_archive.html", context)


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
