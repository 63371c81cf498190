"""The masking rule: no figure from 1 to 5, nor one that a total gives away.

Every table, chart, CSV, XLSX and API answer of the follow-up room shows its
counts through this module and nowhere else (``docs/followup.md``):

* **Primary suppression.** A count from 1 to 5 is shown as "<6". Zero is
  shown: it tells nobody anything about a person.
* **Masked at the source.** A count Migrationsverket gave as ".." (``None``
  here) stays "..": the platform never guesses it. A total over such counts
  is the lower bound "≥ N": the shown counts plus 1 for each hidden one
  (never the hidden counts themselves).
* **Secondary suppression.** Where a shown total and all but one of its parts
  are shown, the hidden part is total minus the others. So in every row and
  column (the totals row and column included) that has exactly one hidden
  part under an exact total, one more part is hidden: the smallest shown
  count above zero (a zero if there is none; the total itself if the line has
  no other part). Hiding a part can open another line, so this repeats until
  no line gives anything away. Such a cell shows "..", as counts masked at
  the source do.

``mask_table`` takes a grid of counts and returns it with row, column and
grand totals, each a :class:`Figure`; ``mask_series`` is one row of it (a
chart's bars and their total); ``mask`` is a lone figure with no total beside
it.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.formats import number_format

# The smallest count ever shown (other than zero).
MIN_SHOWN = 6
SMALL = "<6"
HIDDEN = ".."


@dataclass(frozen=True)
class Figure:
    """A count as the reader may see it; ``value`` is for code, never for output."""

    value: int | None
    shown: bool
    at_least: bool = False

    @property
    def text(self):
        if not self.shown:
            return SMALL if self.is_small else HIDDEN
        if self.at_least:
            return f"≥ {number_format(self.value, force_grouping=True)}"
        return number_format(self.value, force_grouping=True)

    @property
    def is_small(self):
        return self.value is not None and 0 < self.value < MIN_SHOWN

    @property
    def number(self):
        """The count for a chart or a sum, or None when it may not be shown exactly."""
        return self.value if self.shown and not self.at_least else None

    @property
    def export(self):
        """A spreadsheet cell: the count as a number, else the text shown."""
        return self.number if self.number is not None else self.text

    def __str__(self):
        return self.text


def is_primary(value):
    """True for a count that is never shown: masked at the source or 1 to 5."""
    return value is None or 0 < value < MIN_SHOWN


def mask(value):
    """A lone count, with no total beside it that could give it away."""
    return Figure(value, shown=not is_primary(value))


def _total(values):
    known = sum(v for v in values if v is not None)
    unknown = sum(1 for v in values if v is None)
    # Each count masked at the source is at least 1.
    return known + unknown, unknown > 0


@dataclass
class MaskedTable:
    rows: list
    row_totals: list
    column_totals: list
    total: Figure


class _Line:
    """A total and the cells it is the sum of, as keys into ``hidden``."""

    def __init__(self, total, parts):
        self.total = total
        self.parts = parts


def mask_table(grid: Sequence[Sequence[int | None]]) -> MaskedTable:
    """Each cell, row total, column total and the grand total of ``grid``,
    masked so that no count from 1 to 5 can be read or worked out."""
    rows = [list(row) for row in grid]
    width = max((len(row) for row in rows), default=0)
    if any(len(row) != width for row in rows):
        raise ValueError("every row needs the same number of columns")
    height = len(rows)

    values = {}
    exact = {}
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            values["c", i, j] = value
            exact["c", i, j] = value is not None
    for i, row in enumerate(rows):
        values["r", i], at_least = _total(row)
        exact["r", i] = not at_least
    for j in range(width):
        values["k", j], at_least = _total([row[j] for row in rows])
        exact["k", j] = not at_least
    values["t"], at_least = _total([v for row in rows for v in row])
    exact["t"] = not at_least

    # A total over counts masked at the source is shown as a lower bound.
    hidden = {
        key: (is_primary(value) if exact[key] else False)
        for key, value in values.items()
    }
    for key in values:
        if key[0] == "c":
            hidden[key] = is_primary(values[key])

    lines = [
        _Line(("r", i), [("c", i, j) for j in range(width)]) for i in range(height)
    ]
    lines += [
        _Line(("k", j), [("c", i, j) for i in range(height)]) for j in range(width)
    ]
    if height:
        lines.append(_Line("t", [("r", i) for i in range(height)]))
    if width:
        lines.append(_Line("t", [("k", j) for j in range(width)]))

    changed = True
    while changed:
        changed = False
        for line in lines:
            if hidden[line.total] or not exact[line.total]:
                continue
            concealed = [key for key in line.parts if hidden[key]]
            if len(concealed) != 1:
                continue
            shown = [key for key in line.parts if not hidden[key]]
            if shown:
                positive = [key for key in shown if values[key]]
                pick = min(positive or shown, key=lambda key: values[key])
            else:
                pick = line.total
            hidden[pick] = True
            changed = True

    # A lower bound counts only what is shown, and 1 for each hidden part:
    # adding the hidden parts' own values would give them away.
    members = {("r", i): [("c", i, j) for j in range(width)] for i in range(height)}
    members |= {("k", j): [("c", i, j) for i in range(height)] for j in range(width)}
    members["t"] = [("c", i, j) for i in range(height) for j in range(width)]
    for key, cells in members.items():
        if not exact[key]:
            values[key] = sum(1 if hidden[c] else values[c] for c in cells)

    def figure(key):
        return Figure(values[key], shown=not hidden[key], at_least=not exact[key])

    return MaskedTable(
        rows=[[figure(("c", i, j)) for j in range(width)] for i in range(height)],
        row_totals=[figure(("r", i)) for i in range(height)],
        column_totals=[figure(("k", j)) for j in range(width)],
        total=figure("t"),
    )


def mask_series(values: Sequence[int | None]):
    """A row of counts and their total: ``(figures, total)``."""
    table = mask_table([values])
    return table.rows[0], table.total
