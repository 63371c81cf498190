"""What the migrations put in the test database, put back after every flush.

A transactional test (the browser tests' live server) ends with a flush that
empties every table, the rows of data migrations included: Wagtail's root
page, default Site, locales (and their synchronisation from Swedish), root
collection and groups, our home page (and its alias in every language), the
geography and the languages. Every other test expects them, so a test that
ran after a browser test in random order would fail. The flush sends
``post_migrate`` (so that Django re-creates content types and permissions);
:class:`MigratedData` listens to it and puts back the rows the migrations
left, with their primary keys.
"""

import json
from itertools import groupby

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management import call_command
from django.db import connections, transaction

CONTENT_TYPE = "contenttypes.contenttype"
# Derived rows, left out: the search index of the pages that migrations create
# (the aliases of the home page in every language); SQLite's full-text table
# refuses rows inserted back as they were.
DERIVED_APPS = ("wagtailsearch.",)


class MigratedData:
    """The freshly migrated database, and the post_migrate receiver restoring it."""

    def __init__(self, alias):
        # The alias, not the connection: Django's handler is local to the
        # thread and the context, and once Playwright has started, the tests
        # get another connection object than the one at hand here; two
        # connections to the shared in-memory SQLite database lock each
        # other's tables.
        self.alias = alias
        records = [
            record
            for record in json.loads(
                connections[alias].creation.serialize_db_to_string()
            )
            if not record["model"].startswith(DERIVED_APPS)
        ]
        # Content types first: a Wagtail page built from its record looks up
        # its content type, and would create a second one if it were missing.
        self.content_types = json.dumps(
            [record for record in records if record["model"] == CONTENT_TYPE]
        )
        self.rows = json.dumps(
            [record for record in records if record["model"] != CONTENT_TYPE]
        )
        # post_migrate is sent once per app; the last one comes after Django
        # has re-created every app's content types and permissions.
        self.last_app = [
            app for app in apps.get_app_configs() if app.models_module is not None
        ][-1]

    def __call__(self, sender, using, plan=None, **kwargs):
        """post_migrate receiver: restore after a flush (migrate sends a plan)."""
        if sender is self.last_app and plan is None and using == self.alias:
            self.restore()

    def restore(self):
        # The content types and permissions just re-created have new keys,
        # which the snapshot's rows do not refer to: empty the tables again
        # (without post_migrate this time) and load the snapshot as it was.
        call_command(
            "flush",
            database=self.alias,
            interactive=False,
            verbosity=0,
            reset_sequences=False,
            inhibit_post_migrate=True,
        )
        ContentType.objects.clear_cache()
        self.load(self.content_types)
        self.load(self.rows)
        ContentType.objects.clear_cache()

    def load(self, data):
        """Django's deserialize_db_from_string, one INSERT per table where it can.

        Django's saves row by row, trying an UPDATE first; the tables are empty
        here. Multi-table children (Wagtail pages) are inserted one by one.
        """
        alias = self.alias
        connection = connections[alias]
        records = serializers.deserialize("json", data, using=alias)
        with transaction.atomic(using=alias):
            with connection.constraint_checks_disabled():
                for model, group in groupby(records, key=lambda r: type(r.object)):
                    group = list(group)
                    if model._meta.parents:
                        for record in group:
                            record.save(force_insert=True)
                        continue
                    model._base_manager.using(alias).bulk_create(
                        [record.object for record in group]
                    )
                    for record in group:
                        for name, values in (record.m2m_data or {}).items():
                            getattr(record.object, name).set(values)
            connection.check_constraints()
