"""The situation report (lägesbild): the target group beside the directory's
supply, masked on the page, in the CSV, the XLSX and the charts, at the scope
the county chooses."""

import csv
import datetime
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from core.geography.models import County, Municipality, SubRegion
from directory.factories import ActivityFactory, TravelRouteFactory
from directory.models import Activity, Language
from forum.models import Level, Visibility
from knowledge.followup.factories_report import figures
from knowledge.followup.models import (
    Accommodation,
    AgeBand,
    Category,
    FollowUpSettings,
    Scope,
    Sex,
)
from knowledge.followup.report import (
    Area,
    sessions_per_week,
    situation_report,
)
from tests.factories import (
    ForumFactory,
    MembershipFactory,
    ParticipationFactory,
    UserFactory,
    county_admin,
)

pytestmark = pytest.mark.django_db

URL = "/uppfoljning/lagesbild/"
ASYLUM, TEMPORARY = Category.ASYLUM_SEEKERS, Category.TEMPORARY_PROTECTION
MV, OWN, OTHER = Accommodation.MIGRATIONSVERKET, Accommodation.OWN, Accommodation.OTHER
WOMEN, MEN = Sex.WOMEN, Sex.MEN
CELLS = [
    (ASYLUM, MV, WOMEN, AgeBand.FROM_25),
    (ASYLUM, OWN, MEN, AgeBand.FROM_25),
    (TEMPORARY, OTHER, WOMEN, AgeBand.FROM_45),
]


def this_month():
    return timezone.localdate().replace(day=1)


def place(code):
    return Municipality.objects.get(code=code)


def fill(counts, month=None, fictional=False):
    """counts: {municipality code: [count per CELLS]} for ``month``."""
    month = month or this_month()
    by_code = {
        code: dict(zip(CELLS, values, strict=True)) for code, values in counts.items()
    }
    return figures(
        Municipality.objects.filter(code__in=counts),
        [month],
        count=lambda municipality, _month, cell: by_code[municipality.code][cell],
        cells=CELLS,
        fictional=fictional,
    )


def activity(code, capacity=20, category=Activity.Category.SWEDISH, **fields):
    fields.setdefault("rrule", "FREQ=WEEKLY;BYDAY=TU")
    fields.setdefault("start_date", this_month())
    fields.setdefault("end_date", this_month() + datetime.timedelta(days=120))
    made = ActivityFactory(
        municipality=place(code),
        capacity=capacity,
        category=category,
        status=Activity.Status.PUBLISHED,
        **fields,
    )
    return made


@pytest.fixture
def skane_forum(db):
    return ForumFactory(slug="tia-skane")


def member_at(forum, level):
    participation = ParticipationFactory(forum=forum, level=level)
    return MembershipFactory(organisation=participation.organisation).user


@pytest.fixture
def skane():
    return County.objects.get(code="12")


@pytest.fixture
def data(skane_forum):
    """Malmö 100 people and 20 seats; Lund 3 + 40 + 0 (a small count);
    Bromölla 50 people, nothing offered; Kristianstad 100 people, 5 seats."""
    fill(
        {
            "1280": [40, 60, 0],
            "1281": [3, 40, 0],
            "1272": [20, 30, 0],
            "1290": [50, 50, 0],
        }
    )
    activity(
        "1280", capacity=20, instruction_languages=[Language.objects.get(code="sv")]
    )
    activity("1290", capacity=5, category=Activity.Category.HEALTH)
    activity(
        "1281", capacity=30, instruction_languages=[Language.objects.get(code="ar")]
    )


def line_of(report, name):
    return next(line for line in report.lines if line.municipality.name == name)


# ------------------------------------------------------------------ figures


def test_figures_per_area(data, skane):
    admin = county_admin()
    county = situation_report(skane, this_month(), admin)
    assert county.scope == Scope.DETAIL
    assert len(county.lines) == 33
    malmo = line_of(county, "Malmö")
    assert malmo.people.text == "100"
    assert malmo.supply.activities == 1
    assert malmo.supply.seats == 20
    assert malmo.seats_per_100 == 20
    assert malmo.supply.sessions_per_week == 1
    assert not malmo.flag
    # Lund's 3 is hidden, and with it the smallest other count in its row.
    lund = line_of(county, "Lund")
    accommodation = dict(
        zip(["mv", "own", "other"], lund.breakdowns["accommodation"], strict=False)
    )
    assert accommodation["mv"].text == "<6"
    assert accommodation["own"].text == ".." or accommodation["other"].text == ".."
    assert county.supply.seats == 55
    assert county.by_area[Activity.Category.HEALTH].seats == 5

    one = situation_report(place("1280"), this_month(), admin)
    assert [line.municipality.name for line in one.lines] == ["Malmö"]
    assert one.total_people.text == "100"

    subregion = SubRegion.objects.create(county=skane, name="Nordöstra", slug="no")
    Municipality.objects.filter(code__in=["1272", "1290"]).update(subregion=subregion)
    region = situation_report(subregion, this_month(), admin)
    assert {line.municipality.name for line in region.lines} == {
        "Bromölla",
        "Kristianstad",
    }
    assert region.total_people.text == "150"

    country = situation_report(None, this_month(), admin)
    assert len(country.lines) == 290
    assert country.area.kind == "country"
    assert country.supply.seats == 55


def test_sessions_per_week_are_read_from_the_rule():
    assert sessions_per_week("FREQ=WEEKLY;BYDAY=MO,WE") == 2
    assert sessions_per_week("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU") == 0.5
    assert sessions_per_week("FREQ=DAILY") == 7
    assert sessions_per_week("") == 0
    assert sessions_per_week("NOT A RULE") == 0
    assert float(round(sessions_per_week("FREQ=MONTHLY;BYDAY=1TU"), 2)) == 0.23


def test_a_group_with_a_value_masked_at_the_source_is_masked(skane_forum, skane):
    fill({"1280": [None, 60, 10]})
    report = situation_report(skane, this_month(), county_admin())
    malmo = line_of(report, "Malmö")
    assert malmo.breakdowns["accommodation"][0].text == ".."
    assert malmo.people.text.startswith("≥")


# ------------------------------------------------------------------ flags


def test_flagged_municipalities(data, skane):
    report = situation_report(skane, this_month(), county_admin())
    flagged = {line.municipality.name: line.flag for line in report.flagged}
    assert flagged == {"Bromölla": "no_activity", "Kristianstad": "few_seats"}


@pytest.mark.parametrize("minimum, flagged", [(10, True), (4, False)])
def test_the_minimum_of_seats_is_a_setting(data, skane, settings, minimum, flagged):
    settings.TIA = {"FOLLOWUP_MIN_SEATS_PER_100": minimum}
    report = situation_report(skane, this_month(), county_admin())
    assert bool(line_of(report, "Kristianstad").flag) is flagged


def test_travel_routes_in_force_from_flagged_municipalities(data, skane):
    today = timezone.localdate()
    TravelRouteFactory(
        from_municipality=place("1272"),
        to_municipality=place("1290"),
        valid_from=today - datetime.timedelta(days=30),
        decision_reference="MIG-1",
    )
    # Ended: not in force.
    TravelRouteFactory(
        from_municipality=place("1272"),
        to_municipality=place("1280"),
        valid_from=today - datetime.timedelta(days=400),
        valid_until=today - datetime.timedelta(days=200),
        decision_reference="MIG-2",
    )
    # In force, but to a municipality without activities.
    TravelRouteFactory(
        from_municipality=place("1272"),
        to_municipality=place("1293"),
        valid_from=today - datetime.timedelta(days=30),
        decision_reference="MIG-3",
    )
    report = situation_report(skane, this_month(), county_admin())
    routes = [
        (line.municipality.name, route.destination.name, route.route.decision_reference)
        for line, route in report.routes
    ]
    assert routes == [("Bromölla", "Kristianstad", "MIG-1")]

    admin = county_admin()
    from django.test import Client

    client = Client()
    client.force_login(admin)
    page = client.get(URL, {"lan": "12"}).content.decode()
    assert "MIG-1" in page
    assert "MIG-2" not in page and "MIG-3" not in page


# ------------------------------------------------------------------ scope


def test_summary_for_the_public_detail_from_samrad(client, data, skane_forum):
    summary = client.get(URL, {"lan": "12"})
    assert summary.status_code == 200
    page = summary.content.decode()
    assert "Kommuner där behovet inte möts" in page
    assert "Bromölla" in page  # flagged
    assert "Per kommun" not in page
    assert '<th scope="row">Lund</th>' not in page  # not flagged

    client.force_login(member_at(skane_forum, Level.SAMRAD))
    detail = client.get(URL, {"lan": "12"}).content.decode()
    assert "Per kommun" in detail
    assert "Lund" in detail


def test_no_scope_asks_visitors_to_sign_in_and_refuses_members(
    client, data, skane, skane_forum
):
    FollowUpSettings.objects.create(
        county=skane,
        summary_visibility=Visibility.DIALOG,
        detail_visibility=Visibility.PARTNERSKAP,
    )
    for url in (URL, URL + "lagesbild.csv", URL + "lagesbild.xlsx"):
        response = client.get(url, {"lan": "12"})
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/?next=")
    client.force_login(member_at(skane_forum, Level.SAMRAD))
    for url in (URL, URL + "lagesbild.csv", URL + "lagesbild.xlsx"):
        assert client.get(url, {"lan": "12"}).status_code == 403
    client.force_login(member_at(skane_forum, Level.DIALOG))
    page = client.get(URL, {"lan": "12"}).content.decode()
    assert "Per kommun" not in page
    # The whole country shows no more than the least open county allows.
    client.logout()
    assert client.get(URL).status_code == 302


def test_the_fictional_notice(client, skane_forum):
    fill({"1280": [40, 60, 0]}, fictional=True)
    assert "Siffrorna är fiktiva." in client.get(URL, {"lan": "12"}).content.decode()
    fill({"1281": [40, 60, 0]}, month=this_month() - datetime.timedelta(days=40))
    last_month = (this_month() - datetime.timedelta(days=40)).strftime("%Y-%m")
    page = client.get(URL, {"lan": "12", "manad": last_month}).content.decode()
    assert "Siffrorna är fiktiva." not in page


# ------------------------------------------------------------------ masking

SMALL = re.compile(r"^[1-5]$")


def people_cells(html):
    """The text of each cell of the tables of people (charts' and breakdowns')."""
    found = []
    for table in re.findall(r"<table.*?</table>", html, re.S):
        if 'id="breakdown-' in table or 'id="chart-' in table:
            found += [
                re.sub(r"<.*?>", "", cell).strip()
                for cell in re.findall(r"<td>(.*?)</td>", table, re.S)
            ]
    return found


def assert_nothing_small(values):
    for value in values:
        text = str(value).replace("\xa0", "").replace(" ", "")
        assert not SMALL.match(text), f"a count from 1 to 5: {values}"


def assert_not_derivable(parts, total):
    """A line whose total is exact gives away its one hidden part."""
    hidden = [p for p in parts if not isinstance(p, int)]
    if isinstance(total, int):
        assert len(hidden) != 1, f"{parts} = {total} gives a hidden part away"


def test_masking_on_the_page(client, data):
    client.force_login(county_admin())
    html = client.get(URL, {"lan": "12"}).content.decode()
    cells = people_cells(html)
    assert "&lt;6" in cells
    assert_nothing_small(cells)


def read_csv(response):
    text = b"".join(
        response.streaming_content if response.streaming else [response.content]
    )
    return list(csv.reader(io.StringIO(text.decode("utf-8-sig"))))


def numeric(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return value


def check_rows(header, rows):
    """No small count in a people column; no line that gives one away."""
    groups = {}
    for index, title in enumerate(header):
        if ":" in str(title) and not str(title).startswith("Platser"):
            groups.setdefault(str(title).split(":")[0], []).append(index)
    people = header.index("Personer")
    for row in rows:
        if len(row) < len(header):
            continue
        assert_nothing_small(
            [row[people]] + [row[i] for g in groups.values() for i in g]
        )
        for indexes in groups.values():
            parts = [numeric(row[i]) for i in indexes]
            if all(p == "" for p in parts):
                continue
            assert_not_derivable(parts, numeric(row[people]))


def test_masking_in_the_csv(client, data):
    client.force_login(county_admin())
    response = client.get(URL + "lagesbild.csv", {"lan": "12"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="lagesbild.csv"'
    header, *rows = read_csv(response)
    lund = next(row for row in rows if row[0] == "Lund")
    assert "<6" in lund
    check_rows(header, rows)
    total = rows[-1]
    assert total[0].startswith("Totalt")


def test_masking_in_the_xlsx(client, data):
    client.force_login(county_admin())
    response = client.get(URL + "lagesbild.xlsx", {"lan": "12"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="lagesbild.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [
        [cell if cell is not None else "" for cell in row]
        for row in sheet.iter_rows(values_only=True)
    ]
    header, *rows = rows
    malmo = next(row for row in rows if row[0] == "Malmö")
    assert malmo[header.index("Personer")] == 100  # a number, not text
    lund = next(row for row in rows if row[0] == "Lund")
    assert "<6" in lund
    check_rows(header, rows)
    # No cell is a formula.
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f"


def test_the_summary_downloads_hold_the_flagged_municipalities_only(client, data):
    header, *rows = read_csv(client.get(URL + "lagesbild.csv", {"lan": "12"}))
    names = [row[0] for row in rows]
    assert names[:-1] == ["Bromölla", "Kristianstad"]
    assert "Lund" not in names
    check_rows(header, rows)


def test_masking_in_the_charts(client, data):
    client.force_login(county_admin())
    html = client.get(URL, {"lan": "12"}).content.decode()
    svgs = re.findall(r'<svg class="bar-chart".*?</svg>', html, re.S)
    assert len(svgs) == 4
    for svg in svgs:
        values = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
        assert_nothing_small(values)


def test_a_ratio_of_a_hidden_count_is_not_shown(skane_forum, skane):
    fill({"1280": [3, 60, 10]})
    activity("1280", capacity=20)
    report = situation_report(place("1280"), this_month(), county_admin())
    line = line_of(report, "Malmö")
    # 73 is shown (one hidden part under a total hides another)…
    assert line.people.number == 73
    fill({"1281": [3, 0, 0]})
    activity("1281", capacity=20)
    lund = situation_report(place("1281"), this_month(), county_admin())
    # … while 3 people: no ratio, it would say how many.
    assert line_of(lund, "Lund").people.text == "<6"
    assert line_of(lund, "Lund").seats_per_100 is None


# ------------------------------------------------------------------ queries


def report_queries(client, count):
    codes = list(
        Municipality.objects.filter(county__code="12")
        .order_by("code")
        .values_list("code", flat=True)[:count]
    )
    fill({code: [10, 20, 3] for code in codes})
    for code in codes:
        activity(
            code, capacity=15, instruction_languages=[Language.objects.get(code="sv")]
        )
    client.get(URL, {"lan": "12"})  # warm-up: caches filled once per process
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL, {"lan": "12"}).status_code == 200
    return len(queries)


@pytest.mark.parametrize("role", ["anonymous", "admin"])
def test_constant_queries(client, skane_forum, django_assert_num_queries, role):
    if role == "admin":
        client.force_login(county_admin())
    small = report_queries(client, 3)
    from knowledge.followup.models import StatisticsImport, TargetGroupFigure

    TargetGroupFigure.objects.all().delete()
    StatisticsImport.objects.all().delete()
    Activity.objects.all().delete()
    codes = list(
        Municipality.objects.filter(county__code="12").values_list("code", flat=True)
    )
    fill({code: [10, 20, 3] for code in codes})
    for code in codes:
        activity(
            code, capacity=15, instruction_languages=[Language.objects.get(code="sv")]
        )
    with django_assert_num_queries(small):
        assert client.get(URL, {"lan": "12"}).status_code == 200


def test_the_whole_country_in_constant_queries(client, django_assert_num_queries):
    client.force_login(county_admin())
    fill({"1280": [10, 20, 30]})
    client.get(URL)  # warm-up
    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    fill(
        {m.code: [10, 20, 30] for m in Municipality.objects.exclude(code="1280")[:100]}
    )
    with django_assert_num_queries(len(few)):
        assert client.get(URL).status_code == 200


# ------------------------------------------------------------------ bad input


@pytest.mark.parametrize(
    "query",
    [
        {"manad": "2020-13"},
        {"manad": "x"},
        {"lan": "99"},
        {"lan": "01", "kommun": "malmoe"},
        {"kommun": "finns-inte"},
        {"delregion": "finns-inte"},
    ],
)
def test_bad_query_parameters_give_the_forms_error(client, data, query):
    for url in (URL, URL + "lagesbild.csv", URL + "lagesbild.xlsx"):
        response = client.get(url, query)
        assert response.status_code == 200
        assert "Frågan gick inte att läsa" in response.content.decode()


def test_the_form_picks_the_area_and_the_month(client, data):
    page = client.get(URL, {"kommun": "malmoe"}).content.decode()
    assert "Lägesbild: Malmö" in page
    assert Area.of(None).name == "Hela landet"


def test_no_figures_yet(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert "Det finns inga siffror om målgruppen ännu." in response.content.decode()


# ------------------------------------------------------------------ links


def test_the_desk_links_the_report_for_those_who_may_read_it(client, data, skane_forum):
    client.force_login(member_at(skane_forum, Level.INFORMATION))
    desk = client.get(
        reverse("forum:forum_detail", args=["tia-skane"])
    ).content.decode()
    assert reverse("followup:report") in desk

    FollowUpSettings.objects.create(
        county=skane_forum.county, summary_visibility=Visibility.SAMRAD
    )
    desk = client.get(
        reverse("forum:forum_detail", args=["tia-skane"])
    ).content.decode()
    assert reverse("followup:report") not in desk
    assert UserFactory  # the factories stay importable for other tests


def test_the_home_page_links_a_public_report(client, data, skane):
    from wagtail.models import Page

    home = Page.objects.get(depth=2, locale__language_code="sv").specific
    page = client.get(home.url).content.decode()
    assert f"{URL}?lan=12" in page
    FollowUpSettings.objects.create(
        county=skane, summary_visibility=Visibility.INFORMATION
    )
    assert f"{URL}?lan=12" not in client.get(home.url).content.decode()
