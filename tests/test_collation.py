"""Lists sorted by name follow Swedish order, on SQLite and on PostgreSQL alike.

The expected order is ICU's Swedish collation (``sv-SE``), which PostgreSQL
uses; on SQLite ``core.collation.sort_key`` has to give the same answer.
"""

import random
from functools import cmp_to_key

import pytest
from django.db import connection

from core.collation import compare, sort_key, swedish
from core.geography.models import County, Municipality, SubRegion
from core.users.models import User, by_name
from partners.models import Organisation
from tests.factories import OrganisationFactory, UserFactory

# As ICU's Swedish collation orders them: Å, Ä, Ö after Z; upper and lower
# case together; é as e, ü as y, æ as ä, ø as ö; w apart from v.
SWEDISH_ORDER = [
    "abf",
    "ABF Skåne",
    "Anna Berg",
    "Anna-Karin",
    "Annika",
    "Arbetsförmedlingen",
    "Elin Berg",
    "Élise Andersson",
    "Eriksson",
    "Eslöv",
    "Hörby",
    "Höör",
    "Lund",
    "Malmö",
    "Mylla",
    "Müller",
    "Myrberg",
    "Mæhle",
    "Mälaren",
    "Møller",
    "Mörk",
    "Vallin",
    "Wallin",
    "Ystad",
    "Zetterberg",
    "Zoë",
    "Zoe Ali",
    "Åstorp",
    "Ängelholm",
    "Øberg",
    "Ödeshög",
    "Örkelljunga",
    "Östberg",
    "Östra Göinge",
]


def shuffled(names):
    names = list(names)
    random.Random(5).shuffle(names)
    return names


def test_sort_key_orders_names_as_swedish_does():
    assert sorted(shuffled(SWEDISH_ORDER), key=sort_key) == SWEDISH_ORDER


def test_strings_that_differ_never_compare_equal():
    # Composed and decomposed é: equal in every level, told apart by code points.
    assert compare("Ren\u00e9", "Rene\u0301") != 0
    assert compare("René", "René") == 0
    assert compare("anna", "Anna") < 0 < compare("Anna", "anna")


@pytest.mark.django_db
def test_database_orders_organisations_in_swedish(client):
    for name in shuffled(SWEDISH_ORDER):
        OrganisationFactory(name=name)
    names = list(Organisation.objects.values_list("name", flat=True))
    assert names == SWEDISH_ORDER
    descending = Organisation.objects.order_by(swedish("name").desc())
    assert list(descending.values_list("name", flat=True)) == SWEDISH_ORDER[::-1]


@pytest.mark.django_db
def test_database_and_sort_key_agree_on_every_municipality_and_county():
    for model in (Municipality, County):
        names = list(model.objects.values_list("name", flat=True))
        assert len(names) > 20
        assert names == sorted(names, key=cmp_to_key(compare)), model


@pytest.mark.django_db
def test_skane_municipalities_with_a_ring_or_dots_come_after_ystad():
    skane = Municipality.objects.filter(county__code="12")
    names = list(skane.values_list("name", flat=True))
    assert names[-5:] == ["Ystad", "Åstorp", "Ängelholm", "Örkelljunga", "Östra Göinge"]


@pytest.mark.django_db
def test_sub_regions_are_in_swedish_order_within_each_county():
    county = County.objects.get(code="12")
    for name in ["Östra Skåne", "Ystadsområdet", "Åsbo"]:
        SubRegion.objects.create(county=county, name=name, slug=name.lower()[:3])
    names = list(SubRegion.objects.filter(county=county).values_list("name", flat=True))
    assert (
        names.index("Ystadsområdet") < names.index("Åsbo") < names.index("Östra Skåne")
    )


@pytest.mark.django_db
def test_people_are_listed_by_the_name_the_site_shows():
    made = [
        UserFactory(first_name=first, last_name=last).pk
        for first, last in [("Örjan", "Berg"), ("Åsa", "Lind"), ("anna", "Öberg")]
    ]
    made.append(UserFactory(first_name="", last_name="", email="bo@example.org").pk)
    people = User.objects.filter(pk__in=made).order_by(*by_name())
    people = [str(user) for user in people]
    assert people == ["anna Öberg", "bo@example.org", "Åsa Lind", "Örjan Berg"]


@pytest.mark.django_db
def test_the_database_in_use_knows_the_collation_by_its_name():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT x FROM (SELECT 'Ängelholm' AS x UNION ALL SELECT 'Åstorp' "
            "UNION ALL SELECT 'Ystad') AS t ORDER BY x COLLATE \"sv_se\""
        )
        assert [row[0] for row in cursor.fetchall()] == ["Ystad", "Åstorp", "Ängelholm"]
