"""Activities in the reader's language: a translation where the activity has
one, else the Swedish text marked as Swedish with a note in the reader's
language; language names in the reader's language; the queries of the list."""

import datetime
import html
import re

import icalendar
import pytest
from django.utils import timezone, translation

from core.geography.models import Municipality
from core.i18n.names import language_name
from directory.models import Activity, ActivityTranslation, Language
from tests.directory.public import LIST_URL, detail_url, today
from tests.directory.test_public_detail import jsonld_of
from tests.factories import ActivityTranslationFactory, OrganisationFactory

from .conftest import ActivityFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("skane_subregions")]

AR_LIST = "/ar" + LIST_URL
EN_LIST = "/en" + LIST_URL

TITLE_AR = "مقهى اللغة في المكتبة"
SUMMARY_AR = "تدرّب على السويدية مع متطوعين أثناء شرب القهوة."


def note_in(language):
    """The note that a text is in Swedish, as a reader of ``language`` reads it."""
    with translation.override(language):
        return translation.gettext("Den här texten finns bara på svenska.")


def element(text, tag, content):
    """The opening tag of the ``tag`` element holding ``content``."""
    match = re.search(rf"<{tag}\b([^>]*)>(?:<a [^>]*>)?{re.escape(content)}", text)
    assert match, f"no <{tag}> holding {content!r}"
    return match.group(1)


@pytest.fixture
def translated(directory_page):
    activity = ActivityFactory(
        title="Språkcafé på biblioteket",
        summary="Öva svenska med volontärer över en kopp kaffe.",
        description="<p>Varje vecka på stadsbiblioteket.</p>",
        how_to_join="Kom till entrén och fråga efter språkcaféet.",
        accessibility_notes="Entré utan trappsteg.",
        support=["ar", "fa"],
    )
    ActivityTranslationFactory(
        activity=activity,
        language="ar",
        title=TITLE_AR,
        summary=SUMMARY_AR,
        how_to_join="تعال إلى المدخل واسأل عن مقهى اللغة.",
        accessibility_notes="",
    )
    return activity


@pytest.fixture
def untranslated(directory_page):
    return ActivityFactory(
        title="Promenadgrupp", summary="Vi går en runda och pratar svenska."
    )


def test_the_arabic_list_shows_the_arabic_translation(client, translated):
    text = client.get(AR_LIST).content.decode()
    assert '<html lang="ar" dir="rtl"' in text
    # The page's own language: no lang of its own, so it reads as Arabic.
    assert "lang=" not in element(text, "h3", TITLE_AR)
    assert "lang=" not in element(text, "p", html.escape(SUMMARY_AR))
    assert "Språkcafé på biblioteket" not in text
    # The page's own title is Swedish until the page is translated (and says
    # so); the translated activity beside it does not.
    assert note_in("ar") not in text.split('id="directory-results-heading"')[1]


def test_the_arabic_page_shows_the_translation_and_marks_what_stays_swedish(
    client, translated
):
    text = client.get("/ar" + detail_url(translated)).content.decode()
    assert f"<title>{TITLE_AR}" in text
    assert "lang=" not in element(text, "h1", TITLE_AR)
    assert "lang=" not in element(text, "p", SUMMARY_AR)
    assert "تعال إلى المدخل واسأل عن مقهى اللغة." in text
    # The description and the untranslated accessibility note stay Swedish,
    # marked as such, each with the note in Arabic.
    assert 'lang="sv" dir="ltr"><p>Entré utan trappsteg.</p>' in text
    assert text.count(note_in("ar")) == 2  # accessibility, description
    assert "Kom till entrén" not in text


def test_other_languages_show_the_swedish_text_marked_as_swedish(client, translated):
    text = client.get(EN_LIST).content.decode()
    assert (
        element(text, "h3", "Språkcafé på biblioteket")
        == ' class="activity-card__title" lang="sv" dir="ltr"'
    )
    assert TITLE_AR not in text
    assert note_in("en") in text
    swedish = client.get(LIST_URL).content.decode()
    assert "lang=" not in element(swedish, "h3", "Språkcafé på biblioteket")
    assert TITLE_AR not in swedish
    assert note_in("sv") not in swedish
    page = client.get(detail_url(translated)).content.decode()
    assert "Kom till entrén och fråga efter språkcaféet." in page
    assert TITLE_AR not in page


def test_without_a_translation_the_arabic_page_says_the_text_is_swedish(
    client, untranslated
):
    text = client.get(AR_LIST).content.decode()
    assert element(text, "h3", "Promenadgrupp") == (
        ' class="activity-card__title" lang="sv" dir="ltr"'
    )
    assert 'lang="sv" dir="ltr">Vi går en runda och pratar svenska.</p>' in text
    assert f'<p class="content-language-note">{note_in("ar")}</p>' in text
    page = client.get("/ar" + detail_url(untranslated)).content.decode()
    assert element(page, "h1", "Promenadgrupp") == ' lang="sv" dir="ltr"'
    assert note_in("ar") in page


def test_search_finds_an_activity_by_its_translated_title(client, translated):
    response = client.get(AR_LIST, {"q": "مقهى"})
    assert [a.pk for a in response.context["activities"]] == [translated.pk]


def test_jsonld_and_calendar_file_in_the_readers_language(client, translated):
    data = jsonld_of(client.get("/ar" + detail_url(translated)))
    assert data["name"] == TITLE_AR
    assert data["description"] == SUMMARY_AR
    assert data["inLanguage"] == ["sv", "ar", "fa"]  # held in, supported in
    assert jsonld_of(client.get(detail_url(translated)))["name"] == (
        "Språkcafé på biblioteket"
    )

    page = client.get("/ar" + detail_url(translated)).content.decode()
    ics = f"/ical/aktivitet/{translated.slug}.ics?sprak=ar"
    assert f'href="{html.escape(ics)}"' in page
    event = icalendar.Calendar.from_ical(client.get(ics).content).walk("VEVENT")[0]
    assert str(event["summary"]) == TITLE_AR
    assert event["summary"].params["LANGUAGE"] == "ar"
    assert SUMMARY_AR in str(event["description"])
    assert "/ar/aktiviteter/aktivitet/" in str(event["url"])
    # A language without a translation, or none at all: the Swedish file.
    for query in ("?sprak=fa", "", "?sprak=xx"):
        url = f"/ical/aktivitet/{translated.slug}.ics{query}"
        event = icalendar.Calendar.from_ical(client.get(url).content).walk("VEVENT")[0]
        assert str(event["summary"]) == "Språkcafé på biblioteket", query


# Language names


@pytest.mark.parametrize(
    ("reader", "code", "expected"),
    [
        ("ar", "sv", "السويدية – svenska"),
        ("en", "ar", "Arabic – العربية"),
        ("sv", "ar", "arabiska – العربية"),
        ("sv", "sv", "svenska"),
        ("en", "en", "English"),
        ("ar", "ar", "العربية"),
        ("prs", "prs", "دری"),
        ("en", "prs", "Dari – دری"),
        ("ti", "ar", "ዓረብኛ – العربية"),
        ("uk", "so", "сомалі – Soomaali"),
    ],
)
def test_language_names_in_the_readers_language(reader, code, expected):
    language = Language.objects.get(code=code)
    assert str(language.name_for(reader)) == expected


def test_a_language_cldr_does_not_name_falls_back_to_its_swedish_name():
    name = language_name("xx-test", native="Tästa", name_sv="testiska", reader="ar")
    assert (name.name, name.name_language, str(name)) == (
        "testiska",
        "sv",
        "testiska – Tästa",
    )


def test_filter_and_cards_name_languages_for_the_reader(client, directory_page):
    ActivityFactory(languages=["sv"], support=["ar"])
    arabic = client.get(AR_LIST).content.decode()
    assert '<option value="sv">السويدية – svenska</option>' in arabic
    assert '<option value="ar">العربية</option>' in arabic
    assert (
        '<li><span>السويدية</span> – <span lang="sv" dir="ltr">svenska</span></li>'
        in arabic
    )
    assert '<li><span lang="ar" dir="rtl">العربية</span></li>' in arabic
    english = client.get(EN_LIST, {"sprak": "ar"}).content.decode()
    assert '<option value="ar" selected>Arabic – العربية</option>' in english
    assert (
        '<li><span>Arabic</span> – <span lang="ar" dir="rtl">العربية</span></li>'
        in english
    )
    assert "Arabic – العربية <a href=" in html.unescape(english)  # active filter
    swedish = client.get(LIST_URL).content.decode()
    assert '<option value="ar">arabiska – العربية</option>' in swedish
    assert '<li><span lang="sv" dir="ltr">svenska</span></li>' in swedish


def test_language_options_are_in_the_order_of_the_readers_names(client, directory_page):
    response = client.get(EN_LIST)
    labels = [
        label for _value, label in response.context["form"].fields["sprak"].choices
    ][1:]
    assert labels == sorted(labels, key=str.casefold)
    assert labels[0] == "Amharic – አማርኛ"


# Queries


def _bulk_translated(count, offset=0):
    """``count`` published activities in Malmö, every other one with an
    Arabic translation and each with a Persian one (which /ar/ must not read)."""
    organisation = OrganisationFactory()
    malmo = Municipality.objects.get(slug="malmoe")
    swedish = Language.objects.get(code="sv")
    activities = Activity.objects.bulk_create(
        Activity(
            title=f"Massaktivitet {offset + n}",
            slug=f"mass-{offset + n}",
            summary="Samma sak många gånger.",
            organisation=organisation,
            category=Activity.Category.SOCIAL,
            municipality=malmo,
            start_date=today() - datetime.timedelta(days=n % 20),
            end_date=today() + datetime.timedelta(days=90),
            status=Activity.Status.PUBLISHED,
            published_at=timezone.now(),
        )
        for n in range(count)
    )
    through = Activity.instruction_languages.through
    through.objects.bulk_create(
        through(activity_id=a.pk, language_id=swedish.pk) for a in activities
    )
    ActivityTranslation.objects.bulk_create(
        [
            ActivityTranslation(
                activity=a, language=language, title=f"نشاط {a.pk}", summary="ملخص"
            )
            for n, a in enumerate(activities)
            for language in (["ar", "fa"] if n % 2 else ["fa"])
        ]
    )


def test_the_arabic_list_reads_as_many_queries_at_any_size(
    client, directory_page, django_assert_max_num_queries
):
    _bulk_translated(10)
    client.get(AR_LIST)  # warm the site and page caches
    # Three more than the Swedish list's: the Arabic page is an alias of the
    # Swedish one (the page it aliases, the ancestors Wagtail reads for an
    # alias), and the activities' Arabic translations.
    with django_assert_max_num_queries(21) as small:
        response = client.get(AR_LIST)
    shown = [a.shown for a in response.context["activities"]]
    assert len(shown) == 10
    assert {text.title.language for text in shown} == {"ar", "sv"}

    _bulk_translated(990, offset=10)
    with django_assert_max_num_queries(21) as large:
        response = client.get(AR_LIST)
    assert response.context["paginator"].count == 1000
    assert len(small.captured_queries) == len(large.captured_queries)
    with django_assert_max_num_queries(18) as swedish:
        client.get(LIST_URL)
    assert len(large.captured_queries) == len(swedish.captured_queries) + 3
