"""Arabic pages read right to left, and Arabic and Tigrinya text is drawn with
the fonts the site serves itself (Chromium reports the font each glyph was
drawn with). Screenshots of the directory in Arabic and Tigrinya, wide and
narrow, are kept in test-results/screenshots/ for people to look at."""

from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

SCREENSHOTS = Path(settings.BASE_DIR) / "test-results" / "screenshots"
FONTS = {"ar": "Noto Sans Arabic", "ti": "Noto Sans Ethiopic"}


def open_directory(page: Page, base_url, code):
    page.goto(base_url + "/")
    # The language cookie brings back a reader who chose it before.
    if page.locator("html").get_attribute("lang") != code:
        page.locator(f'.language-switcher a[hreflang="{code}"]').click()
    expect(page.locator("html")).to_have_attribute("lang", code)
    page.locator('.site-nav a[href$="/aktiviteter/"]').first.click()
    expect(page.locator(".activity-card").first).to_be_visible()
    page.evaluate("document.fonts.ready.then(() => true)")


def fonts_drawing(page: Page, selector):
    """The fonts Chromium drew the element's text with: name → custom font?"""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})
    return {font["familyName"]: font["isCustomFont"] for font in fonts["fonts"]}


@pytest.mark.parametrize("code", ["ar", "ti"])
def test_directory_is_drawn_with_the_served_fonts_and_kept_as_screenshots(
    page: Page, demo_site, code
):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width, height in ((1280, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        open_directory(page, demo_site.url, code)
        page.screenshot(
            path=str(SCREENSHOTS / f"directory-{code}-{width}.png"), full_page=True
        )
        assert page.evaluate(
            "document.documentElement.scrollWidth <= window.innerWidth"
        ), f"the {code} directory scrolls sideways at {width} px"

    # A heading shown at both widths (on a phone the filters are folded).
    heading = "#directory-results-heading"
    family = page.locator(heading).evaluate("el => getComputedStyle(el).fontFamily")
    assert family.startswith('"TIA Noto Sans Arabic", "TIA Noto Sans Ethiopic"')
    drawn = fonts_drawing(page, heading)
    assert drawn.get(FONTS[code]) is True, drawn
    # The other script's font is not what this text needed.
    other = FONTS["ti" if code == "ar" else "ar"]
    assert other not in drawn


@pytest.mark.parametrize("code", ["ar", "fa", "prs"])
def test_arabic_script_pages_read_right_to_left(page: Page, demo_site, code):
    page.set_viewport_size({"width": 1280, "height": 900})
    open_directory(page, demo_site.url, code)
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("main").evaluate("el => getComputedStyle(el).direction") == (
        "rtl"
    )
    # Mirrored: the site's name starts at the right edge, the search at the left.
    brand = page.locator(".site-header__brand").bounding_box()
    assert brand["x"] + brand["width"] > 1280 / 2
    first_field = page.locator(".directory-filters .field").first.bounding_box()
    assert first_field["x"] + first_field["width"] > 1280 / 2
