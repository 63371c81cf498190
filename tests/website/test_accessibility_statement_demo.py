"""The demo's accessibility statement and the footer link to it on every page
(the demo seeded once for the module, tests/conftest.py's ``demo``)."""

import datetime
import re

import pytest
from django.utils import timezone

from website.home.models import (
    DIGG_COMPLAINT_URL,
    AccessibilityStatementPage,
    ContactSettings,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_site(demo, db):
    return demo


def text_of(response):
    return re.sub(r"\s+", " ", response.content.decode())


def test_demo_statement_follows_diggs_template(client, demo_site):
    statement = AccessibilityStatementPage.objects.live().get(
        locale__language_code="sv"
    )
    text = text_of(client.get(statement.url))
    assert "<h1>Tillgänglighetsredogörelse</h1>" in text
    assert (
        "Länsstyrelsen Skåne står bakom webbplatsen TIA samverkansplattform för Skåne"
        in text
    )
    for heading in (
        "Hur tillgänglig är webbplatsen?",
        "Vad kan du göra om du inte kan använda delar av webbplatsen?",
        "Rapportera brister i webbplatsens tillgänglighet",
        "Tillsyn",
        "Teknisk information om webbplatsens tillgänglighet",
        "Innehåll som inte är tillgängligt",
        "Bristande förenlighet med lagkraven",
        "Oskäligt betungande anpassning",
        "Innehåll som inte omfattas av lagkraven",
        "Hur vi testat webbplatsen",
    ):
        assert f">{heading}</h" in text, heading
    assert "delvis förenlig med lagen om tillgänglighet till digital offentlig" in text
    # The enforcement route DIGG asks for, with its link.
    assert (
        f'<a href="{DIGG_COMPLAINT_URL}" hreflang="sv">Anmäl bristande '
        "tillgänglighet till Myndigheten för digital förvaltning</a>" in text
    )
    assert DIGG_COMPLAINT_URL == "https://www.digg.se/tdosanmalan"
    # The feedback routes and the response time.
    assert 'href="mailto:tia@lansstyrelsen-skane.example"' in text
    assert 'href="tel:0102241000"' in text
    assert 'href="https://www.lansstyrelsen.se/skane/om-oss/kontakta-oss.html"' in text
    assert "Svarstiden är normalt 5 arbetsdagar." in text
    # A shortcoming: what, the WCAG criterion and when it will be fixed.
    assert "saknar ibland undertexter" in text
    assert "(WCAG 2.1, kriterium 1.2.2 Undertexter (förinspelade))" in text
    fix_by = timezone.localdate() + datetime.timedelta(days=90)
    assert f"Vi planerar att åtgärda bristen senast {fix_by.day} " in text
    # How and when it was assessed, and when the statement was updated.
    assert "Vi har gjort en självskattning (intern granskning) av webbplatsen." in text
    assert "axe-core" in text
    assessed = timezone.localdate() - datetime.timedelta(days=30)
    assert f'<time datetime="{assessed:%Y-%m-%d}">Senaste bedömningen' in text
    updated = timezone.localdate() - datetime.timedelta(days=14)
    assert f'<time datetime="{updated:%Y-%m-%d}">Redogörelsen uppdaterades' in text


def test_every_page_links_to_the_statement_from_its_footer(
    client, demo_site, make_user
):
    statement = AccessibilityStatementPage.objects.live().get(
        locale__language_code="sv"
    )
    assert ContactSettings.objects.get().accessibility_page.pk == statement.pk
    link = f'<a href="{statement.url}">Tillgänglighet</a>'
    for url in ("/", "/aktiviteter/", "/kalender/", "/accounts/login/", "/nope/"):
        response = client.get(url)
        footer = text_of(response).split('class="site-footer"')[1]
        assert link in footer, url
    client.force_login(make_user())
    footer = text_of(client.get("/forum/")).split('class="site-footer"')[1]
    assert link in footer
