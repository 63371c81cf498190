"""A chart of the follow-up for other rooms to embed (the knowledge pages'
chart block): the target group of a county or sub-region in the newest month
with figures, drawn for the reader, through the situation report's own rule
(scope and masking), so an embedded chart never shows more than the report.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.http import urlencode

from core.charts import bar_chart
from core.geography.models import County, SubRegion

from .report import BREAKDOWNS, months_with_figures, situation_report

COUNTY_PREFIX = "county:"
SUBREGION_PREFIX = "subregion:"


def places():
    """(key, label) of every county and sub-region, for an editor's choice."""
    choices = [(f"{COUNTY_PREFIX}{c.code}", c.name) for c in County.objects.all()]
    choices += [
        (f"{SUBREGION_PREFIX}{s.pk}", f"{s.name} ({s.county.name})")
        for s in SubRegion.objects.select_related("county")
    ]
    return choices


def breakdowns():
    return [(key, label) for key, label, _choices in BREAKDOWNS]


def place_for(key):
    """The County or SubRegion a stored key names, or None when it is gone."""
    if key.startswith(COUNTY_PREFIX):
        return County.objects.filter(code=key.removeprefix(COUNTY_PREFIX)).first()
    if key.startswith(SUBREGION_PREFIX):
        pk = key.removeprefix(SUBREGION_PREFIX)
        if pk.isdigit():
            return SubRegion.objects.filter(pk=pk).select_related("county").first()
    return None


@dataclass
class EmbeddedChart:
    title: str
    place: object
    month: object
    svg: str
    rows: list  # (label, Figure)
    total: object
    fictional: bool
    report_url: str


def chart_for(place_key, breakdown_key, user, chart_id):
    """The chart as ``user`` may see it, or None (no figures, nothing to see)."""
    place = place_for(place_key or "")
    months = months_with_figures()
    if place is None or not months:
        return None
    report = situation_report(place, months[0], user)
    if not report.has_figures:
        return None
    for breakdown in report.breakdowns:
        if breakdown.key != breakdown_key:
            continue
        labels = [label for _value, label in breakdown.columns]
        figures = breakdown.table.column_totals
        query = {"manad": months[0].strftime("%Y-%m")}
        if isinstance(place, County):
            query["lan"] = place.code
        else:
            query |= {"lan": place.county.code, "delregion": place.slug}
        return EmbeddedChart(
            title=str(breakdown.label),
            place=place,
            month=months[0],
            svg=bar_chart(str(breakdown.label), labels, figures, chart_id=chart_id),
            rows=list(zip(labels, figures, strict=True)),
            total=report.total_people,
            fictional=report.fictional,
            report_url=f"{reverse('followup:report')}?{urlencode(query)}",
        )
    return None
