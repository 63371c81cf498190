"""Loads the languages shipped in ``data/languages.csv`` (idempotent)."""

import csv
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "languages.csv"


def load_languages(Language):
    """Create or update the languages; takes the model so migrations can pass theirs."""
    with open(DATA, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        Language.objects.update_or_create(
            code=row["code"],
            defaults={
                "name_sv": row["name_sv"],
                "name_native": row["name_native"],
                "rtl": row["rtl"] == "1",
            },
        )
    return len(rows)
