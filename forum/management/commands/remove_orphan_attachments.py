"""Delete attachment files that no row refers to (run daily).

A file is written before its row is committed; when the transaction rolls back
(a failed save, a crash) the file stays behind without a row. Files younger
than ``--min-age-hours`` are left alone: their row may still be on its way.
"""

import datetime

from django.apps import apps
from django.core.management.base import BaseCommand
from django.utils import timezone

from core.attachments import AttachedFile, private_storage

ROOT = "bilagor"


def stored_files(storage, folder=ROOT):
    """Every file name under ``folder`` of ``storage``."""
    if not storage.exists(folder):
        return
    folders, files = storage.listdir(folder)
    for name in files:
        yield f"{folder}/{name}"
    for sub in folders:
        yield from stored_files(storage, f"{folder}/{sub}")


def referenced_names():
    names = set()
    for model in apps.get_models():
        if issubclass(model, AttachedFile):
            names.update(model.objects.values_list("file", flat=True))
    return names


class Command(BaseCommand):
    help = "Delete attachment files in the private storage that no row refers to."

    def add_arguments(self, parser):
        parser.add_argument("--min-age-hours", type=int, default=24)
        parser.add_argument(
            "--dry-run", action="store_true", help="Only list what would go."
        )

    def handle(self, *args, min_age_hours, dry_run, **options):
        storage = private_storage()
        cutoff = timezone.now() - datetime.timedelta(hours=min_age_hours)
        referenced = referenced_names()
        removed = 0
        for name in stored_files(storage):
            if name in referenced or storage.get_modified_time(name) > cutoff:
                continue
            if not dry_run:
                storage.delete(name)
            removed += 1
            self.stdout.write(name)
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(f"{verb} {removed} file(s) without a row.")
