"""`manage.py benchmark`: it measures every key page, and only where it may."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from directory.models import Activity
from website.benchmark import measure
from website.benchmark.management.commands.benchmark import is_benchmark_database

pytestmark = pytest.mark.django_db

DISPOSABLE = "--i-know-this-database-is-disposable"
KEY_PAGES = {
    ("home", "anonymous"),
    ("activities", "anonymous"),
    ("activities kommun+sprak", "anonymous"),
    ("activity page", "anonymous"),
    ("calendar month", "anonymous"),
    ("forum calendar", "member"),
    ("feed public", "anonymous"),
    ("feed forum", "anonymous"),
    ("partner directory", "member"),
    ("consultations", "member"),
    ("consultation page", "convener"),
    ("dialog threads", "member"),
    ("long thread", "member"),
    ("partnership", "member"),
    ("situation report Skåne", "anonymous"),
    ("situation report Skåne", "convener"),
    ("situation report country", "anonymous"),
    ("situation report country", "convener"),
}


def run(*args, output=None):
    out = StringIO()
    if output:
        args = (*args, "--output", str(output))
    call_command("benchmark", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.mark.parametrize(
    "name, accepted",
    [
        ("build/benchmark.sqlite3", True),
        ("/srv/tia/build/benchmark.sqlite3", True),
        ("tia_benchmark", True),
        ("db.sqlite3", False),
        ("/home/anna/benchmark/db.sqlite3", False),  # only the file's own name
        ("tia", False),
        ("", False),
    ],
)
def test_only_a_benchmark_database_is_accepted(name, accepted):
    assert is_benchmark_database({"NAME": name}) is accepted


def test_refuses_a_developer_database_and_says_how_to_run_it(monkeypatch):
    monkeypatch.setitem(connection.settings_dict, "NAME", "/home/anna/tia/db.sqlite3")
    before = Activity.objects.count()
    with pytest.raises(CommandError) as refused:
        run("--scale", "0.02", "--requests", "1")
    assert "make benchmark" in str(refused.value)
    assert "DATABASE_URL=sqlite:///build/benchmark.sqlite3" in str(refused.value)
    assert Activity.objects.count() == before


def test_measures_every_key_page_at_a_small_scale(tmp_path):
    call_command("seed_demo", stdout=StringIO())
    output = tmp_path / "benchmark.json"

    printed = run("--scale", "0.02", "--requests", "2", DISPOSABLE, output=output)

    report = json.loads(output.read_text())
    results = report["results"]
    assert KEY_PAGES <= {(r["name"], r["role"]) for r in results}
    for result in results:
        where = f"{result['name']} ({result['role']}) {result['url']}"
        assert result["status"] == 200 and result["ok"], where
        assert result["requests"] == 2, where
        assert result["queries"] >= 1, where
        assert 0 < result["median_ms"] <= result["p95_ms"], where
        assert result["bytes"] > 0, where
        assert result["url"] in printed
    assert report["failures"] == []
    assert report["created"]["activities"] == 50
    assert report["row_counts"]["activities (public directory)"] >= 40
    assert report["row_counts"]["consultation responses"] >= 20
    assert "Every URL answered 200." in printed

    # Run again: the marked rows are there, so nothing is added.
    again = tmp_path / "again.json"
    run("--scale", "0.02", "--requests", "1", DISPOSABLE, output=again)
    second = json.loads(again.read_text())
    assert second["created"] == {}
    assert second["row_counts"] == report["row_counts"]


def test_a_page_that_does_not_answer_200_fails_the_run(monkeypatch, tmp_path):
    def one_missing_page(forum_slug=None):
        return [measure.Target("missing", "anonymous", "/finns-inte/")], []

    monkeypatch.setattr(measure, "targets", one_missing_page)
    output = tmp_path / "benchmark.json"
    with pytest.raises(CommandError, match="1 of the measurements failed"):
        run("--no-grow", "--requests", "1", DISPOSABLE, output=output)
    report = json.loads(output.read_text())
    assert report["results"][0]["status"] == 404
    assert report["failures"] == ["missing (anonymous): 404"]


@pytest.mark.django_db
def test_queries_are_counted_after_thousands_of_requests(client):
    """Django keeps the last 9,000 queries; a full log must not read as 0."""
    connection.queries_log.extend(
        {"sql": "SELECT 1", "time": "0"} for _ in range(connection.queries_limit)
    )
    assert len(connection.queries_log) == connection.queries_limit
    _status, queries, _seconds, _size = measure.fetch(client, "/")
    assert queries > 0  # the site and its home page come from the database
