"""The counties, municipalities and sub-regions every room relies on."""

from decimal import Decimal

import pytest
from django.core.management import call_command

from core.geography.models import County, Municipality, SubRegion
from core.geography.wagtail_hooks import SubRegionViewSet

# The form exactly as the admin builds it from the viewset's panels.
SubRegionForm = SubRegionViewSet.edit_handler.bind_to_model(SubRegion).get_form_class()

pytestmark = pytest.mark.django_db


def test_migrations_load_all_counties_and_municipalities():
    assert County.objects.count() == 21
    assert Municipality.objects.count() == 290
    skane = County.objects.get(code="12")
    assert skane.name == "Skåne län"
    assert skane.municipalities.count() == 33
    assert Municipality.objects.get(code="1280").name == "Malmö"
    assert Municipality.objects.get(code="0180").county.name == "Stockholms län"


def test_every_county_has_municipalities_and_codes_follow_scb():
    for county in County.objects.prefetch_related("municipalities"):
        codes = [m.code for m in county.municipalities.all()]
        assert codes, county
        assert all(code.startswith(county.code) for code in codes), county


def test_slugs_keep_similar_names_apart():
    assert Municipality.objects.get(name="Håbo").slug != (
        Municipality.objects.get(name="Habo").slug
    )
    assert Municipality.objects.get(code="1280").slug == "malmoe"


def test_load_geography_is_idempotent_and_creates_skane_subregions():
    call_command("load_geography")
    call_command("load_geography")
    assert County.objects.count() == 21
    assert Municipality.objects.count() == 290
    skane = County.objects.get(code="12")
    names = sorted(skane.subregions.values_list("name", flat=True))
    assert names == [
        "Malmö",
        "Mellersta Skåne",
        "Nordvästra Skåne",
        "Nordöstra Skåne",
        "Södra Skåne",
    ]
    assert (
        Municipality.objects.filter(county=skane, subregion__isnull=True).count() == 0
    )
    assert SubRegion.objects.get(name="Nordvästra Skåne").municipalities.count() == 11
    assert (
        Municipality.objects.get(name="Helsingborg").subregion.name
        == "Nordvästra Skåne"
    )


def test_load_geography_never_overwrites_subregions_edited_by_staff():
    call_command("load_geography")
    malmo = SubRegion.objects.get(name="Malmö")
    malmo.name = "Malmö stad"
    malmo.save()
    Municipality.objects.filter(name="Burlöv").update(subregion=malmo)
    call_command("load_geography")
    assert not SubRegion.objects.filter(name="Malmö").exists()
    assert Municipality.objects.get(name="Burlöv").subregion == malmo


def form_data(subregion, municipalities):
    return {
        "county": subregion.county.pk,
        "name": subregion.name,
        "slug": subregion.slug,
        "description": "",
        "municipalities": [m.pk for m in municipalities],
    }


def test_staff_move_a_municipality_between_subregions_in_the_form():
    call_command("load_geography")
    south = SubRegion.objects.get(name="Södra Skåne")
    lund = Municipality.objects.get(name="Lund")
    assert lund.subregion != south
    chosen = list(south.municipalities.all()) + [lund]
    form = SubRegionForm(data=form_data(south, chosen), instance=south)
    assert form.is_valid(), form.errors
    form.save()
    lund.refresh_from_db()
    assert lund.subregion == south

    # Unticking a municipality takes it out of the sub-region.
    form = SubRegionForm(data=form_data(south, [lund]), instance=south)
    assert form.is_valid(), form.errors
    form.save()
    assert list(south.municipalities.all()) == [lund]


def test_a_subregion_cannot_take_a_municipality_of_another_county():
    call_command("load_geography")
    south = SubRegion.objects.get(name="Södra Skåne")
    stockholm = Municipality.objects.get(name="Stockholm")
    form = SubRegionForm(data=form_data(south, [stockholm]), instance=south)
    # The choices of an existing sub-region are limited to its county …
    assert not form.is_valid()
    assert "municipalities" in form.errors
    # … and a new one is checked against the county chosen.
    new = SubRegion(county=south.county, name="Ny delregion", slug="ny")
    form = SubRegionForm(data=form_data(new, [stockholm]))
    assert not form.is_valid()
    assert "Stockholm ligger inte i Skåne län" in str(form.errors["municipalities"])


def test_the_admin_edits_a_subregion_and_its_municipalities(client, staff_user):
    call_command("load_geography")
    client.force_login(staff_user)
    malmo = SubRegion.objects.get(name="Malmö")
    burlov = Municipality.objects.get(name="Burlöv")
    url = f"/admin/snippets/geography/subregion/edit/{malmo.pk}/"
    assert client.get(url).status_code == 200
    data = form_data(malmo, [Municipality.objects.get(name="Malmö"), burlov])
    data["description"] = "Malmö stad och Burlöv"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    burlov.refresh_from_db()
    assert burlov.subregion == malmo
    malmo.refresh_from_db()
    assert malmo.description == "Malmö stad och Burlöv"


def test_the_centres_of_skanes_municipalities_are_loaded_and_edits_stay():
    skane = Municipality.objects.filter(county__code="12")
    assert not skane.filter(latitude__isnull=True).exists()
    lund = Municipality.objects.get(code="1281")
    assert (round(lund.latitude, 2), round(lund.longitude, 2)) == (
        Decimal("55.70"),
        Decimal("13.19"),
    )
    # Staff correct a centre in the admin; loading again keeps it.
    Municipality.objects.filter(code="1281").update(latitude="55.71", longitude="13.2")
    call_command("load_geography")
    lund.refresh_from_db()
    assert (lund.latitude, lund.longitude) == (Decimal("55.71"), Decimal("13.2"))


def test_municipality_centres_are_editable_in_the_admin():
    from core.geography.wagtail_hooks import MunicipalityViewSet

    panels = {panel.field_name: panel for panel in MunicipalityViewSet.panels}
    assert not panels["latitude"].read_only and not panels["longitude"].read_only
