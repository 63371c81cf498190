import csv
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "languages.csv"


def load(apps, schema_editor):
    Language = apps.get_model("directory", "Language")
    with open(DATA, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            Language.objects.update_or_create(
                code=row["code"],
                defaults={
                    "name_sv": row["name_sv"],
                    "name_native": row["name_native"],
                    "rtl": row["rtl"] == "1",
                },
            )


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
