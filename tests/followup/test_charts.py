"""The server-drawn SVG bar charts (core/charts.py): accessible, escaped,
and never more than the masked figures they are given."""

import re

from core.charts import TEXT_COLOUR, bar_chart
from knowledge.followup.suppression import mask_series


def contrast(hex_colour):
    """WCAG contrast of ``hex_colour`` against white."""

    def channel(value):
        value = value / 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (luminance + 0.05)


def test_an_accessible_image_with_a_summary():
    svg = str(bar_chart("Kön", ["Kvinnor", "Män"], [40, 60], chart_id="c"))
    assert 'role="img"' in svg
    assert 'aria-labelledby="c-title c-desc"' in svg
    assert '<title id="c-title">Kön</title>' in svg
    desc = re.search(r'<desc id="c-desc">(.*?)</desc>', svg).group(1)
    assert "Män 60" in desc and "Kvinnor 40" in desc
    assert svg.count("<rect") == 2
    assert "<script" not in svg


def test_hidden_values_get_their_text_and_no_bar():
    figures, _total = mask_series([3, 40, 60])
    svg = str(bar_chart("Boende", ["A", "B", "C"], figures, chart_id="b"))
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert "&lt;6" in texts and ".." in texts
    assert not any(re.fullmatch(r"[1-5]", text) for text in texts)
    assert svg.count("<rect") == 1
    assert "2 värden visas inte" in svg


def test_markup_in_labels_is_escaped():
    svg = str(bar_chart('<script>alert("x")</script>', ["<b>A</b>"], [10]))
    assert "<script>" not in svg and "<b>" not in svg
    assert "&lt;b&gt;A&lt;/b&gt;" in svg


def test_colours_keep_aa_contrast():
    from core.charts import BAR_COLOUR, MUTED_COLOUR

    assert contrast(TEXT_COLOUR) >= 4.5
    assert contrast(MUTED_COLOUR) >= 4.5
    assert contrast(BAR_COLOUR) >= 3
