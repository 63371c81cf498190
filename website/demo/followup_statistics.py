"""Twelve months of fictional target-group figures for Skåne's municipalities,
uploaded through the statistics import by the demo's county administrator, so
that the history shows one upload (marked as fictional)."""

import datetime

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from core.geography.models import County, Municipality
from knowledge.followup.factories_statistics import fictional_csv
from knowledge.followup.imports import import_statistics
from knowledge.followup.models import StatisticsImport

UPLOADER = "anna.lindqvist@lansstyrelsen-skane.example"
FILE_NAME = "fiktiv-statistik-skane.csv"


def last_complete_months(count=12, today=None):
    """The ``count`` complete months before ``today``, oldest first."""
    month = (today or timezone.localdate()).replace(day=1)
    months = []
    for _ in range(count):
        month = (month - datetime.timedelta(days=1)).replace(day=1)
        months.append(month)
    return months[::-1]


def create_followup_statistics():
    """Again on every run: the demo's earlier upload goes, the new one covers
    the twelve months before today."""
    county = County.objects.get(code="12")
    StatisticsImport.objects.filter(county=county, fictional=True).delete()
    municipalities = list(
        Municipality.objects.in_county(county).select_related("county").order_by("code")
    )
    content = fictional_csv(municipalities, last_complete_months())
    return import_statistics(
        SimpleUploadedFile(FILE_NAME, content),
        county=county,
        by=get_user_model().objects.filter(email=UPLOADER).first(),
        fictional=True,
    )


def statistics_summary():
    record = StatisticsImport.objects.filter(fictional=True).first()
    if record is None:
        return "Target-group statistics: none."
    return (
        f"Target-group statistics (fictional): {record.row_count} figures for "
        f"{record.months[0]} – {record.months[-1]}, {record.masked_count} masked."
    )
