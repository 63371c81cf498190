"""The situation report's pages: parse the query, ask ``report.py``, render.

``/uppfoljning/lagesbild/`` and its downloads ``lagesbild.csv`` and
``lagesbild.xlsx`` read the same query and show the same masked figures, at
the scope the county gives the person (``FollowUpSettings``): nothing to see
sends a visitor to sign in and gives a signed-in person 403.
"""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse

from core.charts import bar_chart
from core.query import reads_query

from . import report_exports
from .models import Scope
from .report import situation_report
from .report_forms import ReportQueryForm


def _report(request, query_form):
    form = query_form()
    area, month = form.query()
    report = situation_report(area, month, request.user) if month else None
    if report is not None and report.scope == Scope.NONE:
        if not request.user.is_authenticated:
            return form, None, redirect_to_login(request.get_full_path())
        raise PermissionDenied
    return form, report, None


def charts(report):
    """(chart id, title, svg, rows) for each chart; rows are (label, text)."""
    found = []
    if report.has_figures:
        for breakdown in report.breakdowns:
            labels = [label for _v, label in breakdown.columns]
            figures = breakdown.table.column_totals
            chart_id = f"chart-{breakdown.key}"
            found.append(
                (
                    chart_id,
                    breakdown.label,
                    bar_chart(breakdown.label, labels, figures, chart_id=chart_id),
                    list(zip(labels, figures, strict=True)),
                )
            )
    return found


@reads_query(ReportQueryForm)
def situation(request, query_form):
    form, report, refused = _report(request, query_form)
    if refused:
        return refused
    return TemplateResponse(
        request,
        "followup/report/situation.html",
        {
            "form": form,
            "report": report,
            "charts": charts(report) if report else [],
            "query_string": form.query_string(),
            "ignored": bool(form.errors),
        },
    )


@reads_query(ReportQueryForm)
def situation_csv(request, query_form):
    form, report, refused = _report(request, query_form)
    if refused:
        return refused
    if report is None or form.errors:
        return situation(request)
    return report_exports.csv_response(report)


@reads_query(ReportQueryForm)
def situation_xlsx(request, query_form):
    form, report, refused = _report(request, query_form)
    if refused:
        return refused
    if report is None or form.errors:
        return situation(request)
    return report_exports.xlsx_response(report)
