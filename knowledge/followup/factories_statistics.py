"""Factories for the target-group statistics, and files to upload: shared by
the tests, the demo data and the benchmark."""

import csv
import io
import itertools
import random

import factory
from django.utils import timezone

from core.geography.models import County, Municipality

from .imports import HEADER
from .models import (
    Accommodation,
    AgeBand,
    Category,
    Sex,
    StatisticsImport,
    TargetGroupFigure,
)


class StatisticsImportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StatisticsImport

    county = factory.LazyFunction(lambda: County.objects.get(code="12"))
    file_name = factory.Sequence(lambda n: f"migrationsverket-{n}.csv")
    months = factory.LazyFunction(list)


class TargetGroupFigureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TargetGroupFigure

    municipality = factory.LazyFunction(lambda: Municipality.objects.get(code="1280"))
    month = factory.LazyFunction(lambda: timezone.localdate().replace(day=1))
    category = Category.ASYLUM_SEEKERS
    accommodation = Accommodation.MIGRATIONSVERKET
    sex = Sex.WOMEN
    age_band = AgeBand.FROM_25
    count = 12
    source = factory.SubFactory(
        StatisticsImportFactory,
        county=factory.SelfAttribute("..municipality.county"),
    )


def row(municipality, month, count, **values):
    """One row of an upload, in HEADER's order, with Swedish labels."""
    cells = [
        values.get("county", municipality.county.name),
        values.get("municipality", municipality.name),
        values.get("month", f"{month:%Y-%m}"),
        values.get("category", Category.ASYLUM_SEEKERS.label),
        values.get("accommodation", Accommodation.MIGRATIONSVERKET.label),
        values.get("sex", Sex.WOMEN.label),
        values.get("age_band", AgeBand.FROM_25.label),
        count,
    ]
    # Labels are lazy translations; a file holds their Swedish text.
    return [value if isinstance(value, int | None) else str(value) for value in cells]


def every_cell():
    """Every (category, accommodation, sex, age band) of a municipality-month."""
    return itertools.product(Category, Accommodation, Sex, AgeBand)


def csv_file(rows, header=HEADER, delimiter=";", bom=True):
    """The bytes of a CSV upload as Excel writes it ("CSV UTF-8")."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" if bom else "").encode() + out.getvalue().encode()


def xlsx_file(rows, header=HEADER):
    """The bytes of an XLSX upload; a cell text starting with "=" is a formula."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(list(header))
    for values in rows:
        sheet.append(list(values))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


# Fictional figures ---------------------------------------------------------

# How large each municipality's target group is, relative to a small one
# (fictional, in proportion to the towns' size and reception).
WEIGHTS = {
    "1280": 40,  # Malmö
    "1283": 18,  # Helsingborg
    "1281": 14,  # Lund
    "1290": 9,  # Kristianstad
    "1282": 7,  # Landskrona
    "1293": 6,  # Hässleholm
    "1287": 5,  # Trelleborg
    "1292": 4,  # Ängelholm
    "1285": 4,  # Eslöv
    "1286": 3,  # Ystad
}
SHARES = {
    Category.ASYLUM_SEEKERS: 1.0,
    Category.PERMIT_HOLDERS: 0.3,
    Category.TEMPORARY_PROTECTION: 0.6,
    Accommodation.MIGRATIONSVERKET: 0.5,
    Accommodation.OWN: 0.4,
    Accommodation.OTHER: 0.1,
    AgeBand.FROM_18: 0.25,
    AgeBand.FROM_25: 0.35,
    AgeBand.FROM_35: 0.22,
    AgeBand.FROM_45: 0.15,
    AgeBand.FROM_65: 0.03,
}
SCALE = 22


def fictional_counts(municipalities, months, seed=18):
    """(municipality, month, category, accommodation, sex, age band, count):
    believable, made-up figures; a few small ones masked (None) as
    Migrationsverket does."""
    rng = random.Random(seed)
    for municipality in municipalities:
        weight = WEIGHTS.get(municipality.code, rng.choice((1, 1.5, 2)))
        trend = 1.0
        for month in months:
            trend *= rng.uniform(0.96, 1.05)
            for category, accommodation, sex, age_band in every_cell():
                women = 0.6 if category == Category.TEMPORARY_PROTECTION else 0.4
                share = women if sex == Sex.WOMEN else 1 - women
                expected = (
                    SCALE
                    * weight
                    * trend
                    * SHARES[category]
                    * SHARES[accommodation]
                    * SHARES[age_band]
                    * share
                )
                count = max(0, round(expected * rng.gauss(1, 0.2)))
                if 1 <= count <= 3 and rng.random() < 0.05:
                    count = None
                yield municipality, month, category, accommodation, sex, age_band, count


def fictional_csv(municipalities, months, seed=18):
    """A CSV upload of :func:`fictional_counts`, with SCB codes and value codes."""
    rows = (
        [
            municipality.county.code,
            municipality.code,
            f"{month:%Y-%m}",
            category.value,
            accommodation.value,
            sex.value,
            age_band.value,
            ".." if count is None else count,
        ]
        for municipality, month, category, accommodation, sex, age_band, count in (
            fictional_counts(municipalities, months, seed)
        )
    )
    return csv_file(rows)
