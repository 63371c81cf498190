"""Pages in the readers' languages: every language has the page tree (aliases of
the Swedish pages until translated, wagtail-localize), a translated page is
served in its language, an untranslated one in Swedish, marked and noted."""

import re
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth.models import Group
from django.utils import translation
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from directory.models import DirectoryPage
from tests.website.test_pages import html_tag
from website.home.locales import synchronise_trees, translate_page
from website.home.models import GuidancePage, HomePage

pytestmark = pytest.mark.django_db

OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "sv"]
ARABIC = {
    "Tidiga insatser för asylsökande": "التدخلات المبكرة لطالبي اللجوء",
    "Hitta aktiviteter nära dig.": "ابحث عن أنشطة قريبة منك.",
    "Om TIA": "عن التدخلات المبكرة",
    "Vem som ordnar aktiviteterna.": "من ينظم الأنشطة.",
}
NOTE = "Den här texten finns bara på svenska."


@pytest.fixture
def pages(db):
    """A Swedish home page, a guidance page in the menu and the directory,
    with their aliases in every language; home and guidance page in Arabic."""
    home = HomePage.objects.get(locale__language_code="sv")
    home.intro = "Hitta aktiviteter nära dig."
    home.save_revision().publish()
    guidance = home.add_child(
        instance=GuidancePage(
            title="Om TIA",
            slug="om-tia",
            intro="Vem som ordnar aktiviteterna.",
            show_in_menus=True,
        )
    )
    guidance.save_revision().publish()
    directory = home.add_child(
        instance=DirectoryPage(
            title="Aktiviteter", slug="aktiviteter", show_in_menus=True
        )
    )
    directory.save_revision().publish()
    synchronise_trees()
    arabic = Locale.objects.get(language_code="ar")
    translate_page(home, arabic, ARABIC)
    translate_page(guidance, arabic, ARABIC)
    return {"home": home, "guidance": guidance, "directory": directory}


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def note(code):
    with translation.override(code):
        return translation.gettext(NOTE)


def test_every_language_has_the_page_tree(pages):
    for page in pages.values():
        versions = Page.objects.filter(translation_key=page.translation_key)
        assert sorted(versions.values_list("locale__language_code", flat=True)) == (
            sorted(code for code, _name in settings.LANGUAGES)
        )
        aliases = versions.exclude(alias_of=None)
        assert set(aliases.values_list("alias_of", flat=True)) == {page.pk}


def test_a_translated_page_is_served_in_its_language(client, pages):
    response = client.get("/ar/om-tia/")
    page = soup(response)
    heading = page.find("h1")
    assert heading.get_text() == "عن التدخلات المبكرة"
    assert heading.get("lang") is None  # the page's own language: ar
    assert 'lang="ar"' in html_tag(response) and 'dir="rtl"' in html_tag(response)
    assert page.select_one(".lead").get_text() == "من ينظم الأنشطة."
    assert page.select_one(".content-language-note") is None
    breadcrumbs = [a.get_text() for a in page.select(".breadcrumbs a")]
    assert breadcrumbs == ["التدخلات المبكرة لطالبي اللجوء"]

    home = soup(client.get("/ar/"))
    assert home.find("h1").get_text() == "التدخلات المبكرة لطالبي اللجوء"
    assert home.select_one(".lead").get_text() == "ابحث عن أنشطة قريبة منك."
    card = home.select_one(".card")
    assert card.get("lang") is None
    assert card.find("a")["href"] == "/ar/om-tia/"


@pytest.mark.parametrize("code", ["so", "fa"])
def test_a_page_not_translated_yet_shows_swedish_marked_and_noted(client, pages, code):
    response = client.get(f"/{code}/om-tia/")
    page = soup(response)
    assert f'lang="{code}"' in html_tag(response)  # the interface
    heading = page.find("h1")
    assert heading.get_text() == "Om TIA"
    assert (heading["lang"], heading["dir"]) == ("sv", "ltr")
    lead = page.select_one(".lead")
    assert (lead.get_text(), lead["lang"], lead["dir"]) == (
        "Vem som ordnar aktiviteterna.",
        "sv",
        "ltr",
    )
    assert page.select_one(".content-language-note").get_text() == note(code)


def test_the_swedish_pages_need_neither_mark_nor_note(client, pages):
    page = soup(client.get("/om-tia/"))
    assert page.find("h1").get("lang") is None
    assert page.select_one(".content-language-note") is None
    assert page.select("main [lang='sv'], header nav.site-nav [lang='sv']") == []


def test_a_translation_under_way_is_still_swedish(client, pages):
    """wagtail-localize turns the alias into a page as soon as an editor starts
    translating, with the Swedish texts where strings are missing."""
    somali = Locale.objects.get(language_code="so")
    page = translate_page(
        pages["guidance"],
        somali,
        {"Om TIA": "Ku saabsan TIA", "Vem som ordnar aktiviteterna.": "…"},
    )
    StringTranslation.objects.filter(locale=somali, data="…").delete()
    assert page.alias_of_id is None
    html = soup(client.get("/so/om-tia/"))
    assert html.find("h1").get("lang") == "sv"
    assert html.select_one(".content-language-note") is not None


def test_the_directory_works_under_every_prefix(client, pages):
    for code in OTHER_LANGUAGES:
        page = soup(client.get(f"/{code}/aktiviteter/"))
        heading = page.find("h1")
        assert (heading.get_text(), heading["lang"]) == ("Aktiviteter", "sv")
        assert page.select_one(".content-language-note").get_text() == note(code)
        assert page.select_one(".site-nav a[aria-current='page']")["href"] == (
            f"/{code}/aktiviteter/"
        )
    assert DirectoryPage.objects.live().count() == len(settings.LANGUAGES)
    with translation.override("ar"):
        assert DirectoryPage.live_localized().url == "/ar/aktiviteter/"
    with translation.override("sv"):
        assert DirectoryPage.live_localized().url == "/aktiviteter/"


def menu(response):
    return [
        (link.get_text(), link["href"], link.get("lang"))
        for link in soup(response).select(".site-nav a")
    ]


def test_the_menu_shows_each_languages_titles_once(client, pages):
    assert menu(client.get("/"))[:2] == [
        ("Om TIA", "/om-tia/", None),
        ("Aktiviteter", "/aktiviteter/", None),
    ]
    assert menu(client.get("/ar/"))[:2] == [
        ("عن التدخلات المبكرة", "/ar/om-tia/", None),
        ("Aktiviteter", "/ar/aktiviteter/", "sv"),
    ]
    for code in OTHER_LANGUAGES:
        links = menu(client.get(f"/{code}/"))
        assert len(links) == 3, code  # two pages and the calendar
        assert all(href.startswith(f"/{code}/") for _text, href, _lang in links)


def test_a_new_swedish_guidance_page_appears_in_every_language(
    client, pages, make_user
):
    """An editor adds a page in the admin; it is an alias in every other
    language at once, and live there when it is published."""
    editor = make_user(email="redaktor@lansstyrelsen.example", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    home = pages["home"]
    response = client.post(
        f"/admin/pages/add/home/guidancepage/{home.pk}/",
        nested_form_data(
            {
                "title": "Ny sida",
                "slug": "ny-sida",
                "intro": "Något nytt.",
                "body": streamfield([]),
                "related": streamfield([]),
                "comments": inline_formset([]),
            }
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    new = GuidancePage.objects.get(slug="ny-sida", locale=home.locale)
    aliases = GuidancePage.objects.filter(alias_of=new)
    assert sorted(aliases.values_list("locale__language_code", flat=True)) == sorted(
        OTHER_LANGUAGES
    )
    new.get_latest_revision().publish()  # a moderator publishes the draft
    client.logout()
    for code in OTHER_LANGUAGES:
        heading = soup(client.get(f"/{code}/ny-sida/")).find("h1")
        assert (heading.get_text(), heading["lang"]) == ("Ny sida", "sv")
    # Under the Arabic home page, which is a translation.
    arabic = aliases.get(locale__language_code="ar")
    assert arabic.get_parent().pk == home.get_translation(arabic.locale).pk


def test_a_page_published_from_the_create_screen_gets_each_alias_once(
    client, pages, make_user
):
    """A moderator creates a page and publishes it in one step: the page is
    published (our signal) before wagtail-localize's after-create hook runs,
    and the two must not both make the aliases."""
    moderator = make_user(email="moderator@lansstyrelsen.example", is_staff=True)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(moderator)
    home = pages["home"]
    response = client.post(
        f"/admin/pages/add/home/guidancepage/{home.pk}/",
        nested_form_data(
            {
                "title": "Publicerad direkt",
                "slug": "publicerad-direkt",
                "intro": "Något nytt.",
                "body": streamfield([]),
                "related": streamfield([]),
                "comments": inline_formset([]),
                "action-publish": "action-publish",
            }
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    new = GuidancePage.objects.get(slug="publicerad-direkt", locale=home.locale)
    assert new.live
    aliases = GuidancePage.objects.filter(alias_of=new)
    assert sorted(aliases.values_list("locale__language_code", flat=True)) == sorted(
        OTHER_LANGUAGES
    )
    client.logout()
    for code in OTHER_LANGUAGES:
        assert client.get(f"/{code}/publicerad-direkt/").status_code == 200, code


def result_links(response):
    return [a["href"] for a in soup(response).select(".search-results h3 a")]


def test_search_finds_each_page_once_in_the_readers_language(client, pages):
    assert result_links(client.get("/sok/", {"q": "Om TIA"})) == ["/om-tia/"]
    assert sorted(result_links(client.get("/ar/sok/", {"q": "المبكرة"}))) == [
        "/ar/",
        "/ar/om-tia/",
    ]
    # Not translated into Somali: the Swedish page's alias, marked as Swedish.
    response = client.get("/so/sok/", {"q": "Om TIA"})
    assert result_links(response) == ["/so/om-tia/"]
    assert soup(response).select_one(".search-results h3")["lang"] == "sv"


def test_the_sitemap_lists_each_page_once_per_written_language(client, pages):
    xml = client.get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", xml)
    assert len(locations) == len(set(locations))
    paths = {re.sub(r"^https?://[^/]+", "", loc) for loc in locations}
    views = {"/kalender/", "/samordnare/"}  # views, in every language
    pages = {path for path in paths if not path.endswith(tuple(views))}
    assert {"/", "/om-tia/", "/aktiviteter/", "/ar/", "/ar/om-tia/"} == pages
    entry = xml[xml.index("/om-tia/</loc>") :].split("</url>")[0]
    assert re.search(r'hreflang="ar" href="https?://[^/"]+/ar/om-tia/"', entry)
    assert re.search(r'hreflang="x-default" href="https?://[^/"]+/om-tia/"', entry)
    assert 'hreflang="so"' not in entry  # an alias: the Swedish page's copy


def test_an_editor_translates_a_page_in_the_admin(client, pages, make_user):
    editor = make_user(email="redaktor@lansstyrelsen.example", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    guidance = pages["guidance"]
    persian = Locale.objects.get(language_code="fa")
    alias = guidance.get_translation(persian)

    # The alias's edit view offers "Translate this page".
    edit_alias = client.get(f"/admin/pages/{alias.pk}/edit/")
    assert edit_alias.status_code == 200
    submit_url = f"/admin/localize/submit/page/{guidance.pk}/"
    assert submit_url in edit_alias.content.decode()
    assert client.get(submit_url).status_code == 200

    response = client.post(submit_url, {"locales": [persian.pk]})
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{alias.pk}/edit/"
    editor_view = client.get(response["Location"])
    assert editor_view.status_code == 200
    assert "header-meta--locales" in editor_view.content.decode()  # the editor

    # A string saved in the translation editor.
    translation_ = Translation.objects.get(
        source__object_id=guidance.translation_key, target_locale=persian
    )
    title = StringSegment.objects.get(source=translation_.source, string__data="Om TIA")
    saved = client.put(
        f"/admin/localize/translate/{translation_.pk}/strings/{title.pk}/edit/",
        urlencode({"value": "درباره TIA"}),
        content_type="application/x-www-form-urlencoded",
    )
    assert saved.status_code == 201
    string = StringTranslation.objects.get(locale=persian, translation_of=title.string)
    assert (string.data, string.last_translated_by) == ("درباره TIA", editor)


def test_a_page_in_the_readers_language_without_asking_the_database_again(
    pages, django_assert_num_queries
):
    """The footer, the menu and link lists find a page's translation through
    ``core.i18n.locales``: nothing read for a page already in the reader's
    language, one query for another, the Swedish page where none is live."""
    from core.i18n.locales import active_locale_id, localized

    guidance = pages["guidance"]
    with translation.override("sv"):
        active_locale_id()  # the locales, read once per process
        with django_assert_num_queries(0):
            assert localized(guidance) == guidance
    with translation.override("ar"), django_assert_num_queries(1):
        arabic = localized(guidance)
    assert arabic.locale.language_code == "ar"
    assert arabic.title == ARABIC["Om TIA"]

    arabic.unpublish()
    with translation.override("ar"):
        assert localized(guidance) == guidance
