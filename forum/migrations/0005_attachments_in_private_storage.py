# Attachments to posts and responses become files in the private storage
# (core/attachments.py) instead of Wagtail documents, which are served
# without the forum's access rule. The old tables were never written to.

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import core.attachments


def attached_file_fields():
    return [
        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
        ("file", models.FileField(max_length=200, storage=core.attachments.private_storage, upload_to=core.attachments.stored_name, verbose_name="fil")),
        ("name", models.CharField(max_length=150, verbose_name="filnamn")),
        ("size", models.PositiveBigIntegerField(verbose_name="storlek")),
        ("content_type", models.CharField(max_length=120, verbose_name="filtyp")),
        ("uploaded_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="bifogad")),
        ("uploaded_by", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL, verbose_name="bifogad av")),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("forum", "0004_levels_in_practice"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.DeleteModel(name="PostAttachment"),
        migrations.DeleteModel(name="ResponseAttachment"),
        migrations.CreateModel(
            name="PostAttachment",
            fields=[
                *attached_file_fields(),
                ("post", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="attachments", to="forum.post")),
            ],
            options={
                "verbose_name": "bilaga till inlägg",
                "verbose_name_plural": "bilagor till inlägg",
                "ordering": ["uploaded_at", "pk"],
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="ResponseAttachment",
            fields=[
                *attached_file_fields(),
                ("removed_at", models.DateTimeField(blank=True, null=True, verbose_name="borttagen")),
                ("removed_by", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL, verbose_name="borttagen av")),
                ("response", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="attachments", to="forum.consultationresponse")),
            ],
            options={
                "verbose_name": "bilaga till svar",
                "verbose_name_plural": "bilagor till svar",
                "ordering": ["uploaded_at", "pk"],
                "abstract": False,
            },
        ),
    ]
