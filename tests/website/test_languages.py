"""The interface languages: every one under its prefix with its name and
direction, the first visit's language from the browser, the switcher's choice
kept in the cookie, and dates and numbers written as each language writes them."""

import datetime

import pytest
from django.conf import settings
from django.utils import formats, translation
from django.utils.translation import get_language_info

from tests.website.test_pages import html_tag

pytestmark = pytest.mark.django_db

OWN_NAMES = {
    "sv": "Svenska",
    "en": "English",
    "ar": "العربية",
    "fa": "فارسی",
    "prs": "دری",
    "so": "Soomaali",
    "ti": "ትግርኛ",
    "uk": "Українська",
}
RIGHT_TO_LEFT = {"ar", "fa", "prs"}


def test_the_site_offers_the_languages_its_readers_read():
    assert [code for code, _name in settings.LANGUAGES] == list(OWN_NAMES)


@pytest.mark.parametrize("code", [c for c in OWN_NAMES if c != "sv"])
def test_every_language_has_its_prefix_name_and_direction(client, code):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    tag = html_tag(response)
    assert f'lang="{code}"' in tag
    assert f'dir="{"rtl" if code in RIGHT_TO_LEFT else "ltr"}"' in tag


def test_the_switcher_names_every_language_by_its_own_name(client):
    text = client.get("/").content.decode()
    switcher = text[text.index('class="language-switcher"') :]
    for code, name in OWN_NAMES.items():
        assert f'lang="{code}"' in switcher
        assert name in switcher
        assert get_language_info(code)["name_local"] == name


def test_choosing_a_language_keeps_it_and_shows_the_same_page_in_it(client):
    response = client.get("/sprak/ti/", {"next": "/aktiviteter/"})
    assert response.status_code == 302
    assert response["Location"] == "/ti/aktiviteter/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ti"
    # Later visits to an unprefixed address go to the chosen language...
    response = client.get("/aktiviteter/?kommun=malmo")
    assert response.status_code == 302
    assert response["Location"] == "/ti/aktiviteter/?kommun=malmo"
    # ...until Swedish is chosen, which then sticks whatever the browser asks.
    response = client.get("/sprak/sv/", {"next": "/ti/aktiviteter/"})
    assert response["Location"] == "/aktiviteter/"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 200
    assert 'lang="sv"' in html_tag(response)


def test_the_switcher_goes_nowhere_but_this_site(client):
    response = client.get("/sprak/ar/", {"next": "https://evil.example/"})
    assert response["Location"] == "/ar/"
    assert client.get("/sprak/xx/").status_code == 404


def test_the_first_visit_follows_the_browsers_language(client):
    response = client.get(
        "/aktiviteter/", HTTP_ACCEPT_LANGUAGE="fa-IR,fa;q=0.9,en;q=0.5"
    )
    assert response.status_code == 302
    assert response["Location"] == "/fa/aktiviteter/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fa"
    vary = {v.strip().lower() for v in response["Vary"].split(",")}
    assert {"accept-language", "cookie"} <= vary


def test_a_browser_asking_for_swedish_or_an_unoffered_language_stays_unprefixed(
    client,
):
    for header in ("sv-SE,sv;q=0.9", "de-DE,de;q=0.9", ""):
        response = client.get("/", HTTP_ACCEPT_LANGUAGE=header)
        assert response.status_code == 200, header
        assert 'lang="sv"' in html_tag(response)
        vary = {v.strip().lower() for v in response["Vary"].split(",")}
        assert {"accept-language", "cookie"} <= vary
        assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_prefixed_addresses_machines_and_forms_are_never_redirected(client):
    assert client.get("/ar/", HTTP_ACCEPT_LANGUAGE="uk").status_code == 200
    feed = client.get("/ical/aktiviteter.ics", HTTP_ACCEPT_LANGUAGE="ar")
    assert feed.status_code != 302
    assert client.get("/robots.txt", HTTP_ACCEPT_LANGUAGE="ar").status_code == 200
    # A form posted to a Swedish address is answered there, not redirected.
    response = client.post(
        "/accounts/login/", {"login": "x@example.org"}, HTTP_ACCEPT_LANGUAGE="ar"
    )
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("sv", "3 mars 2027"),
        ("en", "March 3, 2027"),
        ("uk", "03 березня 2027"),
        # Django ships no month names for these: locale/libraries/ has them.
        ("prs", "3 مارچ 2027"),
        ("so", "3 Maarso 2027"),
        ("ti", "3 መጋቢት 2027"),
    ],
)
def test_dates_are_written_as_each_language_writes_them(code, expected):
    with translation.override(code):
        written = formats.date_format(datetime.date(2027, 3, 3), "DATE_FORMAT")
    assert written.startswith(expected)
    assert "2027" in written


def test_numbers_follow_each_languages_separators():
    with translation.override("prs"):
        assert formats.number_format(1234.5, 1, force_grouping=True) == "1٬234٫5"
    with translation.override("sv"):
        assert formats.number_format(1234.5, 1, force_grouping=True) == "1\xa0234,5"
