"""Target-group figures for the situation report's tests, demo and benchmark.

Until the statistics upload builds them from files, an import and its figures
are made here: :func:`figures` writes every cell (category × accommodation ×
sex × age band) of some municipalities and months with ``bulk_create``.
"""

import factory
from django.utils import timezone

from core.geography.models import County, Municipality

from .models import (
    Accommodation,
    AgeBand,
    Category,
    Sex,
    StatisticsImport,
    TargetGroupFigure,
)

CELLS = [
    (category, accommodation, sex, age_band)
    for category in Category.values
    for accommodation in Accommodation.values
    for sex in Sex.values
    for age_band in AgeBand.values
]


class StatisticsImportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StatisticsImport

    county = factory.LazyFunction(lambda: County.objects.get(code="12"))
    file_name = factory.Sequence(lambda n: f"malgrupp-{n}.csv")
    fictional = False


class TargetGroupFigureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TargetGroupFigure

    municipality = factory.LazyFunction(lambda: Municipality.objects.get(code="1280"))
    month = factory.LazyFunction(lambda: timezone.localdate().replace(day=1))
    category = Category.ASYLUM_SEEKERS
    accommodation = Accommodation.MIGRATIONSVERKET
    sex = Sex.WOMEN
    age_band = AgeBand.FROM_25
    count = 10
    source = factory.SubFactory(StatisticsImportFactory)


def default_count(municipality, month, cell):
    """A believable, repeatable count: larger in larger places, some zeros."""
    category, accommodation, sex, age_band = cell
    seed = int(municipality.code) + month.month * 7 + CELLS.index(cell) * 13
    if category != Category.ASYLUM_SEEKERS and seed % 3:
        return 0
    return (seed * 37) % 41


def figures(
    municipalities,
    months,
    *,
    count=default_count,
    source=None,
    fictional=False,
    cells=CELLS,
    batch_size=2000,
):
    """Write a figure for every cell of each municipality and month.

    ``count(municipality, month, cell)`` gives the count (None: masked at the
    source, ".."); ``cells`` are (category, accommodation, sex, age band).
    Returns the import the figures belong to.
    """
    municipalities = list(municipalities)
    months = [month.replace(day=1) for month in months]
    if source is None:
        county = municipalities[0].county if municipalities else None
        source = StatisticsImportFactory(
            **({"county": county} if county else {}),
            fictional=fictional,
            months=[f"{month:%Y-%m}" for month in months],
        )
    rows = [
        TargetGroupFigure(
            municipality=municipality,
            month=month,
            category=cell[0],
            accommodation=cell[1],
            sex=cell[2],
            age_band=cell[3],
            count=count(municipality, month, cell),
            source=source,
        )
        for municipality in municipalities
        for month in months
        for cell in cells
    ]
    TargetGroupFigure.objects.bulk_create(rows, batch_size=batch_size)
    source.row_count = (source.row_count or 0) + len(rows)
    source.masked_count = (source.masked_count or 0) + sum(
        1 for row in rows if row.count is None
    )
    source.save(update_fields=["row_count", "masked_count"])
    return source
