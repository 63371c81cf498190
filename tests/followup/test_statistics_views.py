"""The statistics page: county staff upload, see rejected rows or what was
replaced, and the history; a link from the forum's desk and the admin menu."""

import csv
import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from core.geography.models import County, Municipality
from forum.models import Level
from knowledge.followup.factories_statistics import (
    StatisticsImportFactory,
    csv_file,
    row,
    xlsx_file,
)
from knowledge.followup.imports import import_statistics
from knowledge.followup.models import StatisticsImport, TargetGroupFigure
from tests.factories import (
    ForumFactory,
    MembershipFactory,
    ParticipationFactory,
    county_admin,
)

pytestmark = pytest.mark.django_db
URL = "/uppfoljning/statistik/"


def last_month():
    return (timezone.localdate().replace(day=1) - datetime.timedelta(days=1)).replace(
        day=1
    )


@pytest.fixture
def admin(client):
    user = county_admin()
    client.force_login(user)
    return user


@pytest.fixture
def malmo():
    return Municipality.objects.get(code="1280")


def post(client, content, name="statistik.csv", county="12"):
    return client.post(
        URL, {"county": county, "file": SimpleUploadedFile(name, content)}
    )


def test_a_county_admin_uploads_and_sees_what_was_replaced(client, admin, malmo):
    rows = [row(malmo, last_month(), 8), row(malmo, last_month(), "..", sex="Män")]
    response = post(client, csv_file(rows))
    assert response.status_code == 302
    assert response["Location"] == URL
    page = client.get(URL).content.decode()
    assert "statistik.csv är uppladdad för Skåne län: 2 rader" in page
    assert "(1 maskerade). 0 tidigare rader" in page
    assert TargetGroupFigure.objects.count() == 2
    record = StatisticsImport.objects.get()
    assert record.uploaded_by == admin
    # Again: the month is replaced.
    post(client, csv_file(rows[:1]), name="ny.csv")
    page = client.get(URL).content.decode()
    assert "2 tidigare rader för samma månader ersattes" in page
    assert "ny.csv" in page and "statistik.csv" in page


def test_an_xlsx_with_a_formula_is_shown_as_a_rejected_row(client, admin, malmo):
    rows = [row(malmo, last_month(), 8), row(malmo, last_month(), "=5+1", sex="Män")]
    response = post(client, xlsx_file(rows), name="statistik.xlsx")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Inget har ändrats" in html
    assert "<td>3</td><td>Raden innehåller en formel." in html
    assert not TargetGroupFigure.objects.exists()


def test_rejected_rows_are_listed_the_first_hundred_and_a_count(client, admin, malmo):
    rows = [row(malmo, last_month(), -i - 1, sex="Män") for i in range(130)]
    response = post(client, csv_file(rows))
    assert response.status_code == 200
    assert len(response.context["errors"]) == 100
    assert "Och 30 fel till." in response.content.decode()


@pytest.mark.parametrize(
    "content",
    [b"", b"\xff\xfe\x00garbage", b"PK\x03\x04broken", b"kommun;antal\r\n"],
)
def test_broken_files_give_a_message_never_a_500(client, admin, content):
    response = post(client, content)
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not StatisticsImport.objects.exists()


def test_no_file_or_an_unknown_county_is_a_form_error(client, admin):
    response = client.post(URL, {"county": "99"})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"county", "file"}


def test_the_county_is_chosen_from_the_link_else_the_convened_forum(client, admin):
    def chosen(url):
        return client.get(url).context["form"]["county"].value()

    assert chosen(URL + "?lan=01") == "01"
    assert chosen(URL + "?lan=zz") == "12"
    ForumFactory(county=County.objects.get(code="03")).conveners.add(admin)
    assert chosen(URL) == "03"


def test_a_member_gets_403_and_a_visitor_the_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    organisation = ParticipationFactory(level=Level.PARTNERSKAP).organisation
    client.force_login(MembershipFactory(organisation=organisation).user)
    assert client.get(URL).status_code == 403
    assert post(client, b"x").status_code == 403


def test_the_example_file_has_the_header_and_two_rows_that_import(client, admin):
    response = client.get(reverse("followup:statistics_template"))
    assert response.status_code == 200
    content = response.content
    assert content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["län", "kommun", "månad"]
    assert len(rows) == 3
    page = client.get(URL).content.decode()
    assert reverse("followup:statistics_template") in page
    # The example imports as it is (written with ',' by core.csv).
    record = import_statistics(
        SimpleUploadedFile("mall.csv", content),
        county=County.objects.get(code="12"),
        by=admin,
    )
    assert (record.row_count, record.masked_count) == (2, 1)


def test_the_example_file_is_in_swedish_whatever_the_language(client, admin):
    response = client.get("/en" + reverse("followup:statistics_template"))
    if response.status_code == 404:  # an unprefixed route
        response = client.get(
            reverse("followup:statistics_template"), HTTP_ACCEPT_LANGUAGE="en"
        )
    assert "Asylsökande" in response.content.decode("utf-8-sig")


@pytest.mark.parametrize("count", [3, 30])
def test_the_history_keeps_a_constant_number_of_queries(
    client, admin, django_assert_max_num_queries, count
):
    for _ in range(count):
        StatisticsImportFactory(uploaded_by=county_admin(), months=["2025-01"])
    with django_assert_max_num_queries(20):
        response = client.get(URL)
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == min(count, 20)


def test_the_desk_links_the_page_for_county_admins_only(client, admin):
    forum = ForumFactory()
    response = client.get(reverse("forum:forum_detail", args=[forum.slug]))
    link = f"{URL}?lan={forum.county.code}"
    assert link in response.content.decode()
    assert client.get(link).status_code == 200
    member = MembershipFactory(
        organisation=ParticipationFactory(
            forum=forum, level=Level.PARTNERSKAP
        ).organisation
    ).user
    convener = MembershipFactory().user
    forum.conveners.add(convener)
    for user in (member, convener):
        client.force_login(user)
        html = client.get(reverse("forum:forum_detail", args=[forum.slug])).content
        assert URL.encode() not in html


def test_the_admin_menu_has_the_page_for_county_admins(client, admin):
    response = client.get("/admin/")
    assert URL.encode() in response.content
