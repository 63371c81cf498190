"""The directory's Open Referral HSDS API at /api/hsds/: every answer keeps the
pinned version's schemas (tests/directory/hsds_schemas.py), pages and unknown
ids behave as HSDS's OpenAPI says, and only public data of published, current
activities leaves the platform.
"""

import datetime
import json
import uuid

import pytest
from django.utils import timezone

from directory import hsds
from directory.models import Activity, Language
from partners.models import ContactPerson
from tests.directory import hsds_schemas as schemas
from tests.directory.public import days, municipality, today
from tests.factories import OrganisationFactory

from .conftest import ActivityFactory, WeeklyActivityFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("skane_subregions")]

API = "/api/hsds/"


def get(client, path, **params):
    response = client.get(API + path, params)
    assert response["Content-Type"].startswith("application/json")
    return response, json.loads(response.content)


def ok(client, path, schema, **params):
    response, data = get(client, path, **params)
    assert response.status_code == 200, data
    assert response["Access-Control-Allow-Origin"] == "*"
    assert schemas.errors(schema, data) == []
    return data


@pytest.fixture
def published(directory_page):
    """A county's worth of variety: weekly, single, online, hybrid, monthly."""
    organisation = OrganisationFactory(
        name="Studieförbundet Vuxenskolan Skåne",
        email="skane@sv.example.se",
        phone="040-12 34 56",
        website="https://sv.example.se",
        description="<p>Studieförbund i hela Skåne.</p>",
    )
    contact = ContactPerson.objects.create(
        organisation=organisation,
        name="Eva Öberg",
        role="Samordnare",
        email="eva@sv.example.se",
        phone="070-111 22 33",
        visibility=ContactPerson.Visibility.PUBLIC,
    )
    weekly = WeeklyActivityFactory(
        title="Språkcafé i Ystad",
        organisation=organisation,
        contact_person=contact,
        municipality=municipality("ystad"),
        venue="Biblioteket",
        address="Surbrunnsvägen 12, 271 39 Ystad",
        latitude="55.429500",
        longitude="13.820000",
        rrule="FREQ=WEEKLY;BYDAY=TU,TH",
        exdates=[(today() + days(14)).isoformat()],
        accessibility_notes="Hiss finns.",
        languages=["sv"],
        support=["ar", "prs"],
        target_group=Activity.TargetGroup.WOMEN,
    )
    single = ActivityFactory(
        title="Informationsträff om asylprocessen",
        organisation=organisation,
        category=Activity.Category.SOCIETY,
        address="Stortorget 1",
    )
    online = ActivityFactory(
        title="Samhällsinformation digitalt",
        mode=Activity.Mode.ONLINE,
        registration_url="https://anmalan.example.se/samhalle",
        join_method=Activity.JoinMethod.REGISTRATION,
        category=Activity.Category.SOCIETY,
    )
    hybrid = WeeklyActivityFactory(
        title="Jobbspåret",
        mode=Activity.Mode.HYBRID,
        rrule="FREQ=DAILY",
        category=Activity.Category.LABOUR_MARKET,
        age_band=Activity.AgeBand.YOUNG_ADULTS,
    )
    monthly = WeeklyActivityFactory(
        title="Månadsträff",
        rrule="FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2",
        end_date=today() + days(300),
    )
    return {
        "weekly": weekly,
        "single": single,
        "online": online,
        "hybrid": hybrid,
        "monthly": monthly,
        "organisation": organisation,
    }


def sids(data):
    return [item["id"] for item in data["contents"]]


# The root


def test_root_names_the_pinned_version_and_the_licence(client, published):
    data = ok(client, "", schemas.ROOT)
    assert data["version"] == hsds.HSDS_VERSION == "3.2"
    assert f"/{data['version']}/schema/openapi.json" in data["openapi_url"]
    assert data["profile"] == "http://testserver/aktiviteter/oppna-data/"
    assert data["license"]["name"] == "CC0 1.0"


def test_the_api_has_no_language_prefix_and_speaks_swedish(client, published):
    client.cookies["django_language"] = "en"
    data = ok(client, "services", schemas.page_of(schemas.SERVICE_LIST))
    assert client.get("/en/api/hsds/").status_code == 404
    weekly = next(s for s in data["contents"] if s["name"] == "Språkcafé i Ystad")
    assert weekly["fees_description"] == "Kostnadsfri"


# Every endpoint keeps the schemas


def test_every_list_and_object_validates(client, published):
    services = ok(client, "services", schemas.page_of(schemas.SERVICE_LIST))
    assert services["total_items"] == 5
    ok(client, "services", schemas.page_of(schemas.SERVICE), full="true")
    for service_id in sids(services):
        ok(client, f"services/{service_id}", schemas.SERVICE)
    organizations = ok(
        client, "organizations", schemas.page_of(schemas.ORGANIZATION_LIST)
    )
    ok(
        client,
        "organizations",
        schemas.page_of(schemas.ORGANIZATION),
        full_service="true",
    )
    for org_id in sids(organizations):
        ok(client, f"organizations/{org_id}", schemas.ORGANIZATION)
        ok(client, f"organizations/{org_id}", schemas.ORGANIZATION, full_service="true")
    places = ok(
        client, "service_at_locations", schemas.page_of(schemas.SERVICE_AT_LOCATION)
    )
    # On site, online, and both for the hybrid one.
    assert places["total_items"] == 6
    ok(
        client,
        "service_at_locations",
        schemas.page_of(schemas.SERVICE_AT_LOCATION),
        full="true",
    )
    for place_id in sids(places):
        ok(client, f"service_at_locations/{place_id}", schemas.SERVICE_AT_LOCATION)
    taxonomies = ok(client, "taxonomies", schemas.page_of(schemas.TAXONOMY))
    assert {t["name"] for t in taxonomies["contents"]} == {
        "Område",
        "Målgrupp",
        "Ålder",
    }
    for taxonomy_id in sids(taxonomies):
        ok(client, f"taxonomies/{taxonomy_id}", schemas.TAXONOMY)
    terms = ok(client, "taxonomy_terms", schemas.page_of(schemas.TAXONOMY_TERM))
    for term_id in sids(terms):
        ok(client, f"taxonomy_terms/{term_id}", schemas.TAXONOMY_TERM)


def test_a_service_holds_what_a_visitor_needs(client, published):
    activity = published["weekly"]
    data = ok(client, f"services/{hsds.service_id(activity)}", schemas.SERVICE)
    assert data["name"] == "Språkcafé i Ystad"
    assert data["url"] == f"http://testserver/aktiviteter/aktivitet/{activity.slug}/"
    assert data["organization"]["name"] == "Studieförbundet Vuxenskolan Skåne"
    (schedule,) = data["schedules"]
    assert schedule["freq"] == "WEEKLY"
    assert schedule["byday"] == "TU,TH"
    assert schedule["opens_at"] == "17:00" and schedule["closes_at"] == "19:00"
    assert schedule["valid_from"] == activity.start_date.isoformat()
    assert schedule["until"] <= activity.end_date.isoformat()
    assert "Europe/Stockholm" in schedule["notes"]
    assert (today() + days(14)).isoformat() in schedule["notes"]
    assert {(lang["code"], lang["note"]) for lang in data["languages"]} == {
        ("sv", "Undervisningsspråk"),
        ("ar", "Stödspråk: ledare eller tolk kan hjälpa till"),
        ("prs", "Stödspråk: ledare eller tolk kan hjälpa till"),
    }
    (place,) = data["service_at_locations"]
    location = place["location"]
    assert location["latitude"] == 55.4295 and location["longitude"] == 13.82
    (address,) = location["addresses"]
    assert address["address_1"] == "Surbrunnsvägen 12"
    assert address["postal_code"] == "271 39"
    assert address["city"] == "Ystad" and address["state_province"] == "Skåne län"
    assert address["country"] == "SE"
    (contact,) = data["contacts"]
    assert contact["name"] == "Eva Öberg" and contact["email"] == "eva@sv.example.se"
    assert contact["phones"][0]["number"] == "070-111 22 33"
    codes = {a["taxonomy_term"]["code"] for a in data["attributes"]}
    assert codes == {"swedish", "women", "adults"}


def test_schedules_say_what_hsds_can_say(client, published):
    def schedule(name):
        (found,) = ok(
            client,
            f"services/{hsds.service_id(published[name])}",
            schemas.SERVICE,
        )["schedules"]
        return found

    # One session: its date, no rule.
    single = schedule("single")
    assert "freq" not in single
    assert single["valid_from"] == single["valid_to"] == single["dtstart"]
    # Every day is every day of the week in HSDS, which has no DAILY.
    assert schedule("hybrid")["byday"] == "MO,TU,WE,TH,FR,SA,SU"
    # The second Tuesday of the month.
    monthly = schedule("monthly")
    assert (monthly["freq"], monthly["byday"]) == ("MONTHLY", "2TU")


def test_online_and_hybrid_activities_have_a_virtual_location(client, published):
    online = ok(
        client, f"services/{hsds.service_id(published['online'])}", schemas.SERVICE
    )
    (place,) = online["service_at_locations"]
    assert place["location"]["location_type"] == "virtual"
    assert place["location"]["url"] == "https://anmalan.example.se/samhalle"
    assert online["additional_urls"][0]["url"] == "https://anmalan.example.se/samhalle"
    hybrid = ok(
        client, f"services/{hsds.service_id(published['hybrid'])}", schemas.SERVICE
    )
    kinds = [p["location"]["location_type"] for p in hybrid["service_at_locations"]]
    assert kinds == ["physical", "virtual"]
    assert (hybrid["minimum_age"], hybrid["maximum_age"]) == (18, 25)


# Public data only


def test_members_only_contacts_never_leave_the_platform(client, published):
    organisation = published["organisation"]
    secret = ContactPerson.objects.create(
        organisation=organisation,
        name="Hemliga Hanna",
        email="hanna@intern.example.se",
        phone="070-999 99 99",
        visibility=ContactPerson.Visibility.MEMBERS,
    )
    ActivityFactory(
        title="Med intern kontakt", organisation=organisation, contact_person=secret
    )
    seen = []
    for path, params in [
        ("services", {"full": "true"}),
        ("organizations", {"full_service": "true"}),
        ("service_at_locations", {"full": "true"}),
    ]:
        _response, data = get(client, path, **params)
        seen.append(json.dumps(data, ensure_ascii=False))
        for item_id in sids(data):
            response = client.get(f"{API}{path}/{item_id}", {"full_service": "true"})
            seen.append(response.content.decode())
    seen += [
        client.get(url).content.decode("utf-8-sig")
        for url in ("/aktiviteter/csv/", "/aktiviteter/json/")
    ]
    text = "\n".join(seen)
    assert "Eva Öberg" in text  # the public one is there
    for private in ("Hemliga Hanna", "hanna@intern.example.se", "070-999 99 99"):
        assert private not in text


def test_only_published_current_activities_are_services(client, published):
    hidden = [
        ActivityFactory(title="Utkast", status=Activity.Status.DRAFT),
        ActivityFactory(title="Inskickad", status=Activity.Status.SUBMITTED),
        ActivityFactory(title="Avslutad", status=Activity.Status.ENDED),
        ActivityFactory(
            title="Passerad", start_date=today() - days(10), end_date=today() - days(1)
        ),
    ]
    _response, data = get(client, "services", per_page=100)
    names = {service["name"] for service in data["contents"]}
    assert names == {a.title for key, a in published.items() if key != "organisation"}
    for activity in hidden:
        response, _data = get(client, f"services/{hsds.service_id(activity)}")
        assert response.status_code == 404
    # An organisation with nothing current is not published either.
    lonely = OrganisationFactory(name="Utan aktiviteter")
    response, _data = get(client, f"organizations/{hsds.organization_id(lonely)}")
    assert response.status_code == 404


def test_ids_are_stable_uuids(client, published):
    activity = published["weekly"]
    first = ok(client, "services", schemas.page_of(schemas.SERVICE_LIST))
    activity.title = "Språkcafé i Ystad, nytt namn"
    activity.save()
    again = ok(client, "services", schemas.page_of(schemas.SERVICE_LIST))
    assert sids(first) == sids(again)
    expected = uuid.uuid5(hsds.namespace(), f"service:{activity.pk}")
    assert str(expected) in sids(again)


def test_the_schemas_catch_what_hsds_forbids():
    broken = {
        "id": "42",
        "name": "Språkcafé",
        "schedules": [{"id": str(uuid.uuid4()), "freq": "DAILY", "byday": "TIS"}],
        "contacts": [{"id": str(uuid.uuid4()), "email": "inte en adress"}],
    }
    found = schemas.errors(schemas.SERVICE, broken)
    assert len(found) == 5, found  # status, id, freq, byday, email


# Pages and ids as the OpenAPI says


def test_pages(client, published):
    schema = schemas.page_of(schemas.SERVICE_LIST)
    one = ok(client, "services", schema, per_page=2)
    assert (one["total_items"], one["total_pages"], one["page_number"]) == (5, 3, 1)
    assert (one["size"], one["first_page"], one["last_page"], one["empty"]) == (
        2,
        True,
        False,
        False,
    )
    two = ok(client, "services", schema, per_page=2, page=2)
    three = ok(client, "services", schema, per_page=2, page=3)
    assert (three["size"], three["first_page"], three["last_page"]) == (1, False, True)
    # Every service once, in a stable order.
    assert len(set(sids(one) + sids(two) + sids(three))) == 5
    beyond = ok(client, "services", schema, per_page=2, page=9)
    assert beyond["contents"] == [] and beyond["empty"] is True


def test_an_empty_result(client, directory_page):
    data = ok(client, "services", schemas.page_of(schemas.SERVICE_LIST))
    assert (data["total_items"], data["size"], data["empty"]) == (0, 0, True)
    assert data["first_page"] and data["last_page"]


@pytest.mark.parametrize(
    "path",
    [
        "services",
        "organizations",
        "service_at_locations",
        "taxonomies",
        "taxonomy_terms",
    ],
)
def test_unknown_ids_answer_404(client, published, path):
    for unknown in (str(uuid.uuid4()), "inte-ett-id", "0"):
        response, data = get(client, f"{path}/{unknown}")
        assert response.status_code == 404
        assert data["error"] == "not_found"


@pytest.mark.parametrize(
    "params",
    [
        {"page": "ett"},
        {"page": "0"},
        {"per_page": "-1"},
        {"per_page": "100000"},
        {"full": "kanske"},
        {"taxonomy_id": "inte-ett-uuid"},
        {"organization_id": "'; DROP TABLE"},
        {"modified_after": "igår"},
        {"format": "xml"},
        {"search": "a" * 500},
        {"search": "nul\x00byte"},
    ],
)
def test_bad_parameters_answer_400(client, published, params):
    response, data = get(client, "services", **params)
    assert response.status_code == 400
    assert data["error"] == "bad_request"
    assert set(data["detail"]) == set(params)


def test_writes_are_not_offered(client, published):
    assert client.post(API + "services", {}).status_code == 405


# Filters


def test_filters_are_cumulative(client, published):
    schema = schemas.page_of(schemas.SERVICE_LIST)
    society = hsds.taxonomies()[0].term_id(Activity.Category.SOCIETY)
    data = ok(client, "services", schema, taxonomy_term_id=society)
    assert {s["name"] for s in data["contents"]} == {
        "Informationsträff om asylprocessen",
        "Samhällsinformation digitalt",
    }
    org_id = hsds.organization_id(published["organisation"])
    data = ok(
        client, "services", schema, taxonomy_term_id=society, organization_id=org_id
    )
    assert [s["name"] for s in data["contents"]] == [
        "Informationsträff om asylprocessen"
    ]
    assert ok(client, "services", schema, search="språkcafé")["total_items"] == 1
    assert ok(client, "services", schema, taxonomy_id=str(uuid.uuid4()))["empty"]
    assert ok(client, "services", schema, organization_id=str(uuid.uuid4()))["empty"]
    later = (timezone.now() + datetime.timedelta(hours=1)).isoformat()
    assert ok(client, "services", schema, modified_after=later)["empty"]
    organizations = ok(
        client,
        "organizations",
        schemas.page_of(schemas.ORGANIZATION_LIST),
        taxonomy_term_id=society,
        search="vuxenskolan",
    )
    assert [o["name"] for o in organizations["contents"]] == [
        "Studieförbundet Vuxenskolan Skåne"
    ]
    taxonomy = hsds.taxonomies()[1]
    terms = ok(
        client,
        "taxonomy_terms",
        schemas.page_of(schemas.TAXONOMY_TERM),
        taxonomy_id=taxonomy.id,
    )
    assert {t["code"] for t in terms["contents"]} == {"everyone", "women", "men"}


# Queries


def _bulk(count, organisation, offset=0):
    swedish = Language.objects.get(code="sv")
    activities = Activity.objects.bulk_create(
        Activity(
            title=f"Massaktivitet {offset + n}",
            slug=f"mass-{offset + n}",
            summary="Samma sak många gånger.",
            organisation=organisation if n % 3 else OrganisationFactory(),
            category=Activity.Category.SOCIAL,
            municipality=municipality("malmoe"),
            mode=Activity.Mode.HYBRID if n % 4 == 0 else Activity.Mode.IN_PERSON,
            start_date=today() - days(n % 20),
            end_date=today() + days(90),
            start_time=datetime.time(10, 0),
            rrule="FREQ=WEEKLY" if n % 2 else "",
            status=Activity.Status.PUBLISHED,
            published_at=timezone.now(),
        )
        for n in range(count)
    )
    through = Activity.instruction_languages.through
    through.objects.bulk_create(
        through(activity_id=a.pk, language_id=swedish.pk) for a in activities
    )


@pytest.mark.parametrize(
    "path, params",
    [
        ("services", {"full": "true"}),
        ("organizations", {"full_service": "true"}),
        ("service_at_locations", {"full": "true"}),
    ],
)
def test_query_count_does_not_grow_with_the_data(
    client, directory_page, django_assert_max_num_queries, path, params
):
    organisation = OrganisationFactory()
    _bulk(10, organisation)
    client.get(API + path, params)  # warm the site and page caches
    with django_assert_max_num_queries(12) as small:
        client.get(API + path, params)
    _bulk(290, organisation, offset=10)
    with django_assert_max_num_queries(12) as large:
        response = client.get(API + path, params)
    assert json.loads(response.content)["size"] == 50
    assert len(small.captured_queries) == len(large.captured_queries)
