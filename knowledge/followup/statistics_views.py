"""The county staff's statistics page: upload Migrationsverket's figures, see
the rejected rows or what was replaced, and the history of uploads."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core import csv as csv_download
from core.geography.models import County
from core.pagination import pagination
from core.query import nearest_page, reads_query
from core.users.permissions import is_county_admin

from .imports import HEADER, ImportRejected, import_statistics
from .models import Accommodation, AgeBand, Category, Sex, StatisticsImport
from .statistics_forms import StatisticsQueryForm, UploadForm

# Rejected rows shown on the page; the rest are counted.
ERRORS_SHOWN = 100
HISTORY_PAGE = 20


def require_county_admin(user):
    if not is_county_admin(user):
        raise PermissionDenied


def default_county(user):
    """The county of the forums the person convenes if just one, else Skåne."""
    counties = set(user.convened_forums.values_list("county_id", flat=True))
    if len(counties) == 1:
        return County.objects.filter(pk=counties.pop()).first()
    return County.objects.filter(code="12").first() or County.objects.first()


@login_required
@reads_query(StatisticsQueryForm)
def statistics(request, query_form):
    """Upload figures (POST, then back here), the rejected rows, the history."""
    require_county_admin(request.user)
    query = query_form()
    errors = []
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            county = form.cleaned_data["county"]
            try:
                record = import_statistics(
                    upload, county=county, by=request.user, file_name=upload.name
                )
            except ImportRejected as rejected:
                errors = rejected.errors
                form.add_error(
                    "file",
                    _(
                        "Filen laddades inte upp: %(count)s fel. Inget har "
                        "ändrats. Rätta raderna nedan och ladda upp filen igen."
                    )
                    % {"count": len(errors)},
                )
            else:
                messages.success(request, confirmation(record))
                return redirect("followup:statistics")
    else:
        form = UploadForm(
            initial={"county": query.county() or default_county(request.user)}
        )
    history = StatisticsImport.objects.select_related("county", "uploaded_by")
    page, _missing = nearest_page(Paginator(history, HISTORY_PAGE), query.page_number())
    return TemplateResponse(
        request,
        "followup/statistics/statistics.html",
        {
            "form": form,
            "errors": errors[:ERRORS_SHOWN],
            "more_errors": max(0, len(errors) - ERRORS_SHOWN),
            "page": page,
            **pagination(page),
        },
    )


def confirmation(record):
    return _(
        "%(file)s är uppladdad för %(county)s: %(rows)s rader för %(months)s "
        "(%(masked)s maskerade). %(replaced)s tidigare rader för samma månader "
        "ersattes."
    ) % {
        "file": record.file_name,
        "county": record.county.name,
        "rows": record.row_count,
        "months": ", ".join(record.months),
        "masked": record.masked_count,
        "replaced": record.replaced_count,
    }


@login_required
def statistics_template(request):
    """An example file: the header and two rows."""
    require_county_admin(request.user)
    month = timezone.localdate().replace(day=1)
    last = (month - datetime.timedelta(days=1)).replace(day=1)
    with translation.override("sv"):  # the file's words are Swedish
        rows = [[str(value) for value in values] for values in example_rows(last)]
    return csv_download.download("statistik-mall.csv", HEADER, rows)


def example_rows(last):
    return [
        [
            "Skåne län",
            "Malmö",
            f"{last:%Y-%m}",
            Category.ASYLUM_SEEKERS.label,
            Accommodation.MIGRATIONSVERKET.label,
            Sex.WOMEN.label,
            AgeBand.FROM_25.label,
            42,
        ],
        [
            "12",
            "1214",
            f"{last:%Y-%m}",
            Category.TEMPORARY_PROTECTION.label,
            Accommodation.OWN.label,
            Sex.MEN.label,
            AgeBand.FROM_65.label,
            "..",
        ],
    ]
