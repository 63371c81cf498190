"""Read the demo content from the JSON files in ``website/demo/data/``."""

import json
from collections import namedtuple
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


@cache
def load(name):
    """The whole of ``data/<name>.json``."""
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))


def records(name, table):
    """A table of ``data/<name>.json`` as named tuples, read by field or unpacked."""
    rows = load(name)[table]
    Row = namedtuple("Row", rows[0])
    return [Row(**row) for row in rows]


def by_level(mapping):
    """JSON keys are strings; levels are numbers."""
    return {int(level): value for level, value in mapping.items()}
