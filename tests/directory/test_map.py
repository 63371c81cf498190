"""The activity map: offered only when the site owner sets a tile server; its
points follow the list's filters; the tile host is allowed on that page only.
"""

import re
from decimal import Decimal

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import override_settings

from core.geography.models import Municipality
from directory.models import Activity
from tests.directory.public import LIST_URL, detail_url, municipality
from tests.factories import ActivityTranslationFactory

from .conftest import ActivityFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("skane_subregions")]

TILES = "https://tiles.example.org/{z}/{x}/{y}.png"
POINTS_URL = f"{LIST_URL}karta/punkter/"
TITLE_AR = "مقهى اللغة"
with_tiles = override_settings(
    TIA=settings.TIA
    | {"MAP_TILE_URL": TILES, "MAP_ATTRIBUTION": "Kartdata © Exempel & Co"}
)
without_tiles = override_settings(
    TIA=settings.TIA | {"MAP_TILE_URL": "", "MAP_ATTRIBUTION": ""}
)


def policy(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    return {
        name: values
        for name, *values in (
            part.split() for part in response["Content-Security-Policy"].split(";")
        )
    }


def hosts(response):
    """Every source in the policy that names another origin."""
    return {
        source
        for sources in policy(response).values()
        for source in sources
        if "." in source
    }


@without_tiles
def test_without_a_tile_server_the_page_has_no_map(client, directory_page):
    ActivityFactory(title="Språkcafé")
    response = client.get(LIST_URL)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Språkcafé" in text
    assert "data-activity-map" not in text
    assert "leaflet" not in text.lower()
    assert "karta" not in text.lower()
    assert not hosts(response)
    assert client.get(POINTS_URL).status_code == 404


@with_tiles
def test_with_a_tile_server_the_list_offers_the_map(client, directory_page):
    ActivityFactory(title="Språkcafé")
    response = client.get(LIST_URL + "?kommun=malmoe")
    text = response.content.decode()
    (section,) = re.findall(r"<section[^>]*data-activity-map[^>]*>", text)
    assert f'data-points-url="{POINTS_URL}?kommun=malmoe"' in section
    assert 'data-tile-url="https://tiles.example.org/{z}/{x}/{y}.png"' in section
    assert 'data-attribution="Kartdata © Exempel &amp; Co"' in section
    # Hidden until the script has drawn it; the list says it is the same.
    assert " hidden" in section
    assert "Kartan visar samma aktiviteter som listan ovan" in text
    for asset in (
        "directory/vendor/leaflet/leaflet.js",
        "directory/vendor/leaflet/leaflet.css",
        "directory/vendor/leaflet.markercluster/leaflet.markercluster.js",
        "directory/js/activity-map.js",
    ):
        assert f"/static/{asset}" in text
    # The list comes first: the map follows the results.
    assert text.index('id="directory-results-heading"') < text.index(
        "data-activity-map"
    )


@with_tiles
def test_no_map_when_nothing_is_listed(client, directory_page):
    text = client.get(LIST_URL).content.decode()
    assert "data-activity-map" not in text


@with_tiles
def test_the_policy_allows_the_tile_host_and_nothing_else_new(client, directory_page):
    ActivityFactory()
    with without_tiles:
        strict = policy(client.get(LIST_URL))
    mapped = policy(client.get(LIST_URL))
    assert mapped["img-src"] == [*strict["img-src"], "https://tiles.example.org"]
    assert {k: v for k, v in mapped.items() if k != "img-src"} == {
        k: v for k, v in strict.items() if k != "img-src"
    }
    # Other pages keep the strict policy.
    activity = Activity.objects.get()
    assert policy(client.get(detail_url(activity))) == strict
    assert "tiles.example.org" not in client.get("/")["Content-Security-Policy"]


@with_tiles
def test_points_are_the_filtered_activities_that_have_a_place(client, directory_page):
    malmo = Municipality.objects.get(slug="malmoe")
    own = ActivityFactory(
        title="Med egen plats",
        latitude=Decimal("55.590000"),
        longitude=Decimal("13.010000"),
    )
    centre = ActivityFactory(title="Utan koordinater")
    ActivityFactory(title="Digital", mode=Activity.Mode.ONLINE)
    hybrid = ActivityFactory(title="Hybrid", mode=Activity.Mode.HYBRID)
    ActivityFactory(title="I Lund", municipality=municipality("lund"))
    ActivityFactory(title="Utkast", status=Activity.Status.DRAFT)

    data = client.get(POINTS_URL, {"kommun": "malmoe"}).json()
    points = {point["title"]: point for point in data["points"]}
    assert set(points) == {"Med egen plats", "Utan koordinater", "Hybrid"}
    assert data["count"] == 3
    assert points["Med egen plats"] == {
        "title": "Med egen plats",
        "lang": "sv",
        "url": detail_url(own),
        "municipality": "Malmö",
        "latitude": 55.59,
        "longitude": 13.01,
        "approximate": False,
    }
    # No point of its own: the municipality's central town, said to be so.
    for activity in (centre, hybrid):
        point = points[activity.title]
        assert (point["latitude"], point["longitude"]) == (
            float(malmo.latitude),
            float(malmo.longitude),
        )
        assert point["approximate"] is True
        assert point["url"] == detail_url(activity)

    everything = client.get(POINTS_URL).json()
    assert {p["title"] for p in everything["points"]} == set(points) | {"I Lund"}


@with_tiles
def test_a_municipality_without_a_centre_leaves_its_unplaced_activities_off(
    client, directory_page
):
    Municipality.objects.filter(slug="malmoe").update(latitude=None, longitude=None)
    ActivityFactory(title="Utan koordinater")
    ActivityFactory(
        title="Med egen plats",
        latitude=Decimal("55.590000"),
        longitude=Decimal("13.010000"),
    )
    titles = {p["title"] for p in client.get(POINTS_URL).json()["points"]}
    assert titles == {"Med egen plats"}


@with_tiles
def test_points_are_in_the_readers_language(client, directory_page):
    activity = ActivityFactory(title="Språkcafé")
    ActivityTranslationFactory(activity=activity, language="ar", title=TITLE_AR)
    (point,) = client.get("/ar" + POINTS_URL).json()["points"]
    assert (point["title"], point["lang"]) == (TITLE_AR, "ar")
    assert point["url"] == "/ar" + detail_url(activity)


@pytest.mark.parametrize(
    "path",
    [
        "directory/vendor/leaflet/leaflet.js",
        "directory/vendor/leaflet/leaflet.js.map",
        "directory/vendor/leaflet/leaflet.css",
        "directory/vendor/leaflet/images/marker-icon.png",
        "directory/vendor/leaflet/images/marker-icon-2x.png",
        "directory/vendor/leaflet/images/marker-shadow.png",
        "directory/vendor/leaflet/images/layers.png",
        "directory/vendor/leaflet/LICENSE.txt",
        "directory/vendor/leaflet.markercluster/leaflet.markercluster.js",
        "directory/vendor/leaflet.markercluster/leaflet.markercluster.js.map",
        "directory/vendor/leaflet.markercluster/MarkerCluster.css",
        "directory/vendor/leaflet.markercluster/MarkerCluster.Default.css",
        "directory/vendor/leaflet.markercluster/LICENSE.txt",
        "directory/js/activity-map.js",
        "directory/css/activity-map.css",
    ],
)
def test_the_map_files_are_in_the_static_files_after_install(path):
    assert finders.find(path), f"{path}: run `make install` (scripts/copy-assets)"
