"""The activity map in a real Chromium, with a tile server set: the list's
activities as clustered markers, a popup linking to the activity, and no
request the content security policy refuses."""

import re

from django.conf import settings
from django.test import override_settings
from playwright.sync_api import Page, expect

from directory.models import Activity


def test_the_map_shows_the_lists_activities_clustered(page: Page, demo_site):
    # Tiles from the live server itself: any image will do for the test.
    tiles = (
        demo_site.url + "/static/directory/vendor/leaflet/images/layers.png?{z}/{x}/{y}"
    )
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    with override_settings(
        TIA=settings.TIA | {"MAP_TILE_URL": tiles, "MAP_ATTRIBUTION": "Testkarta"}
    ):
        page.goto(demo_site.url + "/")
        page.get_by_role("navigation", name="Huvudmeny").get_by_role(
            "link", name="Hitta aktiviteter"
        ).click()
        section = page.locator("section.directory-map")
        expect(section.get_by_role("heading", name="Karta")).to_be_visible()
        expect(section.locator(".marker-cluster").first).to_be_visible()
        expect(section.locator(".leaflet-tile-loaded").first).to_be_attached()
        expect(section).to_contain_text("Testkarta")

        # Filtered to one municipality the map follows the list.
        page.get_by_label("Kommun").select_option(label="Ystad")
        page.get_by_role("button", name="Visa aktiviteter").click()
        expect(page).to_have_url(re.compile(r"kommun=ystad"))
        ystad = Activity.objects.current().filter(municipality__name="Ystad")
        placed = ystad.on_map().count()
        assert placed, "the demo data have activities with a place in Ystad"
        markers = section.locator(".leaflet-marker-icon")
        expect(markers.first).to_be_visible()
        clusters = section.locator(".marker-cluster")
        shown = sum(
            int(re.match(r"\d+", text).group()) for text in clusters.all_inner_texts()
        ) + (markers.count() - clusters.count())
        assert shown == placed

        # A single marker's popup links to its activity; a cluster opens on a
        # click (zooming in, or spreading out markers at one place).
        plain = section.locator(".leaflet-marker-icon:not(.marker-cluster)")
        for _ in range(6):
            if plain.count():
                break
            clusters.first.click(force=True)
            page.wait_for_timeout(800)
        plain.first.click(force=True)
        link = section.locator(".leaflet-popup a")
        expect(link).to_be_visible()
        link.click()
        expect(page).to_have_url(re.compile(r"/aktiviteter/aktivitet/"))
    assert not violations, violations
