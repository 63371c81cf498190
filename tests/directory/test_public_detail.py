"""One activity's public page (what it shows, its JSON-LD) and the travel
reimbursement note and routes page.
"""

import json
import re

import pytest

from directory.models import Activity, TravelRoute
from partners.models import ContactPerson
from tests.directory.public import (
    LIST_URL,
    days,
    detail_url,
    ics_url,
    municipality,
    today,
)
from tests.factories import OrganisationFactory

from .conftest import ActivityFactory, WeeklyActivityFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("skane_subregions")]


# One activity


def test_detail_shows_the_activity(client, directory_page):
    organisation = OrganisationFactory(
        name="Studieförbundet Vuxenskolan", email="info@sv.example"
    )
    start = today() - days(today().weekday()) + days(1)  # Tuesday this week
    activity = WeeklyActivityFactory(
        title="Svenska på tisdagar",
        organisation=organisation,
        start_date=start,
        end_date=start + days(70),
        rrule="FREQ=WEEKLY;BYDAY=TU",
        venue="Stadsbiblioteket",
        address="Regementsgatan 3",
        latitude="55.601000",
        longitude="12.993000",
        capacity=15,
        join_method=Activity.JoinMethod.REGISTRATION,
        registration_url="https://anmalan.example/svenska",
        accessibility_notes="Hiss finns.",
        funding=Activity.Funding.TIA_GRANT,
        grant_reference="LST 851-2026",
        description="<h2>Om kursen</h2><p>Vi <strong>läser</strong> och pratar.</p>",
        languages=["sv"],
        support=["ar", "ti"],
    )
    response = client.get(detail_url(activity))
    assert response.status_code == 200
    text = response.content.decode()
    assert "<h1>Svenska på tisdagar</h1>" in text
    assert "<strong>läser</strong>" in text
    assert "Varje tisdag 17.00–19.00" in text
    assert len(response.context["sessions"]) == 10
    assert all(day.weekday() == 1 for day in response.context["sessions"])
    assert "Stadsbiblioteket" in text and "Regementsgatan 3" in text
    assert (
        'href="https://www.openstreetmap.org/?mlat=55.601000&amp;mlon=12.993000' in text
    )
    assert "<iframe" not in text
    assert '<span lang="ti" dir="ltr">ትግርኛ</span>' in text
    assert "Antal platser" in text and "15" in text
    assert 'href="https://anmalan.example/svenska"' in text
    assert "Hiss finns." in text
    assert "LST 851-2026" in text
    assert "Uppgifterna bekräftades senast" in text
    assert f'href="{ics_url(directory_page, activity)}"' in text
    # No public contact person: the organisation's own address is shown.
    assert "info@sv.example" in text


def test_contact_person_is_shown_only_when_public(client, directory_page):
    organisation = OrganisationFactory(email="kansli@example.org")
    hidden = ContactPerson.objects.create(
        organisation=organisation,
        name="Dolda Person",
        email="dold@example.org",
        visibility=ContactPerson.Visibility.MEMBERS,
    )
    shown = ContactPerson.objects.create(
        organisation=organisation,
        name="Synliga Person",
        email="synlig@example.org",
        phone="040-12 34 56",
        visibility=ContactPerson.Visibility.PUBLIC,
    )
    private = ActivityFactory(organisation=organisation, contact_person=hidden)
    public = ActivityFactory(organisation=organisation, contact_person=shown)

    text = client.get(detail_url(private)).content.decode()
    assert "Dolda Person" not in text and "dold@example.org" not in text
    assert "kansli@example.org" in text

    text = client.get(detail_url(public)).content.decode()
    assert "Synliga Person" in text and 'href="mailto:synlig@example.org"' in text
    assert 'href="tel:040-123456"' in text


def test_script_in_a_description_never_reaches_the_page(client, directory_page):
    activity = ActivityFactory(
        description='<p>Hej</p><script>alert("x")</script>'
        '<a href="javascript:alert(1)">länk</a><img src=x onerror=alert(2)>'
    )
    text = client.get(detail_url(activity)).content.decode()
    assert "alert(" not in text
    assert "<script>" not in text
    assert "<p>Hej</p>" in text


def jsonld_of(response):
    match = re.search(
        r'<script type="application/ld\+json">(.*?)</script>',
        response.content.decode(),
        re.S,
    )
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


def test_jsonld_describes_a_language_course(client, directory_page):
    activity = WeeklyActivityFactory(
        title="Svenska för nybörjare",
        organisation__name="ABF Malmö",
        organisation__website="https://abf.example",
        rrule="FREQ=WEEKLY;BYDAY=TU,TH",
        description="<p>Vi <em>läser</em> &amp; pratar.</p>",
        exdates=[(today() + days(14)).isoformat()],
        languages=["sv"],
        support=["ar"],
        latitude="55.6",
        longitude="13.0",
        address="Storgatan 1",
    )
    data = jsonld_of(client.get(detail_url(activity)))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "EducationEvent"
    assert data["name"] == "Svenska för nybörjare"
    assert data["description"] == "Vi ses och pratar svenska.\n\nVi läser & pratar."
    assert data["organizer"] == {
        "@type": "Organization",
        "name": "ABF Malmö",
        "url": "https://abf.example",
    }
    assert data["inLanguage"] == ["sv", "ar"]
    assert data["isAccessibleForFree"] is True
    assert data["offers"]["price"] == 0
    schedule = data["eventSchedule"]
    assert schedule["@type"] == "Schedule"
    assert schedule["repeatFrequency"] == "P1W"
    assert schedule["byDay"] == [
        "https://schema.org/Tuesday",
        "https://schema.org/Thursday",
    ]
    assert schedule["exceptDate"] == [(today() + days(14)).isoformat()]
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"]["streetAddress"] == "Storgatan 1"
    assert data["location"]["geo"]["latitude"] == 55.6
    assert data["startDate"].endswith(("+01:00", "+02:00"))
    assert data["url"] == f"http://testserver{detail_url(activity)}"


def test_jsonld_of_an_online_event_and_its_escaping(client, directory_page):
    activity = ActivityFactory(
        title="</script><script>alert(1)</script> & mer",
        category=Activity.Category.HEALTH,
        mode=Activity.Mode.ONLINE,
        registration_url="https://mote.example/rum",
        join_method=Activity.JoinMethod.REGISTRATION,
    )
    response = client.get(detail_url(activity))
    text = response.content.decode()
    assert "<script>alert(1)" not in text
    data = jsonld_of(response)
    assert data["@type"] == "Event"
    assert data["name"] == "</script><script>alert(1)</script> & mer"
    assert data["location"] == {
        "@type": "VirtualLocation",
        "url": "https://mote.example/rum",
    }
    assert "eventSchedule" not in data


# Travel reimbursement


def route(from_slug, to_slug, valid_from, valid_until=None):
    return TravelRoute.objects.create(
        from_municipality=municipality(from_slug),
        to_municipality=municipality(to_slug),
        valid_from=valid_from,
        valid_until=valid_until,
        decision_reference=f"MIG {from_slug}-{to_slug}",
    )


def test_travel_note_lists_the_municipalities_with_routes_in_force(
    client, directory_page
):
    route("lund", "malmoe", today() - days(100))
    route("malmoe", "esloev", today() - days(10), today() + days(10))
    route("malmoe", "hoeoer", today() - days(100), today() - days(1))  # expired
    route("malmoe", "ystad", today() + days(1))  # not yet
    route("lund", "esloev", today() - days(100))  # not to Malmö
    activity = ActivityFactory()
    response = client.get(detail_url(activity))
    assert [m.name for m in response.context["travel_from"]] == ["Eslöv", "Lund"]
    text = response.content.decode()
    assert "Resor till aktiviteten ersätts från Eslöv och Lund." in text
    assert "Höör" not in text and "Ystad" not in text


def test_without_routes_the_page_says_so_and_links_the_routes(client, directory_page):
    activity = ActivityFactory(municipality=municipality("ystad"))
    text = client.get(detail_url(activity)).content.decode()
    assert "Reseersättning är inte beviljad för resor till Ystad" in text
    assert 'href="/aktiviteter/reseersattning/"' in text


def test_travel_routes_page_lists_routes_in_force(client, directory_page):
    route("lund", "malmoe", today() - days(100))
    route("malmoe", "hoeoer", today() - days(100), today() - days(1))
    route("ystad", "malmoe", today() - days(5), today() + days(30))
    response = client.get(f"{LIST_URL}reseersattning/")
    assert response.status_code == 200
    text = response.content.decode()
    rows = [(r["municipality"].name, r["other"].name) for r in response.context["rows"]]
    assert rows == [
        ("Lund", "Malmö"),
        ("Malmö", "Lund"),
        ("Malmö", "Ystad"),
        ("Ystad", "Malmö"),
    ]
    assert "MIG lund-malmoe" in text and "MIG malmoe-hoeoer" not in text
    assert "Tills vidare" in text
    assert "2 km" in text and "deltagarintyg" in text
