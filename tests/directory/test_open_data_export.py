"""The directory's list as open data: the CSV and JSON of the current filter,
their links on the list, and the page that explains the open data."""

import csv
import io
import json

import pytest

from directory import hsds
from directory.models import Activity, Language
from tests.directory.public import LIST_URL, days, municipality, today
from tests.factories import OrganisationFactory

from .conftest import ActivityFactory, WeeklyActivityFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("skane_subregions")]

CSV_URL = f"{LIST_URL}csv/"
JSON_URL = f"{LIST_URL}json/"


def page_titles(client, **params):
    """The titles the list shows, page after page, in its order."""
    titles, number = [], 1
    while True:
        response = client.get(LIST_URL, {**params, "sida": number})
        titles += [activity.title for activity in response.context["activities"]]
        if not response.context["page_obj"].has_next():
            return titles
        number += 1


def csv_rows(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")  # the BOM
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.fixture
def many(directory_page):
    """More than a page of activities in Ystad with Arabic, and others."""
    ystad = municipality("ystad")
    for n in range(23):
        WeeklyActivityFactory(
            title=f"Svenska med stöd på arabiska {n:02}",
            municipality=ystad,
            start_date=today() + days(n % 5),
            support=["ar"],
        )
    ActivityFactory(title="Svenska i Ystad utan arabiska", municipality=ystad)
    ActivityFactory(title="Arabiska i Malmö", support=["ar"])


def test_csv_holds_the_filtered_list_every_page_in_the_page_order(client, many):
    shown = page_titles(client, kommun="ystad", sprak="ar")
    assert len(shown) == 23
    rows = csv_rows(client.get(CSV_URL, {"kommun": "ystad", "sprak": "ar"}))
    assert [row[0] for row in rows[1:]] == shown
    # Sorted by title, too.
    shown = page_titles(client, kommun="ystad", sortering="titel")
    rows = csv_rows(client.get(CSV_URL, {"kommun": "ystad", "sortering": "titel"}))
    assert [row[0] for row in rows[1:]] == shown


def test_csv_opens_with_swedish_letters_and_the_columns_a_reader_expects(
    client, directory_page
):
    organisation = OrganisationFactory(
        name="Föreningen Öresund", email="info@oresund.example.se"
    )
    activity = WeeklyActivityFactory(
        title="Språkcafé på Ängelholms bibliotek",
        organisation=organisation,
        municipality=municipality("aengelholm"),
        venue="Biblioteket",
        address="Storgatan 5",
        rrule="FREQ=WEEKLY;BYDAY=TU",
        languages=["sv"],
        support=["ar"],
        join_method=Activity.JoinMethod.REGISTRATION,
        registration_url="https://anmalan.example.se/cafe",
    )
    header, row = csv_rows(client.get(CSV_URL))
    assert header == [
        "Rubrik",
        "Arrangör",
        "Område",
        "Kommun",
        "Plats",
        "Språk",
        "Stöd på",
        "När",
        "Nästa tillfälle",
        "Period",
        "Så deltar du",
        "Kontakt",
        "Länk",
    ]
    cells = dict(zip(header, row, strict=True))
    assert cells["Rubrik"] == "Språkcafé på Ängelholms bibliotek"
    assert cells["Arrangör"] == "Föreningen Öresund"
    assert cells["Kommun"] == "Ängelholm"
    assert cells["Plats"] == "Biblioteket, Storgatan 5, Ängelholm"
    assert cells["Språk"] == "svenska" and cells["Stöd på"].startswith("arabiska")
    assert cells["När"] == "varje tisdag 17.00–19.00"
    assert "17.00–19.00" in cells["Nästa tillfälle"]
    assert "https://anmalan.example.se/cafe" in cells["Så deltar du"]
    # No public contact person: the organiser's own address, as on the page.
    assert cells["Kontakt"] == "Föreningen Öresund, info@oresund.example.se"
    assert cells["Länk"] == (
        f"http://testserver/aktiviteter/aktivitet/{activity.slug}/"
    )


def test_csv_cells_never_run_as_formulas(client, directory_page):
    ActivityFactory(title='=HYPERLINK("https://evil.example","klicka")')
    (_header, row) = csv_rows(client.get(CSV_URL))
    assert row[0].startswith("'=")


def test_json_holds_the_same_list_with_stable_keys(client, many):
    params = {"kommun": "ystad", "sprak": "ar"}
    response = client.get(JSON_URL, params)
    assert response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    assert data["count"] == 23
    assert data["filters"] == params
    assert data["licence"]["name"] == hsds.LICENCE_NAME
    assert [a["title"] for a in data["activities"]] == page_titles(client, **params)
    first = data["activities"][0]
    assert set(first) == {
        "title", "summary", "organiser", "area", "municipality", "mode", "venue",
        "address", "latitude", "longitude", "languages", "support_languages",
        "target_group", "age_band", "schedule", "rrule", "start_date", "end_date",
        "start_time", "end_time", "next_session", "free_of_charge", "how_to_join",
        "contact", "url",
    }  # fmt: skip
    assert first["municipality"] == {"code": "1286", "name": "Ystad"}
    assert {"code": "ar", "name": "arabiska – العربية"} in first["support_languages"]


def test_unknown_filter_values_are_ignored_as_on_the_page(client, many):
    response = client.get(CSV_URL, {"kommun": "atlantis", "sida": "x", "period": "?"})
    assert len(csv_rows(response)) == 1 + Activity.objects.count()


def test_the_list_links_the_downloads_with_its_filter(client, many):
    text = client.get(LIST_URL, {"kommun": "ystad", "sprak": "ar", "sida": 2})
    text = text.content.decode()
    assert 'href="/aktiviteter/csv/?kommun=ystad&amp;sprak=ar"' in text
    assert 'href="/aktiviteter/json/?kommun=ystad&amp;sprak=ar"' in text
    assert "Ladda ned som CSV" in text
    assert 'href="/aktiviteter/oppna-data/"' in text


def test_the_open_data_page_names_the_api_its_version_and_licence(client, many):
    text = client.get(f"{LIST_URL}oppna-data/").content.decode()
    assert "http://testserver/api/hsds/" in text
    assert f"version {hsds.HSDS_VERSION}" in text
    assert "CC0 1.0" in text and hsds.LICENCE_URL in text
    assert 'href="/aktiviteter/csv/"' in text


def test_csv_query_count_does_not_grow_with_the_data(
    client, directory_page, django_assert_max_num_queries
):
    organisation = OrganisationFactory()
    swedish = Language.objects.get(code="sv")

    def add(count, offset):
        activities = Activity.objects.bulk_create(
            Activity(
                title=f"Massaktivitet {offset + n}",
                slug=f"mass-{offset + n}",
                summary="Samma sak.",
                organisation=organisation,
                category=Activity.Category.SOCIAL,
                municipality=municipality("malmoe"),
                start_date=today(),
                end_date=today() + days(60),
                rrule="FREQ=WEEKLY" if n % 2 else "",
                status=Activity.Status.PUBLISHED,
            )
            for n in range(count)
        )
        through = Activity.instruction_languages.through
        through.objects.bulk_create(
            through(activity_id=a.pk, language_id=swedish.pk) for a in activities
        )

    add(10, 0)
    client.get(CSV_URL)  # warm the site and page caches
    with django_assert_max_num_queries(14) as small:
        client.get(CSV_URL)
    add(490, 10)
    with django_assert_max_num_queries(14) as large:
        response = client.get(CSV_URL)
    assert len(csv_rows(response)) == 501
    assert len(small.captured_queries) == len(large.captured_queries)


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_csv_cells_never_start_a_formula(client, directory_page, start):
    ActivityFactory(
        title=f"{start}HYPERLINK(1) kurs",
        organisation=OrganisationFactory(name=f"{start}1+1 förening"),
    )
    rows = csv_rows(client.get(CSV_URL))
    cells = [cell for row in rows[1:] for cell in row]
    assert f"'{start}HYPERLINK(1) kurs" in cells
    assert not any(cell.startswith(start) for cell in cells if "HYPERLINK" in cell)
    assert not any(cell.startswith(start) for cell in cells if "förening" in cell)
