"""Uploading Migrationsverket's target-group figures: every row checked, all or
nothing, each rejected row reported with its number and reason."""

import datetime
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from core.geography.models import County, Municipality
from knowledge.followup import imports
from knowledge.followup.factories_statistics import (
    TargetGroupFigureFactory,
    csv_file,
    every_cell,
    fictional_csv,
    row,
    xlsx_file,
)
from knowledge.followup.imports import (
    ImportRejected,
    Municipalities,
    import_statistics,
    municipality_key,
    parse_month,
)
from knowledge.followup.models import (
    Accommodation,
    AgeBand,
    Category,
    Sex,
    StatisticsImport,
    TargetGroupFigure,
)
from tests.factories import county_admin

pytestmark = pytest.mark.django_db


def months_ago(n):
    """The first of the month ``n`` months before this one."""
    month = timezone.localdate().replace(day=1)
    for _ in range(n):
        month = (month - datetime.timedelta(days=1)).replace(day=1)
    return month


@pytest.fixture
def skane():
    return County.objects.get(code="12")


@pytest.fixture
def malmo():
    return Municipality.objects.get(code="1280")


@pytest.fixture
def lund():
    return Municipality.objects.get(code="1281")


@pytest.fixture
def admin():
    return county_admin()


def upload(content, name="statistik.csv"):
    return SimpleUploadedFile(name, content)


def rejected(content, county, name="statistik.csv", by=None):
    """The errors as {row: [messages]} of a file that must be refused."""
    before = TargetGroupFigure.objects.count(), StatisticsImport.objects.count()
    with pytest.raises(ImportRejected) as caught:
        import_statistics(upload(content, name), county=county, by=by)
    after = TargetGroupFigure.objects.count(), StatisticsImport.objects.count()
    assert after == before, "half-imported"
    errors = {}
    for error in caught.value.errors:
        errors.setdefault(error.row, []).append(error.message)
    return errors


def good_rows(municipality, month):
    return [
        row(municipality, month, 10 + i, sex=sex.label, age_band=age.label)
        for i, (sex, age) in enumerate((sex, age) for sex in Sex for age in AgeBand)
    ]


def test_a_good_csv_is_applied_and_kept_with_who_and_counts(skane, malmo, admin):
    month = months_ago(1)
    record = import_statistics(
        upload(csv_file(good_rows(malmo, month))), county=skane, by=admin
    )
    assert record.uploaded_by == admin
    assert record.file_name == "statistik.csv"
    assert record.months == [f"{month:%Y-%m}"]
    assert (record.row_count, record.masked_count, record.replaced_count) == (
        10,
        0,
        0,
    )
    figure = TargetGroupFigure.objects.get(
        municipality=malmo, sex=Sex.MEN, age_band=AgeBand.FROM_18
    )
    assert figure.count == 15
    assert figure.month == month
    assert figure.category == Category.ASYLUM_SEEKERS
    assert figure.accommodation == Accommodation.MIGRATIONSVERKET
    assert figure.source == record


@pytest.mark.parametrize(
    ("delimiter", "bom"), [(";", True), (";", False), (",", True), (",", False)]
)
def test_csv_with_or_without_bom_and_either_separator(skane, malmo, delimiter, bom):
    content = csv_file(good_rows(malmo, months_ago(2)), delimiter=delimiter, bom=bom)
    record = import_statistics(upload(content), county=skane, by=None)
    assert record.row_count == 10


def test_a_good_xlsx_is_applied(skane, malmo, lund):
    month = months_ago(1)
    rows = good_rows(malmo, month) + [
        # Numbers as a spreadsheet keeps them: the code without its leading
        # zero lost, the month as a date.
        [
            12,
            1281,
            datetime.datetime(month.year, month.month, 1),
            "asylsökande",
            "ABO",
            "K",
            "18-24",
            7,
        ],
    ]
    record = import_statistics(
        upload(xlsx_file(rows), "statistik.xlsx"), county=skane, by=None
    )
    assert record.row_count == 11
    assert TargetGroupFigure.objects.get(municipality=lund).count == 7


def test_an_xlsx_with_a_formula_is_refused_and_nothing_evaluated(skane, malmo):
    month = months_ago(1)
    rows = good_rows(malmo, month)
    rows[3][7] = "=1+2"
    rows[6][1] = '=HYPERLINK("http://example.org","Malmö")'
    errors = rejected(xlsx_file(rows), skane, "formel.xlsx")
    assert set(errors) == {5, 8}
    assert "formel" in errors[5][0]


def test_a_formula_in_a_csv_is_refused(skane, malmo):
    rows = good_rows(malmo, months_ago(1))
    rows[0][7] = "=2+3"
    errors = rejected(csv_file(rows), skane)
    assert set(errors) == {2}
    assert "formel" in errors[2][0]


def test_wrong_columns_refuse_the_whole_file(skane, malmo):
    rows = [r[:7] for r in good_rows(malmo, months_ago(1))]
    header = [*imports.HEADER[:6], "ålder i år"]
    errors = rejected(csv_file(rows, header=header), skane)
    assert list(errors) == [1]
    text = " ".join(errors[1])
    assert "ålder i år" in text
    assert "antal" in text


def test_headers_in_any_order_and_case(skane, malmo):
    order = [7, 0, 6, 5, 4, 3, 2, 1]
    rows = [[r[i] for i in order] for r in good_rows(malmo, months_ago(1))]
    header = [imports.HEADER[i].upper() for i in order]
    assert (
        import_statistics(
            upload(csv_file(rows, header=header)), county=skane, by=None
        ).row_count
        == 10
    )


def test_each_bad_row_is_reported_with_its_number(skane, malmo):
    month = months_ago(1)
    future = timezone.localdate().replace(day=28) + datetime.timedelta(days=5)
    rows = good_rows(malmo, month)
    rows[0][1] = "Atlantis"  # row 2
    rows[1][7] = -3  # row 3
    rows[2][7] = "tolv"  # row 4
    rows[3][2] = f"{future:%Y-%m}"  # row 5
    rows[4][2] = "2025-13"  # row 6
    rows[5][3] = "turister"  # row 7
    rows[6][1] = "Göteborg"  # row 8: another county
    rows[7][7] = ""  # row 9
    rows.insert(8, [""] * 8)  # a blank row 10 is skipped
    rows.append(list(rows[10]))  # row 13 repeats row 12
    errors = rejected(csv_file(rows), skane)
    assert set(errors) == {2, 3, 4, 5, 6, 7, 8, 9, 13}
    assert "Atlantis" in errors[2][0]
    assert "negativt" in errors[3][0]
    assert "heltal" in errors[4][0]
    assert "inte kommit" in errors[5][0]
    assert "Okänd månad" in errors[6][0]
    assert "turister" in errors[7][0]
    assert "Västra Götalands län" in errors[8][0]
    assert "Antal saknas" in errors[9][0]
    assert "rad 12" in errors[13][0]


def test_a_row_of_another_county_is_refused(skane, malmo):
    rows = good_rows(malmo, months_ago(1))
    rows[0][0] = "Stockholms län"
    rows[1][0] = "Skånes län"
    rows[2][0] = "12"
    rows[3][0] = ""
    errors = rejected(csv_file(rows[:1]), skane)
    assert "Stockholms län" in errors[2][0]
    assert (
        import_statistics(upload(csv_file(rows[1:])), county=skane, by=None).row_count
        == 9
    )


def test_the_current_month_is_accepted_and_the_next_is_not(skane, malmo):
    this_month = timezone.localdate().replace(day=1)
    assert import_statistics(
        upload(csv_file(good_rows(malmo, this_month))), county=skane, by=None
    ).months == [f"{this_month:%Y-%m}"]
    next_month = (this_month + datetime.timedelta(days=32)).replace(day=1)
    assert set(rejected(csv_file(good_rows(malmo, next_month)), skane)) == set(
        range(2, 12)
    )


def test_masked_values_stay_masked(skane, malmo):
    rows = good_rows(malmo, months_ago(1))
    rows[0][7] = ".."
    rows[1][7] = " .. "
    record = import_statistics(upload(csv_file(rows)), county=skane, by=None)
    assert record.masked_count == 2
    masked = TargetGroupFigure.objects.filter(count__isnull=True)
    assert masked.count() == 2
    assert all(figure.masked for figure in masked)


def test_reimporting_a_month_replaces_it_and_leaves_other_months(skane, malmo, lund):
    month, earlier = months_ago(1), months_ago(2)
    import_statistics(
        upload(csv_file(good_rows(malmo, month) + good_rows(lund, earlier))),
        county=skane,
        by=None,
    )
    second = import_statistics(
        upload(csv_file(good_rows(lund, month)[:4])), county=skane, by=None
    )
    assert second.replaced_count == 10
    assert second.months == [f"{month:%Y-%m}"]
    this = TargetGroupFigure.objects.filter(month=month)
    assert set(this.values_list("municipality__code", flat=True)) == {"1281"}
    assert this.count() == 4
    assert TargetGroupFigure.objects.filter(month=earlier).count() == 10
    assert StatisticsImport.objects.count() == 2


def test_other_counties_figures_are_not_replaced(skane, malmo):
    month = months_ago(1)
    gothenburg = Municipality.objects.get(code="1480")
    TargetGroupFigureFactory(municipality=gothenburg, month=month)
    record = import_statistics(
        upload(csv_file(good_rows(malmo, month))), county=skane, by=None
    )
    assert record.replaced_count == 0
    assert TargetGroupFigure.objects.filter(municipality=gothenburg).count() == 1


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Malmö stad", "1280"),
        ("MALMÖ", "1280"),
        ("  malmö  ", "1280"),
        ("Helsingborgs kommun", "1283"),
        ("Helsingborgs stad", "1283"),
        ("Upplands-Väsby", "0114"),
        ("Upplands Väsby kommun", "0114"),
        ("Upplands Bro", "0139"),
        ("114", "0114"),
        ("0114", "0114"),
        ("1280 Malmö", "1280"),
        ("Borås stad", "1490"),
        ("Falu kommun", "2080"),
        ("Region Gotland", "0980"),
        ("Göteborgs Stad", "1480"),
        ("Dals-Eds kommun", "1438"),
        ("Lilla Edets kommun", "1462"),
        ("Ängelholms kommun", "1292"),
        ("Malmo", "1280"),
        ("Hoganas", "1284"),
        ("Håbo", "0305"),
        ("Habo", "0643"),
    ],
)
def test_migrationsverkets_spellings_of_municipalities(written, code):
    assert Municipalities().find(written).code == code


@pytest.mark.parametrize("written", ["Atlantis", "Malmöö", "9999", "", "kommun"])
def test_unknown_municipalities(written):
    assert Municipalities().find(written) is None


def test_no_two_municipalities_share_a_key_with_or_without_genitive_s():
    keys = [municipality_key(m.name) for m in Municipality.objects.all()]
    assert len(set(keys)) == 290
    assert not {key + "s" for key in keys} & set(keys)


def test_the_municipalities_are_read_in_one_query(django_assert_num_queries):
    with django_assert_num_queries(1):
        found = Municipalities()
        for name in ("Malmö", "Lund", "Helsingborgs kommun", "Atlantis"):
            found.find(name)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-03", (2026, 3)),
        ("2026-3", (2026, 3)),
        ("202603", (2026, 3)),
        ("2026-03-01", (2026, 3)),
        (datetime.date(2026, 3, 15), (2026, 3)),
        ("mars", None),
        ("2026-00", None),
        ("2026-02-30", None),
        ("1899-01", None),
        (None, None),
    ],
)
def test_months(value, expected):
    month = parse_month(value)
    assert (month and (month.year, month.month)) == expected


@pytest.mark.parametrize(
    ("column", "written", "expected"),
    [
        (3, "Asylsökande", Category.ASYLUM_SEEKERS),
        (3, "asylum_seekers", Category.ASYLUM_SEEKERS),
        (3, "Personer med tillfälligt skydd", Category.TEMPORARY_PROTECTION),
        (3, "massflyktsdirektivet", Category.TEMPORARY_PROTECTION),
        (
            3,
            "Personer med uppehållstillstånd i Migrationsverkets boende",
            Category.PERMIT_HOLDERS,
        ),
        (4, "Anläggningsboende", Accommodation.MIGRATIONSVERKET),
        (4, "EBO", Accommodation.OWN),
        (4, "Övrigt boende", Accommodation.OTHER),
        (5, "kvinnor", Sex.WOMEN),
        (5, "M", Sex.MEN),
        (6, "18–24 år", AgeBand.FROM_18),
        (6, "45 - 64", AgeBand.FROM_45),
        (6, "65+", AgeBand.FROM_65),
        (6, "65 år och äldre", AgeBand.FROM_65),
    ],
)
def test_codes_labels_and_migrationsverkets_words(
    skane, malmo, column, written, expected
):
    values = row(malmo, months_ago(1), 9)
    values[column] = written
    import_statistics(upload(csv_file([values])), county=skane, by=None)
    figure = TargetGroupFigure.objects.get()
    field = {3: "category", 4: "accommodation", 5: "sex", 6: "age_band"}[column]
    assert getattr(figure, field) == expected


def test_counts_with_a_thousands_space_or_decimals_of_zero(skane, malmo):
    rows = good_rows(malmo, months_ago(1))
    rows[0][7] = "1 234"
    rows[1][7] = "12,0"
    rows[2][7] = "2.5"
    errors = rejected(csv_file(rows), skane)
    assert set(errors) == {4}
    rows[2][7] = "2"
    import_statistics(upload(csv_file(rows)), county=skane, by=None)
    assert set(TargetGroupFigure.objects.values_list("count", flat=True)) >= {1234, 12}


def test_a_file_in_another_encoding_gets_a_clear_error(skane, malmo):
    content = csv_file(good_rows(malmo, months_ago(1)), bom=False)
    content = content.decode().encode("cp1252")
    errors = rejected(content, skane)
    assert "UTF-8" in errors[None][0]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "tom"),
        (b"\xd0\xcf\x11\xe0 old excel", ".xls"),
        (b"PK\x03\x04 not really a zip", "Excel"),
        (csv_file([]), "inga rader"),
    ],
)
def test_files_that_cannot_be_read(skane, content, words):
    errors = rejected(content, skane)
    assert words in " ".join(sum(errors.values(), []))


def test_too_large_a_file_is_refused(skane, monkeypatch):
    monkeypatch.setattr(imports, "MAX_BYTES", 100)
    errors = rejected(b"x" * 101, skane)
    assert "större" in errors[None][0]


def test_too_many_rows_are_refused(skane, malmo, monkeypatch):
    monkeypatch.setattr(imports, "MAX_ROWS", 5)
    errors = rejected(csv_file(good_rows(malmo, months_ago(1))), skane)
    assert "fler än 5 rader" in errors[None][0]


def test_a_year_of_a_whole_county_imports_quickly(skane):
    municipalities = list(
        Municipality.objects.in_county(skane).select_related("county")
    )
    months = [months_ago(n) for n in range(12, 0, -1)]
    content = fictional_csv(municipalities, months)
    started = time.monotonic()
    record = import_statistics(upload(content), county=skane, by=None)
    elapsed = time.monotonic() - started
    assert record.row_count == 33 * 12 * len(list(every_cell())) == 35640
    assert 0 < record.masked_count < 1000
    assert TargetGroupFigure.objects.count() == 35640
    # Generous for a shared machine; about 3 s here.
    assert elapsed < 30
