"""Loads the geography reference data shipped in ``data/`` into the database.

The functions take the model classes as arguments so that data migrations can
pass their historical models.
"""

import csv
from pathlib import Path

from django.utils.text import slugify

DATA_DIR = Path(__file__).resolve().parent / "data"

# The Swedish way of writing å, ä and ö in ASCII keeps Håbo and Habo apart.
SWEDISH_ASCII = str.maketrans({"å": "aa", "ä": "ae", "ö": "oe", "é": "e"})


def swedish_slug(name):
    return slugify(name.lower().translate(SWEDISH_ASCII))


def read_rows(filename):
    with open(DATA_DIR / filename, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def load_reference(County, Municipality):
    """Create or update the 21 counties and 290 municipalities; return the counts."""
    counties = {}
    for row in read_rows("counties.csv"):
        county, _ = County.objects.update_or_create(
            code=row["code"],
            defaults={"name": row["name"], "slug": swedish_slug(row["name"])},
        )
        counties[county.code] = county
    for row in read_rows("municipalities.csv"):
        Municipality.objects.update_or_create(
            code=row["code"],
            defaults={
                "name": row["name"],
                "slug": swedish_slug(row["name"]),
                "county": counties[row["county_code"]],
            },
        )
    return len(counties), Municipality.objects.count()


def load_subregions(County, SubRegion, Municipality):
    """Create the shipped sub-regions that do not exist yet.

    A county whose sub-regions staff have already set up is left alone, so
    running this again never undoes an edit made in the admin.
    """
    created = 0
    rows_by_county = {}
    for row in read_rows("subregions.csv"):
        rows_by_county.setdefault(row["county_code"], []).append(row)
    for county_code, rows in rows_by_county.items():
        county = County.objects.get(code=county_code)
        if SubRegion.objects.filter(county=county).exists():
            continue
        for name in sorted({row["subregion"] for row in rows}):
            subregion = SubRegion.objects.create(
                county=county, name=name, slug=swedish_slug(name)
            )
            codes = [
                row["municipality_code"] for row in rows if row["subregion"] == name
            ]
            Municipality.objects.filter(code__in=codes).update(subregion=subregion)
            created += 1
    return created


def load_centres(Municipality):
    """Give the municipalities in ``municipality_centres.csv`` their central
    town's point, where they have none: a point staff set in the admin stays.
    Return how many were set."""
    updated = 0
    for row in read_rows("municipality_centres.csv"):
        updated += Municipality.objects.filter(
            code=row["code"], latitude__isnull=True, longitude__isnull=True
        ).update(latitude=row["latitude"], longitude=row["longitude"])
    return updated
