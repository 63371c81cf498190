"""The situation report as CSV and XLSX: the page's masked figures, nothing more.

One row per municipality the page shows (every one in the detail; the
flagged ones in the summary), then the area's total. Counts are
``Figure.export``: the number where the page shows it, else its text ("<6",
".."); seats per 100 only where the people are shown exactly. Text cells are
guarded against formulas (``core.csv.cell``), in the XLSX too, where they are
also stored as strings, never as formulas.
"""

import io
from decimal import Decimal

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook

from core import csv

from .report import HIDDEN_RATIO


def _number(value):
    if isinstance(value, Decimal):
        return float(value)
    return value


def _ratio(seats, people, ratio):
    if people is None:
        return ""
    return _number(ratio) if ratio is not None else HIDDEN_RATIO


def header(report):
    columns = [_("Kommun"), _("Kommunkod"), _("Län"), _("Personer")]
    for breakdown in report.breakdowns:
        columns += [f"{breakdown.label}: {label}" for _v, label in breakdown.columns]
    columns += [
        _("Aktiviteter"),
        _("Tillfällen per vecka"),
        _("Platser"),
        _("Platser per 100 personer"),
    ]
    if report.is_detail:
        columns += [
            _("Platser: %(area)s") % {"area": label} for _v, label in report.areas
        ]
        columns += [_("Undervisningsspråk"), _("Resvägar med reseersättning")]
    columns.append(_("Behovet inte mött"))
    return columns


def _line_row(report, line):
    row = [
        line.municipality.name,
        line.municipality.code,
        line.municipality.county.name,
        line.people.export if line.people is not None else "",
    ]
    for breakdown in report.breakdowns:
        figures = line.breakdowns.get(breakdown.key) if report.is_detail else None
        if figures:
            row += [figure.export for figure in figures]
        else:
            row += [""] * len(breakdown.columns)
    row += [
        line.supply.activities,
        _number(line.supply.sessions_per_week),
        line.supply.seats,
        _ratio(line.supply.seats, line.people, line.seats_per_100),
    ]
    if report.is_detail:
        row += [line.by_area[value].seats for value, _l in report.areas]
        row.append(", ".join(language.name_sv for language in line.languages))
        row.append(
            ", ".join(
                f"{route.destination.name} ({route.supply.activities})"
                for route in line.routes
            )
        )
    row.append(str(line.flag_text))
    return row


def _total_row(report):
    row = [
        _("Totalt: %(area)s") % {"area": report.area.name},
        "",
        "",
        report.total_people.export if report.total_people is not None else "",
    ]
    for breakdown in report.breakdowns:
        row += [figure.export for figure in breakdown.table.column_totals]
    row += [
        report.supply.activities,
        _number(report.supply.sessions_per_week),
        report.supply.seats,
        _ratio(report.supply.seats, report.total_people, report.seats_per_100),
    ]
    if report.is_detail:
        row += [report.by_area[value].seats for value, _l in report.areas]
        row += [", ".join(language.name_sv for language in report.languages), ""]
    row.append("")
    return row


def rows(report):
    lines = report.lines if report.is_detail else report.flagged
    found = [_line_row(report, line) for line in lines]
    found.append(_total_row(report))
    if report.fictional:
        found.append([_("Siffrorna är fiktiva (demodata).")])
    return found


def filename(report, extension):
    return f"lagesbild.{extension}"


def csv_response(report):
    return csv.download(filename(report, "csv"), header(report), rows(report))


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_response(report):
    book = Workbook()
    sheet = book.active
    sheet.title = _("Lägesbild")[:31]
    for row_number, row in enumerate([header(report), *rows(report)], start=1):
        for column, value in enumerate(row, start=1):
            value = csv.cell(value)
            if value == "":
                continue
            cell = sheet.cell(row=row_number, column=column, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # text, never a formula
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = (
        f'attachment; filename="{filename(report, "xlsx")}"'
    )
    return response
