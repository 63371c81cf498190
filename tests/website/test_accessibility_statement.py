"""The accessibility statement (tillgänglighetsredogörelse): DIGG's sections
around the facts editors keep, linked from every page's footer."""

import datetime
import re

import pytest
from django.utils import timezone
from wagtail.models import Page

from tests.factories import editor
from website.home.models import (
    AccessibilityStatementPage,
    HomePage,
)

pytestmark = pytest.mark.django_db


def statement_page(**fields):
    home = HomePage.objects.get(locale__language_code="sv")
    today = timezone.localdate()
    values = {
        "title": "Tillgänglighetsredogörelse",
        "slug": "tillganglighet",
        "organisation": "Länsstyrelsen Västra Götaland",
        "website": "TIA i Västra Götaland",
        "assessed_on": today - datetime.timedelta(days=10),
        "statement_updated_on": today - datetime.timedelta(days=3),
    } | fields
    page = home.add_child(instance=AccessibilityStatementPage(**values))
    page.save_revision().publish()
    return page


def text_of(response):
    return re.sub(r"\s+", " ", response.content.decode())


def test_a_fully_compliant_site_says_so_and_lists_no_shortcomings(client):
    page = statement_page(
        compliance=AccessibilityStatementPage.Compliance.FULL,
        assessment_method=AccessibilityStatementPage.Method.INDEPENDENT,
        assessed_by="Funka Nu AB",
    )
    text = text_of(client.get(page.url))
    assert "Den här webbplatsen är helt förenlig med lagen" in text
    assert "Vi känner inte till några brister" in text
    assert "Innehåll som inte är tillgängligt" not in text
    assert "Webbplatsen har granskats av en oberoende part: Funka Nu AB." in text
    assert "Svarstiden" not in text  # no response time given


def test_shortcomings_are_grouped_under_diggs_headings_in_diggs_order(client):
    page = statement_page(
        compliance=AccessibilityStatementPage.Compliance.NONE,
        shortcomings=[
            {"type": "out_of_scope", "value": {"description": "Gamla filmer."}},
            {
                "type": "non_compliance",
                "value": {"description": "Kartan.", "criterion": "2.1.1 Tangentbord"},
            },
        ],
    )
    sections = page.shortcoming_sections()
    assert [kind for kind, _heading, _items in sections] == [
        "non_compliance",
        "out_of_scope",
    ]
    text = text_of(client.get(page.url))
    assert "Den här webbplatsen är inte förenlig med lagen" in text
    assert text.index("Kartan.") < text.index("Gamla filmer.")
    assert "Oskäligt betungande anpassning" not in text
    assert "Vi planerar att åtgärda" not in text  # no date given


def test_editor_text_is_marked_swedish_on_an_english_page(client):
    page = statement_page(
        shortcomings=[{"type": "non_compliance", "value": {"description": "Kartan."}}]
    )
    text = text_of(client.get(f"/en{page.url}"))
    assert '<html lang="en"' in text
    assert '<span lang="sv" dir="ltr">Kartan.</span>' in text


def test_one_statement_under_the_home_page_and_nothing_below_it():
    home = HomePage.objects.get(locale__language_code="sv")
    assert AccessibilityStatementPage.can_create_at(home)
    page = statement_page()
    home.refresh_from_db()
    assert not AccessibilityStatementPage.can_create_at(home)
    assert not AccessibilityStatementPage.can_create_at(page)
    assert page.specific.allowed_subpage_models() == []


def test_editors_write_the_statement_in_the_admin(client):
    home = Page.objects.get(depth=2, locale__language_code="sv")
    client.force_login(editor())
    url = f"/admin/pages/add/home/accessibilitystatementpage/{home.pk}/"
    response = client.get(url)
    assert response.status_code == 200
    today = timezone.localdate()
    response = client.post(
        url,
        {
            "title": "Tillgänglighetsredogörelse",
            "slug": "tillganglighet",
            "organisation": "Länsstyrelsen Skåne",
            "website": "TIA samverkansplattform",
            "compliance": "partial",
            "shortcomings-count": "0",
            "assessment_method": "self",
            "assessed_on": today.isoformat(),
            "statement_updated_on": today.isoformat(),
        },
    )
    assert response.status_code == 302
    page = AccessibilityStatementPage.objects.get(locale__language_code="sv")
    assert page.organisation == "Länsstyrelsen Skåne"
    assert not page.live  # a draft; Wagtail's moderators publish
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    assert "Kända brister" in response.content.decode()
