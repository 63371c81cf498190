from django.db import migrations


def load(apps, schema_editor):
    from directory.reference import load_languages

    load_languages(apps.get_model("directory", "Language"))


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
