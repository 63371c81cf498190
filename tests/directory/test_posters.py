"""Posters for notice boards: the PDF of an area's current activities, read
back as a person reads it (the text of each page) and as a phone reads it
(the QR code, decoded from the rendered page)."""

import ctypes
import socket
from dataclasses import dataclass

import pypdfium2
import pypdfium2.raw as pdfium_c
import pytest
import zxingcpp
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings
from django.utils import translation
from django.utils.translation import gettext

from core.geography.models import Municipality, SubRegion
from directory import poster_pdf, posters
from directory.factories import ActivityTranslationFactory
from directory.models import Activity, Language
from directory.poster_pdf import StaticFilesFetcher
from tests.directory.public import LIST_URL, days, municipality, today

FORM_URL = f"{LIST_URL}affisch/"
PDF_URL = f"{LIST_URL}affisch/pdf/"
HOST = "https://tia.example.se"


@pytest.fixture(autouse=True)
def site_url():
    """A configured host unlike the test client's, so that the QR code is seen
    to take the setting, not the request."""
    cache.clear()
    with override_settings(TIA={**settings.TIA, "SITE_URL": HOST}):
        yield
    cache.clear()


@dataclass
class Page:
    """One page of a PDF as read back: its text (each run of white space one
    space, as a cell's line breaks fall anywhere) and its rendered image."""

    text: str
    image: object


def pages_of(pdf):
    document = pypdfium2.PdfDocument(pdf)
    try:
        pages = []
        for page in document:
            textpage = page.get_textpage()
            text = " ".join(textpage.get_text_range().split())
            pages.append(Page(text, page.render(scale=2).to_pil()))
            textpage.close()
            page.close()
        return pages
    finally:
        document.close()


def text_of(page):
    return page.text


def squeezed(text):
    return "".join(text.split())


def qr_codes(page):
    return [code.text for code in zxingcpp.read_barcodes(page.image)]


def get_pdf(client, url=PDF_URL, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "application/pdf"
    return response


def place(slug):
    return Municipality.objects.get(slug=slug)


@pytest.fixture
def ystad_activities(directory_page, activity_factory, weekly_activity_factory):
    """Three current activities in Ystad, and others that the poster leaves out."""
    ystad = municipality("ystad")
    café = weekly_activity_factory(
        title="Språkcafé i Ystad",
        municipality=ystad,
        venue="Stadsbiblioteket",
        start_date=today() - days(14),
        support=["ar"],
    )
    walk = activity_factory(
        title="Promenad längs stranden", municipality=ystad, start_date=today()
    )
    law = weekly_activity_factory(
        title="Samhällsinformation om arbete",
        municipality=ystad,
        category=Activity.Category.SOCIETY,
        start_date=today() + days(9),
    )
    activity_factory(title="Läxhjälp i Lund", municipality=municipality("lund"))
    activity_factory(
        title="Utkast i Ystad", municipality=ystad, status=Activity.Status.DRAFT
    )
    activity_factory(
        title="Slutade förra veckan",
        municipality=ystad,
        start_date=today() - days(30),
        end_date=today() - days(7),
    )
    return [café, walk, law]


def test_the_poster_has_one_row_per_current_activity_of_the_municipality(
    client, ystad_activities
):
    response = get_pdf(client, kommun="ystad", sprak="ar")
    (page,) = pages_of(response.content)
    text = text_of(page)
    for activity in ystad_activities:
        assert text.count(activity.title) == 1, activity.title
    for elsewhere in ["Läxhjälp i Lund", "Utkast i Ystad", "Slutade förra veckan"]:
        assert elsewhere not in text
    assert "Aktiviteter i Ystad" in text
    assert response["Content-Disposition"] == 'inline; filename="affisch-ystad-ar.pdf"'


def test_the_qr_code_decodes_to_the_directory_filtered_in_the_second_language(
    client, ystad_activities
):
    response = get_pdf(client, kommun="ystad", sprak="ar")
    (page,) = pages_of(response.content)
    assert qr_codes(page) == [f"{HOST}/ar/aktiviteter/?kommun=ystad"]
    # And the address is printed for those who type it.
    assert f"{HOST}/ar/aktiviteter/?kommun=ystad" in text_of(page).replace(" ", "")


def test_the_filtered_address_lists_what_the_poster_lists(client, ystad_activities):
    response = client.get("/ar/aktiviteter/", {"kommun": "ystad"})
    listed = {activity.title for activity in response.context["activities"]}
    assert listed == {activity.title for activity in ystad_activities}


def test_a_subregion_poster_lists_its_municipalities_and_links_to_it(
    client, directory_page, activity_factory, skane_subregions
):
    south = SubRegion.objects.get(municipalities__slug="ystad")
    in_ystad = activity_factory(title="Sy och prata", municipality=place("ystad"))
    in_trelleborg = activity_factory(
        title="Fotboll för alla", municipality=place("trelleborg")
    )
    activity_factory(title="Kör i Kristianstad", municipality=place("kristianstad"))
    response = get_pdf(client, delregion=south.slug, sprak="uk")
    (page,) = pages_of(response.content)
    text = text_of(page)
    assert in_ystad.title in text and in_trelleborg.title in text
    assert "Kör i Kristianstad" not in text
    assert f"Aktiviteter i {south.name}" in text
    assert qr_codes(page) == [f"{HOST}/uk/aktiviteter/?delregion={south.slug}"]


def test_rows_are_in_both_languages_with_the_note_where_a_text_is_swedish_only(
    client, directory_page, weekly_activity_factory
):
    tuesday = today() + days((1 - today().weekday()) % 7 + 7)
    translated = weekly_activity_factory(
        title="Svenska för nybörjare",
        municipality=place("ystad"),
        start_date=tuesday,
        how_to_join="Kom till receptionen.",
    )
    ActivityTranslationFactory(
        activity=translated,
        language="uk",
        title="Шведська для початківців",
        how_to_join="Приходьте на рецепцію.",
    )
    weekly_activity_factory(
        title="Stickcafé", municipality=place("ystad"), start_date=tuesday
    )
    text = text_of(pages_of(get_pdf(client, kommun="ystad", sprak="uk").content)[0])
    assert "Шведська для початківців" in text
    assert "Приходьте на рецепцію." in text
    with translation.override("uk"):
        note = gettext("Den här texten finns bara på svenska.")
        weekly = gettext("varje %(days)s") % {"days": gettext("tisdag")}
    # Stickcafé has no Ukrainian title: the note, not a second Swedish one.
    assert text.count(note) == 1
    assert text.count("Stickcafé") == 1
    # The weekly times in words, in Swedish and in Ukrainian (a line may
    # break anywhere in a cell).
    assert "varjetisdag17.00–19.00" in squeezed(text)
    assert squeezed(weekly) in squeezed(text)


def test_the_second_language_is_written_right_to_left_in_its_font(
    client, directory_page, activity_factory
):
    activity = activity_factory(title="Språkcafé", municipality=place("ystad"))
    ActivityTranslationFactory(activity=activity, language="fa", title="کافه زبان")
    html, count = posters.poster_html(
        directory_page, posters.Area.of_municipality(place("ystad")), fa()
    )
    assert count == 1
    assert 'lang="fa" dir="rtl"' in html
    pdf = get_pdf(client, kommun="ystad", sprak="fa").content
    # The served Noto Sans Arabic draws the Persian, not a system font.
    assert "TIA-Noto-Sans-Arabic" in fonts_of(pdf, "کافه زبان")


def fa():
    return Language.objects.get(code="fa")


def fonts_of(pdf, text):
    """The names of the fonts that draw the characters of ``text`` in ``pdf``."""
    document = pypdfium2.PdfDocument(pdf)
    textpage = document[0].get_textpage()
    names = set()
    wanted = set(text) - {" "}
    for index in range(textpage.count_chars()):
        if chr(pdfium_c.FPDFText_GetUnicode(textpage, index)) not in wanted:
            continue
        name = ctypes.create_string_buffer(200)
        pdfium_c.FPDFText_GetFontInfo(textpage, index, name, 200, None)
        names.add(name.value.decode().partition("+")[2])
    document.close()
    return names


def test_more_activities_than_a_page_continue_with_the_header_repeated(
    client, directory_page, weekly_activity_factory
):
    titles = [f"Samtalsgrupp {n:02d}" for n in range(1, 31)]
    for title in titles:
        weekly_activity_factory(
            title=title,
            municipality=place("ystad"),
            how_to_join="Anmäl dig i receptionen på boendet, fråga efter samordnaren.",
        )
    pages = pages_of(get_pdf(client, kommun="ystad", sprak="en").content)
    assert len(pages) >= 2
    text = "".join(text_of(page) for page in pages)
    for title in titles:
        assert text.count(title) == 1, title
    for page in pages:
        assert "Aktiviteter i Ystad" in text_of(page)
        assert qr_codes(page) == [f"{HOST}/en/aktiviteter/?kommun=ystad"]


def test_a_poster_stops_at_its_largest_size_and_points_to_the_rest(
    client, directory_page, activity_factory, monkeypatch
):
    monkeypatch.setattr(posters, "MAX_ROWS", 2)
    for n in range(5):
        activity_factory(title=f"Aktivitet {n}", municipality=place("ystad"))
    text = "".join(
        text_of(page)
        for page in pages_of(get_pdf(client, kommun="ystad", sprak="en").content)
    )
    assert "Det finns 3 aktiviteter till." in text


def test_an_area_without_activities_says_so_on_the_form(
    client, directory_page, activity_factory
):
    activity_factory(title="Läxhjälp i Lund", municipality=place("lund"))
    response = client.get(PDF_URL, {"kommun": "ystad", "sprak": "ar"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "Det finns inga aktuella aktiviteter i Ystad just nu" in (
        response.content.decode()
    )


@pytest.mark.parametrize(
    "params, message",
    [
        ({"kommun": "ingenstans", "sprak": "ar"}, "Välj ett giltigt alternativ."),
        ({"sprak": "ar"}, "Välj en kommun eller en delregion."),
        (
            {"kommun": "ystad", "delregion": "soedra-skaane", "sprak": "ar"},
            "Välj en kommun eller en delregion, inte båda.",
        ),
        ({"kommun": "ystad"}, "Välj ett språk utöver svenska."),
        ({"kommun": "ystad", "sprak": "sv"}, "Välj ett giltigt alternativ."),
        ({"kommun": "ystad", "sprak": "xx\x00"}, "Null-tecken är inte tillåtna."),
    ],
)
def test_bad_parameters_give_the_form_with_what_is_wrong(
    client, ystad_activities, skane_subregions, params, message
):
    response = client.get(PDF_URL, params)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_the_directory_page_links_to_the_form_with_its_municipality(
    client, ystad_activities
):
    response = client.get("/ar/aktiviteter/", {"kommun": "ystad", "sprak": "sv"})
    assert 'href="/ar/aktiviteter/affisch/?kommun=ystad"' in response.content.decode()
    form = client.get("/ar/aktiviteter/affisch/", {"kommun": "ystad"}).context[
        "poster_form"
    ]
    assert not form.is_bound
    # The list's municipality and the reader's language are chosen already.
    assert form["kommun"].value() == "ystad"
    assert form["sprak"].value() == "ar"
    assert form["delregion"].value() in (None, "")


def test_the_form_page_opens_without_a_choice(client, ystad_activities):
    response = client.get(FORM_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'action="{PDF_URL}"' in html
    assert '<option value="ystad">Ystad</option>' in html


def test_the_pdf_is_rendered_once_until_an_activity_changes(
    client, ystad_activities, monkeypatch
):
    rendered = []
    real = poster_pdf.write_pdf

    def counting(html):
        rendered.append(html)
        return real(html)

    monkeypatch.setattr(poster_pdf, "write_pdf", counting)
    first = get_pdf(client, kommun="ystad", sprak="en")
    second = get_pdf(client, kommun="ystad", sprak="en")
    assert len(rendered) == 1
    assert first.content == second.content
    assert "public" in first["Cache-Control"]
    # A browser that has it gets "not modified".
    again = client.get(
        PDF_URL, {"kommun": "ystad", "sprak": "en"}, HTTP_IF_NONE_MATCH=first["ETag"]
    )
    assert again.status_code == 304
    café = ystad_activities[0]
    café.title = "Språkcafé på torget"
    café.save()
    changed = get_pdf(client, kommun="ystad", sprak="en")
    assert len(rendered) == 2
    assert changed["ETag"] != first["ETag"]
    assert "Språkcafé på torget" in text_of(pages_of(changed.content)[0])


def test_rendering_makes_no_request_to_the_network(
    client, ystad_activities, monkeypatch
):
    def refuse(*args, **kwargs):
        raise AssertionError("the poster tried the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert pages_of(get_pdf(client, kommun="ystad", sprak="ti").content)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/font.woff2",
        "http://127.0.0.1/static/fonts/x.woff2",
        "file:///etc/passwd",
        "tia-static:../../settings.py",
        "tia-static:fonts/no-such-font.woff2",
    ],
)
def test_the_fetcher_serves_only_our_static_files(url):
    with pytest.raises((ValueError, FileNotFoundError)):
        StaticFilesFetcher().fetch(url)


def test_the_fetcher_serves_the_fonts():
    response = StaticFilesFetcher().fetch(
        "tia-static:fonts/noto-sans-arabic-arabic-400-normal.woff2"
    )
    assert response.read()[:4] == b"wOF2"


@pytest.mark.parametrize("size", [3, 30])
def test_the_poster_runs_a_constant_number_of_queries(
    client, directory_page, weekly_activity_factory, django_assert_max_num_queries, size
):
    for n in range(size):
        activity = weekly_activity_factory(
            title=f"Grupp {n}", municipality=place("ystad"), support=["ar", "so"]
        )
        ActivityTranslationFactory(activity=activity, language="so", title=f"Koox {n}")
    client.get(PDF_URL, {"kommun": "ystad", "sprak": "so"})  # warm Wagtail's caches
    # Two of them find the directory page in the poster's language tree.
    with django_assert_max_num_queries(14):
        get_pdf(client, kommun="ystad", sprak="so")


def test_when_in_words_for_a_single_session(db, activity_factory):
    day = today() + days(5)
    activity = activity_factory(start_date=day, municipality=place("ystad"))
    with translation.override("sv"):
        text = posters.when_text(activity, today())
    assert text.endswith("17.00–19.00")
    assert f" {day.day} " in text


def test_the_pdf_address_without_a_choice_is_the_form(client, ystad_activities):
    response = client.get(PDF_URL)
    assert response.status_code == 200
    assert "poster_form" in response.context
