"""What search engines read: the sitemap on the configured host with every
public activity in every language, canonical links, descriptions, JSON-LD on
each kind of public page, and the favicon."""

import datetime
import json
import re

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone
from wagtail.models import Site

from core.geography.models import County, Municipality, SubRegion
from core.geography.reference import load_subregions
from core.recurrence import local_timezone
from directory.models import Activity
from events.factories import EventFactory
from forum.factories import CoordinatorFactory
from forum.models import Visibility
from tests.directory.conftest import ActivityFactory, WeeklyActivityFactory
from tests.website.test_page_translations import pages  # noqa: F401 - fixture
from website.home.models import ContactSettings

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pages")]

HOST = "https://tia.example.se"
PREFIXES = [
    "/" if code == settings.LANGUAGE_CODE else f"/{code}/"
    for code, _name in settings.LANGUAGES
]


def on_host(host=HOST):
    return override_settings(TIA={**getattr(settings, "TIA", {}), "SITE_URL": host})


def today():
    return timezone.localdate()


def sitemap_entries(client):
    """{location: [(hreflang, href)]} of the sitemap."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    entries = {}
    for block in response.content.decode().split("<url>")[1:]:
        location = re.search(r"<loc>([^<]+)</loc>", block).group(1)
        entries[location] = re.findall(
            r'hreflang="([^"]+)" href="([^"]+)"', block.split("</url>")[0]
        )
    return entries


def activity_urls(activity, host=HOST):
    return {
        f"{host}{prefix}aktiviteter/aktivitet/{activity.slug}/" for prefix in PREFIXES
    }


def parsed(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def jsonld(response):
    scripts = parsed(response).select('script[type="application/ld+json"]')
    assert len(scripts) == 1, "one JSON-LD script on the page"
    return json.loads(scripts[0].string)


# The sitemap


def test_the_sitemap_lists_every_public_activity_in_every_language(client):
    shown = [ActivityFactory(), WeeklyActivityFactory()]
    draft = ActivityFactory(status=Activity.Status.DRAFT)
    unlisted = ActivityFactory(last_confirmed=today() - datetime.timedelta(days=200))
    ended = ActivityFactory(
        start_date=today() - datetime.timedelta(days=30),
        end_date=today() - datetime.timedelta(days=1),
    )
    with on_host():
        entries = sitemap_entries(client)

    assert all(location.startswith(HOST + "/") for location in entries)
    for activity in shown:
        urls = activity_urls(activity)
        assert urls <= entries.keys()
        swedish = f"{HOST}/aktiviteter/aktivitet/{activity.slug}/"
        arabic = f"{HOST}/ar/aktiviteter/aktivitet/{activity.slug}/"
        alternates = entries[arabic]
        assert ("ar", arabic) in alternates
        assert ("sv", swedish) in alternates
        assert ("x-default", swedish) in alternates
        assert {href for _code, href in alternates} == urls
    for hidden in (draft, unlisted, ended):
        assert not activity_urls(hidden) & entries.keys()
    # The calendar and the coordinators, in every language.
    assert f"{HOST}/kalender/" in entries
    assert f"{HOST}/en/samordnare/" in entries
    assert ("x-default", f"{HOST}/kalender/") in entries[f"{HOST}/uk/kalender/"]


def test_the_sitemap_follows_the_configured_host(client):
    activity = ActivityFactory()
    with on_host("https://annan.example.org"):
        entries = sitemap_entries(client)
        robots = client.get("/robots.txt").content.decode()
    assert activity_urls(activity, "https://annan.example.org") <= entries.keys()
    assert "https://annan.example.org/om-tia/" in entries
    assert all(loc.startswith("https://annan.example.org/") for loc in entries)
    assert "Sitemap: https://annan.example.org/sitemap.xml" in robots


def test_the_sitemaps_queries_do_not_grow_with_the_activities(client):
    ActivityFactory.create_batch(2)
    with CaptureQueriesContext(connection) as few:
        client.get("/sitemap.xml")
    ActivityFactory.create_batch(20)
    with CaptureQueriesContext(connection) as many:
        entries = sitemap_entries(client)
    assert sum("/aktivitet/" in location for location in entries) == 22 * len(PREFIXES)
    assert len(many) <= len(few)


# JSON-LD


def test_an_activitys_end_date_is_its_next_sessions_end(client):
    # Weekly since two weeks ago: the next session is today, 17–19.
    start = today() - datetime.timedelta(days=14)
    activity = WeeklyActivityFactory(start_date=start, end_date=start + days(70))
    data = jsonld(client.get(f"/aktiviteter/aktivitet/{activity.slug}/"))
    zone = local_timezone()
    assert data["startDate"] == (
        datetime.datetime.combine(today(), datetime.time(17), tzinfo=zone).isoformat()
    )
    assert data["endDate"] == (
        datetime.datetime.combine(today(), datetime.time(19), tzinfo=zone).isoformat()
    )
    # The series' end is the schedule's.
    assert data["eventSchedule"]["endDate"] == (start + days(70)).isoformat()


def days(n):
    return datetime.timedelta(days=n)


def test_the_home_page_names_the_site_its_search_and_the_county(client):
    contact = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    contact.organisation = "Länsstyrelsen </script> Skåne"
    contact.email = "tia@lansstyrelsen.example"
    contact.save()
    with on_host():
        response = client.get("/")
    assert "Länsstyrelsen </script>" not in response.content.decode()
    graph = {item["@type"]: item for item in jsonld(response)["@graph"]}
    search = graph["WebSite"]["potentialAction"]
    assert search["@type"] == "SearchAction"
    assert search["target"]["urlTemplate"] == f"{HOST}/sok/?q={{search_term_string}}"
    county = graph["GovernmentOrganization"]
    assert county["name"] == "Länsstyrelsen </script> Skåne"
    assert county["contactPoint"]["email"] == "tia@lansstyrelsen.example"


def test_a_guidance_page_is_an_article(client):
    data = jsonld(client.get("/om-tia/"))
    assert data["@type"] == "Article"
    assert data["headline"] == "Om TIA"
    assert data["description"] == "Vem som ordnar aktiviteterna."
    assert datetime.datetime.fromisoformat(data["dateModified"])
    assert jsonld(client.get("/ar/om-tia/"))["inLanguage"] == "ar"


def test_the_directory_lists_the_activities_on_its_page(client):
    activities = ActivityFactory.create_batch(3)
    with on_host():
        data = jsonld(client.get("/aktiviteter/?utm_source=x"))
    assert data["@type"] == "CollectionPage"
    assert data["url"] == f"{HOST}/aktiviteter/"
    items = data["mainEntity"]["itemListElement"]
    assert data["mainEntity"]["numberOfItems"] == 3
    assert [item["position"] for item in items] == [1, 2, 3]
    assert {item["url"] for item in items} == {
        f"{HOST}/aktiviteter/aktivitet/{activity.slug}/" for activity in activities
    }


def test_a_public_event_is_an_event_and_a_private_one_has_none(client):
    event = EventFactory(
        visibility=Visibility.PUBLIC, title="Informationsträff", venue="Stadshuset"
    )
    data = jsonld(client.get(f"/kalender/{event.pk}/"))
    assert data["@type"] == "Event"
    assert data["name"] == "Informationsträff"
    assert data["location"] == {"@type": "Place", "name": "Stadshuset"}
    assert datetime.datetime.fromisoformat(data["startDate"]) == event.start
    assert datetime.datetime.fromisoformat(data["endDate"]) == event.end


def test_the_coordinators_are_people_to_contact(client):
    load_subregions(County, SubRegion, Municipality)
    CoordinatorFactory(name="Sara Samordnare", phone="040-123")
    data = jsonld(client.get("/samordnare/"))
    assert data["@type"] == "ItemList"
    person = data["itemListElement"][0]["item"]
    assert person["@type"] == "Person"
    assert person["name"] == "Sara Samordnare"
    assert person["contactPoint"]["telephone"] == "040-123"


# Canonical links, descriptions, favicon


def test_every_kind_of_public_page_has_a_canonical_link_and_a_description(client):
    activity = ActivityFactory(summary="Vi pratar svenska & fikar.")
    event = EventFactory(visibility=Visibility.PUBLIC, description="<p>Välkommen!</p>")
    expected = {
        "/": f"{HOST}/",
        "/ar/": f"{HOST}/ar/",
        "/om-tia/": f"{HOST}/om-tia/",
        "/aktiviteter/?kommun=malmoe&utm_source=nyhetsbrev": f"{HOST}/aktiviteter/",
        # One page of activities: the second is the first.
        "/aktiviteter/?sida=2": f"{HOST}/aktiviteter/",
        f"/aktiviteter/aktivitet/{activity.slug}/": (
            f"{HOST}/aktiviteter/aktivitet/{activity.slug}/"
        ),
        "/en/kalender/?manad=x": f"{HOST}/en/kalender/",
        f"/kalender/{event.pk}/": f"{HOST}/kalender/{event.pk}/",
        "/samordnare/": f"{HOST}/samordnare/",
        "/sok/?q=svenska": f"{HOST}/sok/",
        "/aktiviteter/reseersattning/": f"{HOST}/aktiviteter/reseersattning/",
    }
    descriptions = {}
    with on_host():
        for url, canonical in expected.items():
            head = parsed(client.get(url)).head
            links = head.select('link[rel="canonical"]')
            assert [link["href"] for link in links] == [canonical], url
            description = head.select_one('meta[name="description"]')["content"]
            assert description.strip(), url
            descriptions[url] = description
            x_default = head.select_one('link[hreflang="x-default"]')["href"]
            assert x_default.startswith(HOST + "/"), url
    assert descriptions["/"] == "Hitta aktiviteter nära dig."
    assert descriptions["/om-tia/"] == "Vem som ordnar aktiviteterna."
    assert descriptions[f"/aktiviteter/aktivitet/{activity.slug}/"] == (
        "Vi pratar svenska & fikar."
    )
    assert descriptions[f"/kalender/{event.pk}/"] == "Välkommen!"


def test_the_favicon_answers(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("/favicon.svg")
    icon = parsed(client.get("/")).head.select_one('link[rel="icon"]')
    assert icon["href"] == response["Location"]
    assert icon["type"] == "image/svg+xml"
