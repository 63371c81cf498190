"""Twelve months of target-group figures for all 290 municipalities.

The situation report is measured for Skåne and for the whole country; its
figures are one fictional import (``bench-malgrupp.csv``) with every cell of
the months and municipalities that have none yet (the demo's stay). At a
scale below 1 only the asylum seekers' cells and fewer months are written.
"""

import datetime

from core.geography.models import County, Municipality
from knowledge.followup.factories_report import CELLS, figures
from knowledge.followup.models import Category, StatisticsImport, TargetGroupFigure
from website.demo.partners import SKANE

FILE_NAME = "bench-malgrupp.csv"
MONTHS = 12


def bench_months(today, count):
    """The ``count`` months up to ``today``'s, newest first."""
    month = today.replace(day=1)
    found = []
    for _ in range(count):
        found.append(month)
        month = (month - datetime.timedelta(days=1)).replace(day=1)
    return found


class FollowupGrowth:
    """Target-group figures for the situation report."""

    def target_group_figures(self):
        count = MONTHS if self.scale >= 1 else max(1, round(MONTHS * self.scale))
        cells = (
            CELLS
            if self.scale >= 1
            else [cell for cell in CELLS if cell[0] == Category.ASYLUM_SEEKERS]
        )
        months = bench_months(self.today, min(MONTHS, count))
        present = set(
            TargetGroupFigure.objects.filter(month__in=months)
            .values_list("municipality_id", "month")
            .distinct()
        )
        source = StatisticsImport.objects.filter(file_name=FILE_NAME).first()
        made = 0
        for month in months:
            missing = [
                m
                for m in Municipality.objects.select_related("county").order_by("code")
                if (m.pk, month) not in present
            ]
            if not missing:
                continue
            if source is None:
                source = StatisticsImport.objects.create(
                    county=County.objects.get(code=SKANE),
                    file_name=FILE_NAME,
                    fictional=True,
                )
            figures(missing, [month], source=source, cells=cells)
            made += len(missing) * len(cells)
        if made:
            self.growth.add("target-group figures", made)
