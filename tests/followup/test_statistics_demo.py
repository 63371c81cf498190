"""The demo's fictional target-group figures."""

import pytest

from core.geography.models import Municipality
from knowledge.followup.models import StatisticsImport, TargetGroupFigure
from website.demo.followup_statistics import (
    create_followup_statistics,
    last_complete_months,
)
from website.demo.people import create_people

pytestmark = pytest.mark.django_db


def test_twelve_months_for_33_municipalities_in_one_fictional_upload():
    create_people()
    record = create_followup_statistics()
    months = last_complete_months()
    assert len(months) == 12
    assert record.fictional
    assert record.uploaded_by.email.startswith("anna.lindqvist")
    assert record.months == [f"{m:%Y-%m}" for m in months]
    figures = TargetGroupFigure.objects.filter(source=record)
    assert figures.values("municipality").distinct().count() == 33
    assert 0 < record.masked_count
    assert figures.filter(count__gte=1, count__lte=5).exists()
    malmo = Municipality.objects.get(code="1280")
    small = Municipality.objects.get(code="1275")  # Perstorp
    by = {
        m: sum(f.count or 0 for f in figures.filter(municipality=m))
        for m in (malmo, small)
    }
    assert by[malmo] > 10 * by[small]
    # Loaded again: still one upload.
    create_followup_statistics()
    assert StatisticsImport.objects.filter(fictional=True).count() == 1
