"""Participation counts: saving an organiser's report, and the county's totals.

* :func:`save_report` writes a report and its grid of counts in one
  transaction, if the version the form was loaded with is still the current
  one (two colleagues editing the same report are told, never overwritten).
* :func:`county_totals` sums the reports of a county's activities for a
  period per municipality, per area (``Activity.category``) and per age
  band, beside the share of women in the target group
  (``TargetGroupFigure``) for the same municipalities and months. Every
  count in it is a :class:`~knowledge.followup.suppression.Figure`
  (``mask_table``), and a share is given only when both counts it is made of
  are shown, so nobody reads or works out a count from 1 to 5. Only the
  organisation itself sees its own counts unmasked (its own page).

The totals are a handful of aggregate queries, whatever the number of
activities, reports and municipalities.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Count, Q, Sum
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from core.geography.models import Municipality
from directory.models import Activity

from .models import (
    AgeBand,
    ParticipantCount,
    ParticipationReport,
    Sex,
    TargetGroupFigure,
)
from .suppression import HIDDEN, mask_series, mask_table

SEXES = list(Sex)
AGE_BANDS = list(AgeBand)


class StaleReport(Exception):
    """Someone saved the report after the form was loaded."""

    def __init__(self, current=None):
        super().__init__("stale participation report")
        self.current = current


def overlapping_report(activity, start, end, exclude=None):
    """Another report of ``activity`` whose period overlaps [start, end], or None."""
    reports = ParticipationReport.objects.filter(activity=activity).overlapping(
        start, end
    )
    if exclude is not None and exclude.pk:
        reports = reports.exclude(pk=exclude.pk)
    return reports.order_by("period_start").first()


def overlap_message(other):
    return _(
        "Aktiviteten har redan en rapport för %(period)s. Perioderna får inte "
        "överlappa: ändra den rapporten i stället."
    ) % {"period": other.period_label}


def save_report(
    activity,
    *,
    period_start,
    period_end,
    started,
    completed,
    dropped_out,
    counts,
    version,
    by,
    report=None,
):
    """Save ``report`` (None: a new one) of ``activity`` from ``version``.

    ``counts`` maps ``(sex, age_band)`` to a count; the report's cells are
    replaced by them. ``version`` is what the form was loaded with (0 for a
    new report). Raises :class:`StaleReport` when someone saved in between
    (or made a report for the same period first), and ``ValidationError``
    when the period now overlaps another report.
    """
    with transaction.atomic():
        if report is None:
            if version != 0:
                raise StaleReport
            existing = ParticipationReport.objects.filter(
                activity=activity, period_start=period_start
            ).first()
            if existing is not None:
                raise StaleReport(existing)
            report = ParticipationReport(activity=activity, reported_by=by, version=1)
        else:
            # Claim the next version in one UPDATE: of two saves from the same
            # version exactly one wins, on every database.
            claimed = ParticipationReport.objects.filter(
                pk=report.pk, activity=activity, version=version
            ).update(version=models.F("version") + 1)
            if not claimed:
                raise StaleReport(
                    ParticipationReport.objects.filter(pk=report.pk).first()
                )
            report.version = version + 1
        other = overlapping_report(activity, period_start, period_end, exclude=report)
        if other is not None:
            raise ValidationError(overlap_message(other))
        report.period_start = period_start
        report.period_end = period_end
        report.started = started
        report.completed = completed
        report.dropped_out = dropped_out
        report.updated_by = by
        try:
            with transaction.atomic():
                report.save()
        except IntegrityError as error:
            # A colleague's new report for the same period came first.
            raise StaleReport from error
        report.counts.all().delete()
        ParticipantCount.objects.bulk_create(
            ParticipantCount(report=report, sex=sex, age_band=band, count=count)
            for (sex, band), count in counts.items()
        )
    return report


def grid_of(report):
    """``{(sex, age_band): count}`` of a report whose ``counts`` are fetched."""
    grid = dict.fromkeys(((s, b) for s in Sex.values for b in AgeBand.values), 0)
    for cell in report.counts.all():
        grid[cell.sex, cell.age_band] = cell.count
    return grid


@dataclass
class OwnSummary:
    """An organisation's own report in numbers: it may see its own counts."""

    report: ParticipationReport
    women: int
    men: int
    total: int


def own_summary(report):
    grid = grid_of(report)
    women = sum(v for (sex, _band), v in grid.items() if sex == Sex.WOMEN)
    men = sum(v for (sex, _band), v in grid.items() if sex == Sex.MEN)
    return OwnSummary(report, women, men, women + men)


# The county's view ---------------------------------------------------------


def share_text(part, whole):
    """A share in per cent, only when both figures it is made of are shown."""
    if part.number is None or whole.number is None or not whole.number:
        return HIDDEN
    return f"{number_format(100 * part.number / whole.number, 0)} %"


@dataclass
class Line:
    """One row of a county table: a label, its masked cells and their total."""

    label: str
    cells: list
    total: object
    share_women: str = ""
    target_share_women: str = ""


@dataclass
class Table:
    lines: list
    column_totals: list
    total: object
    share_women: str = ""
    target_share_women: str = ""


@dataclass
class CountyTotals:
    county: object
    start: object
    end: object
    report_count: int
    by_municipality: Table
    by_area: Table
    by_age_band: Table
    outcomes: Table
    target_months: int = 0
    notes: list = field(default_factory=list)

    @property
    def empty(self):
        return not self.report_count


def _masked(labels, grid, shares=True, targets=None):
    """A :class:`Table` of ``grid`` (rows of counts) through ``mask_table``."""
    table = mask_table(grid)
    lines = []
    for index, label in enumerate(labels):
        cells = table.rows[index]
        line = Line(label, cells, table.row_totals[index])
        if shares:
            line.share_women = share_text(cells[0], line.total)
        if targets is not None:
            line.target_share_women = targets[index]
        lines.append(line)
    result = Table(lines, table.column_totals, table.total)
    if shares and table.column_totals:
        result.share_women = share_text(table.column_totals[0], table.total)
    return result


def _target_share(women, men):
    """The target group's share of women, from Migrationsverket's counts.

    ``None`` is a count masked at the source (a sum over one): the share is
    then not given, as with any count that is not shown.
    """
    figures, total = mask_series([women, men])
    return share_text(figures[0], total)


def county_totals(county, start, end):
    """Every report of ``county``'s activities whose period lies in [start, end]."""
    reports = ParticipationReport.objects.in_county(county).within(start, end)
    cells = ParticipantCount.objects.filter(report__in=reports).order_by()
    sexes = Sex.values

    by_place = {}
    for municipality_id, sex, total in cells.values_list(
        "report__activity__municipality", "sex"
    ).annotate(n=Sum("count")):
        by_place.setdefault(municipality_id, dict.fromkeys(sexes, 0))[sex] = total
    places = list(
        Municipality.objects.filter(pk__in=by_place).order_by("name").only("name")
    )

    # The target group in the same municipalities and months; a sum over a
    # count masked at the source is not known.
    target = {}
    rows = (
        TargetGroupFigure.objects.filter(
            municipality__in=[place.pk for place in places],
            month__gte=start.replace(day=1),
            month__lte=end,
        )
        .order_by()
        .values_list("municipality", "sex")
        .annotate(n=Sum("count"), masked=Count("pk", filter=Q(count__isnull=True)))
    )
    months = (
        TargetGroupFigure.objects.filter(
            municipality__county=county, month__gte=start.replace(day=1), month__lte=end
        )
        .order_by()
        .values("month")
        .distinct()
        .count()
    )
    county_target = dict.fromkeys(sexes, 0)
    for municipality_id, sex, total, masked in rows:
        value = None if masked else total
        target.setdefault(municipality_id, dict.fromkeys(sexes, 0))[sex] = value
        if county_target[sex] is not None:
            county_target[sex] = None if value is None else county_target[sex] + value
    no_figures = _("inga siffror")
    place_targets = [
        _target_share(*(target[place.pk][s] for s in sexes))
        if place.pk in target
        else no_figures
        for place in places
    ]
    by_municipality = _masked(
        [place.name for place in places],
        [[by_place[place.pk][s] for s in sexes] for place in places],
        targets=place_targets,
    )
    if target:
        by_municipality.target_share_women = _target_share(
            *(county_target[s] for s in sexes)
        )
    else:
        by_municipality.target_share_women = no_figures

    by_category = {}
    for category, sex, total in cells.values_list(
        "report__activity__category", "sex"
    ).annotate(n=Sum("count")):
        by_category.setdefault(category, dict.fromkeys(sexes, 0))[sex] = total
    areas = [c for c in Activity.Category if c.value in by_category]
    by_area = _masked(
        [str(area.label) for area in areas],
        [[by_category[area.value][s] for s in sexes] for area in areas],
    )

    by_band = {}
    for band, sex, total in cells.values_list("age_band", "sex").annotate(
        n=Sum("count")
    ):
        by_band.setdefault(band, dict.fromkeys(sexes, 0))[sex] = total
    by_age_band = _masked(
        [str(band.label) for band in AGE_BANDS],
        [[by_band.get(band.value, {}).get(s, 0) for s in sexes] for band in AGE_BANDS],
    )

    outcome_rows = {
        category: (started, completed, dropped, n)
        for category, started, completed, dropped, n in reports.order_by()
        .values_list("activity__category")
        .annotate(Sum("started"), Sum("completed"), Sum("dropped_out"), Count("pk"))
    }
    outcome_areas = [c for c in Activity.Category if c.value in outcome_rows]
    outcomes = _masked(
        [str(area.label) for area in outcome_areas],
        [list(outcome_rows[area.value][:3]) for area in outcome_areas],
        shares=False,
    )
    return CountyTotals(
        county=county,
        start=start,
        end=end,
        report_count=sum(row[3] for row in outcome_rows.values()),
        by_municipality=by_municipality,
        by_area=by_area,
        by_age_band=by_age_band,
        outcomes=outcomes,
        target_months=months,
    )


def csv_rows(totals):
    """The county's totals as CSV rows, with the same masked values as the page."""
    for kind, table in (
        (_("Kommun"), totals.by_municipality),
        (_("Område"), totals.by_area),
        (_("Åldersgrupp"), totals.by_age_band),
    ):
        for line in table.lines:
            yield [
                kind,
                line.label,
                *(cell.export for cell in line.cells),
                line.total.export,
                line.share_women,
                line.target_share_women,
            ]
        yield [
            kind,
            _("Hela länet"),
            *(cell.export for cell in table.column_totals),
            table.total.export,
            table.share_women,
            table.target_share_women,
        ]


def csv_header():
    return [
        _("Indelning"),
        _("Namn"),
        *(str(sex.label) for sex in SEXES),
        _("Totalt"),
        _("Andel kvinnor"),
        _("Andel kvinnor i målgruppen"),
    ]
