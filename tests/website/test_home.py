"""The home page starts the search: the directory's municipality and language
filters and a button, then the next public events, new activities, guidance
and the coordinators."""

import datetime
import re
from html.parser import HTMLParser
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from core.geography.models import County, Municipality, SubRegion
from core.geography.reference import load_subregions
from directory.factories import ActivityFactory
from directory.models import Activity, DirectoryPage, Language
from events.factories import EventFactory
from forum.factories import CoordinatorFactory
from forum.models import Visibility
from website.home.models import GuidancePage

pytestmark = pytest.mark.django_db


class FormReader(HTMLParser):
    """The home page's search form: its action and the names of its fields."""

    def __init__(self):
        super().__init__()
        self.action = None
        self.fields = []
        self.labels = []
        self.ids = []
        self._in_form = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and "home-search" in attrs.get("class", ""):
            self._in_form = True
            self.action = attrs["action"]
            assert attrs.get("method") == "get"
        elif self._in_form and tag == "select":
            self.fields.append(attrs["name"])
            self.ids.append(attrs["id"])
        elif self._in_form and tag == "label":
            self.labels.append(attrs["for"])

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False


def read_form(response):
    reader = FormReader()
    reader.feed(response.content.decode())
    return reader


@pytest.fixture
def home():
    return Page.objects.get(depth=2, locale__language_code="sv").specific


@pytest.fixture
def directory(home):
    page = home.add_child(
        instance=DirectoryPage(title="Aktiviteter", slug="aktiviteter")
    )
    page.save_revision().publish()
    return page


def published(**fields):
    fields.setdefault("status", Activity.Status.PUBLISHED)
    fields.setdefault("published_at", timezone.now())
    fields.setdefault("municipality", Municipality.objects.get(slug="malmoe"))
    return ActivityFactory(**fields)


def test_the_form_lands_on_the_directory_filtered_by_municipality_and_language(
    client, directory
):
    arabic = Language.objects.get(code="ar")
    ystad = Municipality.objects.get(slug="ystad")
    wanted = published(title="Svenska i Ystad", municipality=ystad)
    wanted.support_languages.set([arabic])
    published(title="Svenska i Malmö")  # another municipality
    published(title="Samtal i Ystad", municipality=ystad)  # no Arabic

    form = read_form(client.get("/"))
    assert sorted(form.fields) == ["kommun", "sprak"]
    assert sorted(form.labels) == sorted(form.ids)  # every field has its label

    # Submitted as a browser without JavaScript would: the action and the
    # fields' names, with the options' values.
    values = {"kommun": ystad.slug, "sprak": arabic.code}
    response = client.get(form.action + "?" + urlencode(values))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Svenska i Ystad" in text
    assert "Svenska i Malmö" not in text
    assert "Samtal i Ystad" not in text


def test_the_form_goes_to_the_directory_in_the_readers_language(client, directory):
    form = read_form(client.get("/en/"))
    assert form.action == DirectoryPage.objects.get(locale__language_code="en").url
    assert form.action.startswith("/en/")


def test_new_activities_and_the_next_public_events_are_shown(client, directory):
    published(title="Språkcafé i Lund")
    published(title="Ett utkast", status=Activity.Status.DRAFT)
    soon = timezone.now() + datetime.timedelta(days=3)
    public, samrad = Visibility.PUBLIC, Visibility.SAMRAD
    EventFactory(title="Öppet informationsmöte", visibility=public, start=soon)
    EventFactory(title="Internt samordnarmöte", visibility=samrad, start=soon)
    EventFactory(
        title="Inställt möte", visibility=Visibility.PUBLIC, start=soon, cancelled=True
    )
    EventFactory(
        title="Ett gammalt möte",
        visibility=Visibility.PUBLIC,
        start=timezone.now() - datetime.timedelta(days=3),
    )
    text = client.get("/").content.decode()
    assert "Nya aktiviteter" in text
    assert "Språkcafé i Lund" in text
    assert "Ett utkast" not in text
    assert "Kommande evenemang" in text
    assert "Öppet informationsmöte" in text
    assert "Internt samordnarmöte" not in text  # members only, never here
    assert "Inställt möte" not in text
    assert "Ett gammalt möte" not in text


def test_guidance_and_coordinators_with_their_contact_routes(client, home):
    load_subregions(County, SubRegion, Municipality)
    page = home.add_child(instance=GuidancePage(title="Varför samverkan?", slug="v"))
    page.save_revision().publish()
    CoordinatorFactory(name="Sara Lind", email="sara@example.org", phone="040-12 34")
    text = client.get("/").content.decode()
    assert "Varför samverkan?" in text
    assert "Sara Lind" in text
    assert 'href="mailto:sara@example.org"' in text
    assert 'href="tel:0401234"' in text
    assert 'href="/samordnare/"' in text


def test_headings_come_in_order(client, directory):
    published()
    EventFactory(visibility=Visibility.PUBLIC)
    text = client.get("/").content.decode()
    main = text[text.index('<main id="main"') :]
    levels = [int(level) for level in re.findall(r"<h([1-6])", main)]
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))


def test_the_lists_do_not_grow_queries_with_their_rows(client, directory):
    load_subregions(County, SubRegion, Municipality)
    client.get("/")  # caches warmed (locales, site)

    def queries_with(rows):
        soon = timezone.now() + datetime.timedelta(days=2)
        for _number in range(rows):
            activity = published()
            activity.support_languages.set(Language.objects.filter(code="ar"))
            EventFactory(visibility=Visibility.PUBLIC, start=soon, rrule="FREQ=WEEKLY")
            CoordinatorFactory()
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/")
        assert response.status_code == 200
        return len(queries)

    few = queries_with(2)
    assert queries_with(6) == few
