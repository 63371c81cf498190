from django.db import migrations


def load(apps, schema_editor):
    from core.geography.reference import load_reference

    load_reference(apps.get_model("geography", "County"), apps.get_model("geography", "Municipality"))


class Migration(migrations.Migration):
    dependencies = [("geography", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
