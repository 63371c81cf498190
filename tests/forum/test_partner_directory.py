"""The members-only partner directory, organisation pages and the CSV export."""

import csv
import io

import pytest

from core.geography.models import Municipality
from forum.models import Level, LevelChange, Participation
from partners.models import ContactPerson, Organisation
from tests.factories import (
    ForumFactory,
    MembershipFactory,
    OrganisationFactory,
    ParticipationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def forum():
    return ForumFactory(slug="tia-skane", name="TIA Skåne")


def member_of(forum, level=Level.INFORMATION):
    participation = ParticipationFactory(forum=forum, level=level)
    return MembershipFactory(organisation=participation.organisation).user


def url(forum, suffix=""):
    return f"/forum/{forum.slug}/partner/{suffix}"


def test_directory_groups_organisations_by_level(client, forum):
    ParticipationFactory(
        forum=forum, level=Level.PARTNERSKAP, organisation__name="Röda Korset"
    )
    ParticipationFactory(forum=forum, level=Level.SAMRAD, organisation__name="ABF")
    client.force_login(member_of(forum))
    text = client.get(url(forum)).content.decode()
    assert text.index("Partnerskap") < text.index("Röda Korset")
    assert text.index("Röda Korset") < text.index("Samråd") < text.index("ABF")
    assert "3 organisationer" in text


def test_filters_by_subregion_municipality_kind_and_text(client, forum):
    malmo = Municipality.objects.get(name="Malmö")
    lund = Municipality.objects.get(name="Lund")
    in_malmo = ParticipationFactory(
        forum=forum, organisation__name="Malmö Ideella", organisation__kind="non_profit"
    ).organisation
    in_malmo.municipalities.add(malmo)
    in_lund = ParticipationFactory(
        forum=forum,
        organisation__name="Folkuniversitetet",
        organisation__kind="study_association",
        organisation__description="Svenska för nyanlända",
    ).organisation
    in_lund.municipalities.add(lund)
    client.force_login(member_of(forum))

    def names(**params):
        response = client.get(url(forum), params)
        assert response.status_code == 200
        return {
            p.organisation.name
            for _, items in response.context["groups"]
            for p in items
        }

    assert "Malmö Ideella" in names(municipality="malmoe")
    assert "Folkuniversitetet" not in names(municipality="malmoe")
    assert names(kind="study_association") == {"Folkuniversitetet"}
    assert names(q="nyanlända") == {"Folkuniversitetet"}


@pytest.mark.parametrize(
    "params",
    [
        {"municipality": "atlantis"},
        {"subregion": "9999"},
        {"kind": "<script>"},
        {"q": "x" * 500},
    ],
)
def test_unknown_filter_values_are_ignored_with_a_note(client, forum, params):
    client.force_login(member_of(forum))
    response = client.get(url(forum), params)
    assert response.status_code == 200
    assert "användes inte" in response.content.decode()
    assert response.context["count"] == 1  # the member's own organisation


def test_organisation_page_shows_contacts_and_level_history(client, forum):
    participation = ParticipationFactory(forum=forum, level=Level.DIALOG)
    organisation = participation.organisation
    ContactPerson.objects.create(
        organisation=organisation,
        name="Leila Nasser",
        email="leila@example.org",
        scope="regional",
        visibility="members",
    )
    client.force_login(member_of(forum))
    response = client.get(url(forum, f"{organisation.slug}/"))
    text = response.content.decode()
    assert "Leila Nasser" in text and "leila@example.org" in text
    assert LevelChange.objects.filter(organisation=organisation).exists()
    assert "Nivåhistorik" in text and "Dialog" in text


def test_organisation_outside_the_forum_is_not_found(client, forum):
    outsider = OrganisationFactory()
    client.force_login(member_of(forum))
    assert client.get(url(forum, f"{outsider.slug}/")).status_code == 404


def test_conveners_export_the_directory_as_csv(client, forum):
    ParticipationFactory(
        forum=forum, level=Level.SAMRAD, organisation__name="Bilda Syd"
    )
    convener = UserFactory()
    forum.conveners.add(convener)
    client.force_login(convener)
    response = client.get(url(forum, "export.csv"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["organisation", "organisationsnummer", "typ", "nivå"]
    assert ["Bilda Syd", "", "Idéburen organisation", "Samråd"] == rows[1][:4]


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_the_directory_csv_never_starts_a_formula(client, forum, start):
    ParticipationFactory(
        forum=forum, level=Level.SAMRAD, organisation__name=f"{start}HYPERLINK(1)"
    )
    convener = UserFactory()
    forum.conveners.add(convener)
    client.force_login(convener)
    response = client.get(url(forum, "export.csv"))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][0] == f"'{start}HYPERLINK(1)"


def make_organisations(forum, count, start=0):
    organisations = Organisation.objects.bulk_create(
        [
            Organisation(
                name=f"Org {forum.pk}-{i}", slug=f"org-{forum.pk}-{i}", kind="other"
            )
            for i in range(start, start + count)
        ]
    )
    Participation.objects.bulk_create(
        [
            Participation(organisation=o, forum=forum, level=(i % 4) + 1)
            for i, o in enumerate(organisations)
        ]
    )
    subregion = Municipality.objects.get(name="Malmö").county.subregions.first()
    if subregion:
        for organisation in organisations[:5]:
            organisation.subregions.add(subregion)


def test_directory_runs_a_constant_number_of_queries(
    client, forum, django_assert_max_num_queries
):
    user = member_of(forum)
    client.force_login(user)
    make_organisations(forum, 10)
    client.get(url(forum))  # the first request creates the site's contact settings
    with django_assert_max_num_queries(20) as small:
        assert client.get(url(forum)).status_code == 200
    make_organisations(forum, 490, start=10)
    with django_assert_max_num_queries(20) as large:
        response = client.get(url(forum))
    assert response.context["count"] == 501
    assert len(large.captured_queries) == len(small.captured_queries)


def test_organisations_of_one_level_are_in_swedish_order(client, forum):
    for name in ["Örkelljunga kommun", "Åstorps kommun", "Ängelholms bibliotek"]:
        ParticipationFactory(forum=forum, level=Level.DIALOG, organisation__name=name)
    ParticipationFactory(
        forum=forum, level=Level.DIALOG, organisation__name="Ystads folkhögskola"
    )
    client.force_login(member_of(forum))
    response = client.get(url(forum))
    dialog = dict(response.context["groups"])[Level.DIALOG]
    assert [p.organisation.name for p in dialog] == [
        "Ystads folkhögskola",
        "Åstorps kommun",
        "Ängelholms bibliotek",
        "Örkelljunga kommun",
    ]
    export = url(forum, "export.csv")
    convener = UserFactory()
    forum.conveners.add(convener)
    client.force_login(convener)
    rows = list(csv.reader(io.StringIO(client.get(export).content.decode("utf-8-sig"))))
    names = [row[0] for row in rows[1:] if row[3] == "Dialog"]
    assert names == [
        "Ystads folkhögskola",
        "Åstorps kommun",
        "Ängelholms bibliotek",
        "Örkelljunga kommun",
    ]
