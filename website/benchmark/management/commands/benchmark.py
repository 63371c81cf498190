"""`manage.py benchmark`: county-sized data, then queries and server time per page.

Run it with `make benchmark`, which gives it a database of its own. It adds
thousands of rows, so it refuses every database whose name does not contain
"benchmark" (tests pass --i-know-this-database-is-disposable for theirs).
"""

import json
import platform
import time
from pathlib import Path

import django
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from website.benchmark.data import grow, volumes
from website.benchmark.measure import measure, table

HOW_TO_RUN = """\
The benchmark adds thousands of rows to the database it runs against, so it
runs only against a database of its own, whose name contains "benchmark"
(this one is {name!r}). Run it with

    make benchmark

or by hand:

    export DATABASE_URL=sqlite:///build/benchmark.sqlite3
    python manage.py migrate --noinput
    python manage.py seed_demo
    python manage.py benchmark

PostgreSQL works the same with a DATABASE_URL whose database name contains
"benchmark", e.g. postgres://localhost/tia_benchmark."""


def is_benchmark_database(settings_dict):
    """Whether the database's own name (not its folder) says it is for benchmarks."""
    name = str(settings_dict.get("NAME") or "")
    return "benchmark" in Path(name).name.lower()


class Command(BaseCommand):
    help = (
        "Grow the demo data to the volumes of a county (about 2,000 public "
        "activities, 1,000 events, 40 consultations, 300 threads, 1,000 extra "
        "users at --scale 1), then request the key pages as a visitor, a member "
        "and the convener and report queries per request, median and p95 server "
        "time and response size. Runs only against a benchmark database."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=float,
            default=1.0,
            help="Data volume relative to a county (default 1.0; 0.02 for a smoke "
            "test). Rows already there are kept: a run only adds what is missing.",
        )
        parser.add_argument(
            "--requests",
            type=int,
            default=30,
            help="Timed requests per URL, after one warm-up (default 30).",
        )
        parser.add_argument(
            "--output",
            metavar="FILE",
            help="Also write the results as JSON, e.g. build/benchmark.json.",
        )
        parser.add_argument(
            "--no-grow",
            action="store_true",
            help="Measure the data as it is; add nothing.",
        )
        parser.add_argument(
            "--i-know-this-database-is-disposable",
            action="store_true",
            dest="disposable",
            help="Run against a database without 'benchmark' in its name (tests).",
        )

    def handle(self, *args, **options):
        settings_dict = connection.settings_dict
        if not (options["disposable"] or is_benchmark_database(settings_dict)):
            raise CommandError(HOW_TO_RUN.format(name=str(settings_dict["NAME"])))
        scale, requests = options["scale"], options["requests"]
        if scale <= 0:
            raise CommandError("--scale must be greater than 0.")
        if requests < 1:
            raise CommandError("--requests must be at least 1.")

        growth = None
        if not options["no_grow"]:
            started = time.perf_counter()
            self.stdout.write(f"Growing the data to scale {scale:g} …")
            growth = grow(scale)
            made = ", ".join(f"{n} {kind}" for kind, n in growth.created.items())
            self.stdout.write(
                f"  created {made or 'nothing (already there)'} "
                f"in {time.perf_counter() - started:.1f} s"
            )
            for note in growth.notes:
                self.stdout.write(self.style.WARNING(f"  {note}"))

        self.stdout.write(
            f"\nMeasuring: {requests} requests per URL after one warm-up, "
            f"in-process test client, DEBUG off, database {connection.vendor} "
            f"{settings_dict['NAME']}.\n"
        )
        progress = None
        if options["verbosity"] >= 2:

            def progress(result):
                self.stderr.write(f"  {result.name} ({result.role}): {result.status}")

        report = measure(requests=requests, progress=progress)
        self.stdout.write(table(report))

        if options["output"]:
            path = Path(options["output"])
            path.parent.mkdir(parents=True, exist_ok=True)
            data = {
                "measured_at": timezone.now().isoformat(timespec="seconds"),
                "database": {
                    "vendor": connection.vendor,
                    "name": str(settings_dict["NAME"]),
                },
                "python": platform.python_version(),
                "django": django.get_version(),
                "scale": scale,
                "volumes": volumes(scale),
                "requests": requests,
                "created": growth.created if growth else {},
                **report.as_dict(),
            }
            path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
            self.stdout.write(f"\nWritten to {path}")

        failures = report.failures
        if failures:
            for failure in failures:
                if isinstance(failure, str):
                    self.stderr.write(failure)
                else:
                    self.stderr.write(
                        f"{failure.name} ({failure.role}) {failure.url}: "
                        f"{failure.status} {failure.error}".rstrip()
                    )
            raise CommandError(f"{len(failures)} of the measurements failed.")
        self.stdout.write(self.style.SUCCESS("\nEvery URL answered 200."))
