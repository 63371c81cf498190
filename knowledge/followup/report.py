"""The situation report (*lägesbild*): the target group beside the directory's supply.

:func:`situation_report` gathers, for an area (the whole country, a county, a
sub-region or a municipality) and a month, everything the report's page and
downloads show, at the scope the person may see (``FollowUpSettings``):

* **The target group** (Migrationsverket's figures) per municipality, by
  accommodation, sex, age band and category: four tables, each masked with
  ``suppression.mask_table`` (its totals row is the area's figures, which the
  charts show too). A municipality's figure for a group of source rows is
  their sum, or "masked at the source" when one of them is: the report never
  guesses. The people of a municipality are its row total; where the four
  tables would not agree on hiding it, it is hidden.
* **The supply**: the directory's current activities
  (``Activity.objects.current()``, what the public sees today) that run during
  the month, per municipality and area (category): how many, their seats (the
  sum of ``capacity``) and sessions per week (:func:`sessions_per_week`).
  Seats and activities are supply, not people, and are shown as they are.
* **Seats per 100 people**, only where the people count is shown exactly
  (a ratio of a hidden count would give it away), and a **flag** where the
  need is not met: people but no activity, or fewer seats per 100 than
  ``TIA["FOLLOWUP_MIN_SEATS_PER_100"]`` (the count behind the flag is the
  figure's lower bound, so a flag says no more than "at least this many").
* **Detail only**: the languages the activities are taught in, and for the
  flagged municipalities the travel routes in force (reimbursed journeys,
  ``TravelRoute.objects.in_force``) to municipalities that have activities.

Every query aggregates in the database (``values()``/``annotate``): a report
takes the same dozen queries for one municipality or for 290.
"""

import calendar
import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db.models import Count, Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.collation import swedish
from core.conf import setting
from core.geography.models import County, Municipality, SubRegion
from core.recurrence import parse_rule, rule_text
from directory.models import Activity, Language, TravelRoute
from forum.models import Forum, Visibility

from . import suppression
from .models import (
    Accommodation,
    AgeBand,
    Category,
    FollowUpSettings,
    Scope,
    Sex,
    StatisticsImport,
    TargetGroupFigure,
)

# The breakdowns of the target group: (field, label, choices).
BREAKDOWNS = [
    ("accommodation", _("Boendeform"), Accommodation),
    ("sex", _("Kön"), Sex),
    ("age_band", _("Åldersgrupp"), AgeBand),
    ("category", _("Målgrupp"), Category),
]
AREAS = Activity.Category

COUNTRY, COUNTY, SUBREGION, MUNICIPALITY = (
    "country",
    "county",
    "subregion",
    "municipality",
)
WEEKS_PER_MONTH = Decimal(52) / 12
# Seats per 100 people where the people are not shown exactly.
HIDDEN_RATIO = suppression.HIDDEN


@dataclass(frozen=True)
class Area:
    """What the report covers: the whole country (``place`` None) or one place."""

    kind: str
    place: object = None

    @classmethod
    def of(cls, place=None):
        if place is None:
            return cls(COUNTRY)
        kinds = {County: COUNTY, SubRegion: SUBREGION, Municipality: MUNICIPALITY}
        return cls(kinds[type(place)], place)

    @property
    def name(self):
        return _("Hela landet") if self.place is None else self.place.name

    @property
    def county_id(self):
        if self.kind == COUNTY:
            return self.place.pk
        return None if self.place is None else self.place.county_id

    def municipality_q(self, prefix="municipality__"):
        """A Q on ``prefix`` fields for the municipalities of the area."""
        if self.kind == COUNTRY:
            return Q()
        if self.kind == COUNTY:
            return Q(**{f"{prefix}county": self.place})
        if self.kind == SUBREGION:
            return Q(**{f"{prefix}subregion": self.place})
        return Q(**{prefix.rstrip("_") or "pk": self.place})

    def municipalities(self):
        query = Municipality.objects.select_related("county", "subregion")
        if self.kind == COUNTRY:
            return query.order_by(swedish("county__name"), swedish("name"))
        if self.kind == COUNTY:
            query = query.filter(county=self.place)
        elif self.kind == SUBREGION:
            query = query.filter(subregion=self.place)
        else:
            query = query.filter(pk=self.place.pk)
        return query.order_by(swedish("name"))


def month_span(month):
    """The first and last day of ``month``'s month."""
    first = month.replace(day=1)
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    return first, last


def months_with_figures():
    """The months any figures were uploaded for, newest first."""
    return list(
        TargetGroupFigure.objects.order_by("-month")
        .values_list("month", flat=True)
        .distinct()
    )


# ------------------------------------------------------------------ scope


def scope_of(area, user, counties=None):
    """What ``user`` may see of the report for ``area``.

    One county (or a place in one): that county's ``FollowUpSettings``. The
    whole country: the least of the scopes of the counties whose figures it
    shows (``counties``, ids), so it never shows more than a county allows;
    the settings and the forums are read in two queries for all of them.
    """
    if area.kind != COUNTRY:
        county = County(pk=area.county_id)
        return FollowUpSettings.for_county(county).scope_for(user)
    counties = list(counties or [])
    if not counties:
        return Scope.SUMMARY  # nothing to show but the form
    chosen = {
        settings.county_id: settings
        for settings in FollowUpSettings.objects.filter(
            county_id__in=counties
        ).select_related("forum")
    }
    first_forum = {}
    for forum in Forum.objects.filter(county_id__in=counties).order_by("pk"):
        first_forum.setdefault(forum.county_id, forum)
    by_forum = {}
    scopes = []
    for county_id in counties:
        settings = chosen.get(county_id) or FollowUpSettings(county_id=county_id)
        if not settings.forum_id and county_id in first_forum:
            # What levels_forum() would look up, already at hand.
            settings.forum = first_forum[county_id]
        key = (
            settings.forum_id,
            settings.summary_visibility,
            settings.detail_visibility,
        )
        if key not in by_forum:
            by_forum[key] = settings.scope_for(user)
        scopes.append(by_forum[key])
        if scopes[-1] == Scope.NONE:
            break
    return min(scopes)


# ------------------------------------------------------------------ supply


def sessions_per_week(rrule):
    """How many times a week an activity with ``rrule`` meets while it runs.

    Read from the rule, not from a calendar: weekly rules their days
    (``BYDAY``, else one) over ``INTERVAL``; daily rules 7 (or their days)
    over ``INTERVAL``; monthly rules their days (else one) × 12/52 over
    ``INTERVAL``; yearly rules 1/52. A single session (no rule) and a rule
    that cannot be read count 0: they are activities, not weekly sessions.
    """
    text = rule_text(rrule)
    if not text:
        return Decimal(0)
    try:
        parts = parse_rule(text.upper())
        interval = max(1, int(parts.get("INTERVAL", "1")))
    except (ValidationError, ValueError):
        return Decimal(0)
    days = len([d for d in parts.get("BYDAY", "").split(",") if d])
    month_days = len([d for d in parts.get("BYMONTHDAY", "").split(",") if d])
    frequency = parts.get("FREQ")
    if frequency == "WEEKLY":
        per_week = Decimal(days or 1)
    elif frequency == "DAILY":
        per_week = Decimal(days or 7)
    elif frequency == "MONTHLY":
        per_week = Decimal(days or month_days or 1) / WEEKS_PER_MONTH
    elif frequency == "YEARLY":
        per_week = Decimal(1) / 52
    else:
        return Decimal(0)
    return per_week / interval


@dataclass
class Supply:
    """Activities, their seats and their sessions per week."""

    activities: int = 0
    seats: int = 0
    sessions: Decimal = Decimal(0)

    def add(self, activities, seats, sessions):
        self.activities += activities
        self.seats += seats or 0
        self.sessions += sessions

    @property
    def sessions_per_week(self):
        return self.sessions.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass
class RouteOut:
    """A travel route in force from a flagged municipality to one with activities."""

    route: TravelRoute
    destination: Municipality
    supply: Supply


@dataclass
class Line:
    """One municipality of the area."""

    municipality: Municipality
    people: suppression.Figure | None  # None: no figures this month
    supply: Supply
    by_area: dict
    breakdowns: dict = field(default_factory=dict)  # key -> [Figure]
    languages: list = field(default_factory=list)
    routes: list = field(default_factory=list)

    @property
    def has_figures(self):
        return self.people is not None

    @property
    def seats_per_100(self):
        return per_100(self.supply.seats, self.people)

    @property
    def flag(self):
        """Why the need is not met here, or ''.

        Read only from what the page shows, so that a flag tells nothing of a
        hidden count: the people are the figure when shown ("≥ N": at least
        N), 1 for "<6", and unknown (no flag) for "..".
        """
        people = known_at_least(self.people)
        if not people:
            return ""
        if not self.supply.activities:
            return "no_activity"
        ratio = Decimal(self.supply.seats) * 100 / people
        if ratio < setting("FOLLOWUP_MIN_SEATS_PER_100"):
            return "few_seats"
        return ""

    @property
    def flag_text(self):
        return FLAG_TEXTS.get(self.flag, "")

    @property
    def by_area_list(self):
        return [self.by_area[value] for value in AREAS.values]


FLAG_TEXTS = {
    "no_activity": _("Personer men ingen aktivitet"),
    "few_seats": _("Få platser"),
}


def known_at_least(figure):
    """The fewest people a reader knows ``figure`` stands for, or None."""
    if figure is None:
        return None
    if figure.shown:
        return figure.value
    return 1 if figure.is_small else None


def per_100(seats, people):
    """Seats per 100 people, or None when the people count is not shown exactly."""
    if people is None or people.number is None or not people.number:
        return None
    return (Decimal(seats) * 100 / people.number).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )


@dataclass
class Breakdown:
    """One masked table of the target group: municipalities × the choices."""

    key: str
    label: str
    columns: list  # [(value, label)]
    table: suppression.MaskedTable
    municipalities: list  # the rows' municipalities

    @property
    def rows(self):
        """(municipality, [Figure], row total) for each row."""
        return list(
            zip(
                self.municipalities,
                self.table.rows,
                self.table.row_totals,
                strict=True,
            )
        )


@dataclass
class SituationReport:
    area: Area
    month: datetime.date
    scope: Scope
    lines: list
    breakdowns: list
    total_people: suppression.Figure | None
    supply: Supply
    by_area: dict
    fictional: bool
    languages: list = field(default_factory=list)
    min_seats_per_100: int = 10

    @property
    def is_detail(self):
        return self.scope >= Scope.DETAIL

    @property
    def has_figures(self):
        return self.total_people is not None

    @property
    def flagged(self):
        return [line for line in self.lines if line.flag]

    @property
    def seats_per_100(self):
        return per_100(self.supply.seats, self.total_people)

    @property
    def areas(self):
        return list(AREAS.choices)

    @property
    def by_area_rows(self):
        """(label, Supply) of the area's supply, by area (category)."""
        return [(label, self.by_area[value]) for value, label in AREAS.choices]

    @property
    def routes(self):
        """(line, RouteOut) of the flagged municipalities' routes."""
        return [(line, route) for line in self.flagged for route in line.routes]


# ------------------------------------------------------------------ report


def _cell(total, masked):
    # A group with a value masked at the source is masked as a whole: its sum
    # would pass for an exact count.
    return None if masked else (total or 0)


def _breakdowns(area, first):
    """The four masked tables and their municipalities (those with figures)."""
    figures = TargetGroupFigure.objects.filter(area.municipality_q(), month=first)
    grids, rows = {}, set()
    for key, _label, _choices in BREAKDOWNS:
        cells = {}
        for municipality_id, value, total, masked in (
            figures.values_list("municipality_id", key)
            .annotate(total=Sum("count"), masked=Count("pk", filter=Q(count=None)))
            .order_by()
        ):
            cells[municipality_id, value] = _cell(total, masked)
            rows.add(municipality_id)
        grids[key] = cells
    return grids, rows


def _masked(grids, ordered_ids):
    tables = {}
    for key, _label, choices in BREAKDOWNS:
        cells = grids[key]
        grid = [
            [cells.get((m, value), 0) for value, _l in choices.choices]
            for m in ordered_ids
        ]
        tables[key] = suppression.mask_table(grid)
    return tables


def _people(tables, count):
    """Each municipality's people and the area's: hidden where any table hides it."""
    people = []
    for i in range(count):
        figures = [table.row_totals[i] for table in tables.values()]
        people.append(_hidden_if_any(figures))
    total = _hidden_if_any([table.total for table in tables.values()])
    return people, total


def _hidden_if_any(figures):
    first = figures[0]
    if all(figure.shown for figure in figures):
        return first
    return suppression.Figure(first.value, shown=False, at_least=first.at_least)


def _supply(area, first, last, today):
    """{municipality id: (Supply, {category: Supply})} of the activities running
    in the month, and the activities' queryset."""
    activities = (
        Activity.objects.current(today)
        .overlapping(first, last)
        .filter(area.municipality_q())
    )
    rows = (
        activities.values_list("municipality_id", "category", "rrule")
        .annotate(count=Count("pk"), seats=Sum("capacity"))
        .order_by()
    )
    supply, per_rule = {}, {}
    for municipality_id, category, rrule, count, seats in rows:
        if rrule not in per_rule:
            per_rule[rrule] = sessions_per_week(rrule)
        total, by_area = supply.setdefault(
            municipality_id, (Supply(), {value: Supply() for value in AREAS.values})
        )
        sessions = per_rule[rrule] * count
        total.add(count, seats, sessions)
        if category in by_area:
            by_area[category].add(count, seats, sessions)
    return supply, activities


def _languages(activities):
    """{municipality id: [Language]} taught in the month's activities, and all."""
    Taught = Activity.instruction_languages.through
    pairs = list(
        Taught.objects.filter(activity__in=activities.values("pk"))
        .values_list("activity__municipality_id", "language_id")
        .distinct()
        .order_by()
    )
    languages = {
        language.pk: language
        for language in Language.objects.filter(pk__in={lang for _m, lang in pairs})
    }
    by_municipality = {}
    for municipality_id, language_id in pairs:
        by_municipality.setdefault(municipality_id, []).append(languages[language_id])
    for found in by_municipality.values():
        found.sort(key=lambda language: str(language.name_sv))
    return by_municipality, sorted(languages.values(), key=lambda lang: lang.name_sv)


def _routes(flagged, on, first, last, today):
    """{municipality id: [RouteOut]} from the flagged municipalities to
    municipalities with activities in the month, in force on ``on``."""
    if not flagged:
        return {}
    ids = [line.municipality.pk for line in flagged]
    routes = list(
        TravelRoute.objects.in_force(on)
        .filter(Q(from_municipality_id__in=ids) | Q(to_municipality_id__in=ids))
        .select_related("from_municipality", "to_municipality")
    )
    ends = {r.to_municipality_id for r in routes} | {
        r.from_municipality_id for r in routes
    }
    supply = {}
    for municipality_id, count, seats in (
        Activity.objects.current(today)
        .overlapping(first, last)
        .filter(municipality_id__in=ends)
        .values_list("municipality_id")
        .annotate(count=Count("pk"), seats=Sum("capacity"))
        .order_by()
    ):
        supply[municipality_id] = Supply(count, seats or 0)
    out = {}
    for route in routes:
        for start, end in (
            (route.from_municipality, route.to_municipality),
            (route.to_municipality, route.from_municipality),
        ):
            if start.pk in ids and end.pk in supply:
                out.setdefault(start.pk, []).append(
                    RouteOut(route, end, supply[end.pk])
                )
    for found in out.values():
        found.sort(key=lambda r: r.destination.name)
    return out


def situation_report(area, month, user):
    """The report for ``area`` (an :class:`Area`, or a County, SubRegion,
    Municipality or None for the whole country) in ``month``, as ``user``
    may see it (``scope``: nothing is gathered for ``Scope.NONE``)."""
    if not isinstance(area, Area):
        area = Area.of(area)
    first, last = month_span(month)
    today = timezone.localdate()
    counties = None
    if area.kind == COUNTRY:
        counties = list(
            TargetGroupFigure.objects.filter(month=first)
            .values_list("municipality__county_id", flat=True)
            .distinct()
            .order_by()
        )
    scope = scope_of(area, user, counties)
    report = SituationReport(
        area=area,
        month=first,
        scope=scope,
        lines=[],
        breakdowns=[],
        total_people=None,
        supply=Supply(),
        by_area={value: Supply() for value in AREAS.values},
        fictional=False,
        min_seats_per_100=setting("FOLLOWUP_MIN_SEATS_PER_100"),
    )
    if scope == Scope.NONE:
        return report

    municipalities = list(area.municipalities())
    grids, with_figures = _breakdowns(area, first)
    ordered = [m for m in municipalities if m.pk in with_figures]
    tables = _masked(grids, [m.pk for m in ordered])
    people, total = _people(tables, len(ordered)) if ordered else ([], None)
    people_of = {m.pk: figure for m, figure in zip(ordered, people, strict=True)}
    row_of = {m.pk: i for i, m in enumerate(ordered)}
    supply, activities = _supply(area, first, last, today)

    report.total_people = total
    report.fictional = bool(ordered) and (
        StatisticsImport.objects.filter(
            fictional=True,
            pk__in=TargetGroupFigure.objects.filter(
                area.municipality_q(), month=first
            ).values("source_id"),
        ).exists()
    )
    for key, label, choices in BREAKDOWNS:
        report.breakdowns.append(
            Breakdown(key, label, list(choices.choices), tables[key], ordered)
        )
    for municipality in municipalities:
        total_supply, by_area = supply.get(
            municipality.pk, (Supply(), {value: Supply() for value in AREAS.values})
        )
        line = Line(
            municipality=municipality,
            people=people_of.get(municipality.pk),
            supply=total_supply,
            by_area=by_area,
        )
        if municipality.pk in row_of:
            i = row_of[municipality.pk]
            line.breakdowns = {key: tables[key].rows[i] for key in tables}
        report.lines.append(line)
        report.supply.add(
            total_supply.activities, total_supply.seats, total_supply.sessions
        )
        for value, part in by_area.items():
            report.by_area[value].add(part.activities, part.seats, part.sessions)

    if report.is_detail:
        languages, report.languages = _languages(activities)
        on = min(today, last)
        routes = _routes(report.flagged, on, first, last, today)
        for line in report.lines:
            line.languages = languages.get(line.municipality.pk, [])
            line.routes = routes.get(line.municipality.pk, [])
    return report


def public_reports():
    """[(county, url)] of the counties with figures whose summary is public:
    what the public site links to (two queries)."""
    with_figures = set(
        TargetGroupFigure.objects.values_list(
            "municipality__county_id", flat=True
        ).distinct()
    )
    closed = set(
        FollowUpSettings.objects.filter(county_id__in=with_figures)
        .exclude(summary_visibility=Visibility.PUBLIC)
        .values_list("county_id", flat=True)
    )
    counties = County.objects.filter(pk__in=with_figures - closed).order_by(
        swedish("name")
    )
    url = reverse("followup:report")
    return [(county, f"{url}?lan={county.code}") for county in counties]
