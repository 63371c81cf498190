"""Participation pages: an organisation's own reports, and the county's totals."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core import csv
from core.query import reads_query
from core.users.permissions import is_county_admin
from partners.permissions import organisation_for_member

from . import participation
from .models import FollowUpSettings, ParticipantCount, ParticipationReport, Scope
from .participation_forms import CountyQueryForm, ReportForm


def reports_prefetch():
    return Prefetch(
        "participation_reports",
        queryset=ParticipationReport.objects.order_by("-period_start").prefetch_related(
            Prefetch("counts", queryset=ParticipantCount.objects.order_by())
        ),
    )


def reportable(organisation):
    """The organisation's activities that have begun: those one can report on."""
    return organisation.activities.filter(
        start_date__lte=timezone.localdate()
    ).select_related("municipality")


@login_required
def organisation_reports(request, organisation_slug):
    """The organisation's activities with their reports, in the organisation's
    own (unmasked) numbers."""
    organisation = organisation_for_member(request, organisation_slug)
    activities = list(
        reportable(organisation)
        .prefetch_related(reports_prefetch())
        .order_by("-start_date", "title")
    )
    rows = [
        (
            activity,
            [
                participation.own_summary(report)
                for report in activity.participation_reports.all()
            ],
        )
        for activity in activities
    ]
    return TemplateResponse(
        request,
        "followup/participation/organisation.html",
        {"organisation": organisation, "rows": rows},
    )


def _activity(request, organisation_slug, activity_slug):
    organisation = organisation_for_member(request, organisation_slug)
    activity = get_object_or_404(reportable(organisation), slug=activity_slug)
    return organisation, activity


@login_required
def report_create(request, organisation_slug, activity_slug):
    organisation, activity = _activity(request, organisation_slug, activity_slug)
    return _report_form(request, organisation, activity, None)


@login_required
def report_edit(request, organisation_slug, activity_slug, pk):
    organisation, activity = _activity(request, organisation_slug, activity_slug)
    report = get_object_or_404(
        ParticipationReport.objects.prefetch_related("counts"),
        activity=activity,
        pk=pk,
    )
    return _report_form(request, organisation, activity, report)


def _report_form(request, organisation, activity, report):
    form = ReportForm(request.POST or None, activity=activity, report=report)
    current = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        version = data.get("version")
        try:
            saved = participation.save_report(
                activity,
                period_start=data["period_start"],
                period_end=data["period_end"],
                started=data["started"],
                completed=data["completed"],
                dropped_out=data["dropped_out"],
                counts=form.counts(),
                version=-1 if version is None else version,
                by=request.user,
                report=report,
            )
        except participation.StaleReport as stale:
            current = stale.current
            form = _stale_form(request, activity, report, current)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(
                request,
                _("Rapporten för %(title)s, %(period)s, är sparad.")
                % {"title": activity.title, "period": saved.period_label},
            )
            return redirect(
                reverse("followup:participation_organisation", args=[organisation.slug])
                + f"#aktivitet-{activity.slug}"
            )
    return TemplateResponse(
        request,
        "followup/participation/report_form.html",
        {
            "organisation": organisation,
            "activity": activity,
            "report": report,
            "form": form,
            "current": participation.own_summary(current) if current else None,
        },
    )


def _stale_form(request, activity, report, current):
    """The person's own figures again, with the error, loaded from the version now
    saved: saving once more replaces it knowingly."""
    data = request.POST.copy()
    data["version"] = current.version if current else 0
    form = ReportForm(data, activity=activity, report=current or report)
    form.is_valid()
    form.add_error(
        None,
        _(
            "En kollega har sparat den här rapporten medan du skrev, så dina "
            "siffror är inte sparade. Jämför med det som nu är sparat nedan och "
            "spara igen om dina siffror ska gälla."
        ),
    )
    return form


# The county's view -----------------------------------------------------------


def _county_scope(request, county):
    if county is None:
        raise Http404
    if is_county_admin(request.user):
        return
    scope = FollowUpSettings.for_county(county).scope_for(request.user)
    if scope < Scope.DETAIL:
        if not request.user.is_authenticated:
            raise _LoginRequired
        raise PermissionDenied


class _LoginRequired(Exception):
    pass


def _county_totals(request, query_form):
    form = query_form()
    county = form.county()
    _county_scope(request, county)
    start, end = form.period()
    return form, participation.county_totals(county, start, end)


@reads_query(CountyQueryForm)
def county_view(request, query_form):
    """The county's totals per municipality and area, masked, with the share of
    women beside the target group's."""
    try:
        form, totals = _county_totals(request, query_form)
    except _LoginRequired:
        return redirect_to_login(request.get_full_path())
    return TemplateResponse(
        request,
        "followup/participation/county.html",
        {
            "form": form,
            "ignored": bool(form.errors),
            "totals": totals,
            "csv_query": _query(totals),
        },
    )


@reads_query(CountyQueryForm)
def county_csv(request, query_form):
    try:
        _form, totals = _county_totals(request, query_form)
    except _LoginRequired:
        return redirect_to_login(request.get_full_path())
    period = f"{totals.start:%Y-%m}-{totals.end:%Y-%m}"
    name = f"deltagande-{totals.county.code}-{period}.csv"
    return csv.download(
        name, participation.csv_header(), participation.csv_rows(totals)
    )


def _query(totals):
    return f"lan={totals.county.code}&fran={totals.start:%Y-%m}&till={totals.end:%Y-%m}"
