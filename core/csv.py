"""Spreadsheet downloads: one shape for every CSV the platform hands out.

UTF-8 with a byte-order mark (so that spreadsheet programs read å, ä, ö and
Arabic script right), one header row, and every text cell guarded so that a
spreadsheet shows it as text and never runs it as a formula (OWASP's "CSV
injection"): a value that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return gets a leading apostrophe.
"""

import csv

from django.http import HttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value):
    """``value`` as a cell: numbers as they are, text made inert.

    Rich text goes through :func:`core.sanitizer.plain_text` first (the
    caller's choice: a name such as "Eva <eva@example.org>" is not markup).
    """
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        text = "'" + text
    return text


def download(filename, header, rows):
    """An attachment response named ``filename``: ``header``, then ``rows``.

    ``rows`` is any iterable of sequences; each value goes through :func:`cell`.
    """
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([cell(title) for title in header])
    for row in rows:
        writer.writerow([cell(value) for value in row])
    return response
