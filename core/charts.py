"""Bar charts drawn on the server as SVG: no JavaScript, no library in the browser.

:func:`bar_chart` draws horizontal bars, one per label, with each value
written as text beside its bar. A value is a number, ``None`` (nothing to
show) or anything with ``number`` and ``text`` (such as the follow-up room's
masked ``Figure``): a bar is drawn only for a ``number``; a hidden value gets
no bar and its ``text`` ("<6", "..") in its place, so a chart never shows
more than the table beside it.

The SVG is ``role="img"`` with a ``<title>`` and a ``<desc>`` that it is
``aria-labelledby``; the description sums the data up in words (the largest
values, how many are hidden). Put the same figures in a table beside the
chart: the description is a summary, the table is the text alternative a
reader can go through. Every label and title is escaped. The colours keep
WCAG 2.1 AA contrast on white: the text 16:1, the bars 7:1 (1.4.11 asks for
3:1 for graphics).
"""

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext as _

BAR_COLOUR = "#1d4f91"  # 8.4:1 on white
TEXT_COLOUR = "#1a1a1a"  # 17:1 on white
MUTED_COLOUR = "#4a4a4a"  # 8.9:1 on white, for hidden values
WIDTH = 640
LABEL_WIDTH = 200
VALUE_SPACE = 90
ROW_HEIGHT = 28
BAR_HEIGHT = 18
PADDING = 8
# How many of the largest values the description names.
NAMED_IN_DESCRIPTION = 3


@dataclass(frozen=True)
class Bar:
    label: str
    number: float | int | None
    text: str


def _bar(label, value):
    label = str(label)
    if value is None:
        return Bar(label, None, "–")
    if hasattr(value, "number") and hasattr(value, "text"):
        return Bar(label, value.number, str(value.text))
    return Bar(label, value, _number_text(value))


def _number_text(value):
    if isinstance(value, float) and not value.is_integer():
        return number_format(value, decimal_pos=1, force_grouping=True)
    return number_format(int(value), force_grouping=True)


def describe(title, bars):
    """The chart in words: its title, the largest values, what is hidden."""
    shown = [bar for bar in bars if bar.number is not None]
    hidden = len(bars) - len(shown)
    largest = sorted(shown, key=lambda bar: -bar.number)[:NAMED_IN_DESCRIPTION]
    parts = [_("%(title)s: %(count)s staplar.") % {"title": title, "count": len(bars)}]
    if largest:
        parts.append(
            _("Störst: %(values)s.")
            % {"values": "; ".join(f"{bar.label} {bar.text}" for bar in largest)}
        )
    if hidden:
        parts.append(
            _("%(count)s värden visas inte (”<6” eller ”..”), se tabellen.")
            % {"count": hidden}
        )
    return " ".join(parts)


def bar_chart(title, labels, values, *, chart_id=None, description=None):
    """An inline SVG (safe HTML) with a bar per label, largest scale first.

    ``values`` are numbers, ``None`` or figure-like objects (``number``,
    ``text``); ``description`` replaces the generated summary.
    """
    bars = [_bar(label, value) for label, value in zip(labels, values, strict=True)]
    chart_id = chart_id or "chart-" + (slugify(str(title)) or "bars")
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    description = description or describe(str(title), bars)
    top = max((bar.number for bar in bars if bar.number is not None), default=0)
    span = WIDTH - LABEL_WIDTH - VALUE_SPACE - 2 * PADDING
    height = max(1, len(bars)) * ROW_HEIGHT + 2 * PADDING
    rows = []
    for index, bar in enumerate(bars):
        y = PADDING + index * ROW_HEIGHT
        middle = y + ROW_HEIGHT / 2
        x0 = LABEL_WIDTH + PADDING
        length = round(span * bar.number / top, 1) if bar.number and top else 0
        rect = ""
        if length:
            rect = format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"></rect>',
                x0,
                middle - BAR_HEIGHT / 2,
                length,
                BAR_HEIGHT,
                BAR_COLOUR,
            )
        hidden = bar.number is None
        rows.append(
            format_html(
                '<g><text x="{}" y="{}" text-anchor="end" dominant-baseline="middle" '
                'fill="{}">{}</text>{}<text x="{}" y="{}" dominant-baseline="middle" '
                'fill="{}"{}>{}</text></g>',
                LABEL_WIDTH,
                middle,
                TEXT_COLOUR,
                bar.label,
                rect,
                x0 + length + 6,
                middle,
                MUTED_COLOUR if hidden else TEXT_COLOUR,
                mark_safe(' font-style="italic"') if hidden else "",
                bar.text,
            )
        )
    return format_html(
        '<svg class="bar-chart" role="img" aria-labelledby="{} {}" '
        'viewBox="0 0 {} {}" width="100%" preserveAspectRatio="xMinYMin meet" '
        'xmlns="http://www.w3.org/2000/svg" font-size="14" '
        'font-family="system-ui, sans-serif">'
        '<title id="{}">{}</title><desc id="{}">{}</desc>{}</svg>',
        title_id,
        desc_id,
        WIDTH,
        height,
        title_id,
        title,
        desc_id,
        description,
        format_html_join("", "{}", ((row,) for row in rows)),
    )


__all__ = ["Bar", "bar_chart", "describe"]
