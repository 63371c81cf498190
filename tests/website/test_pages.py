"""The public pages: layout, languages, accessibility basics, search, health."""

import re

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_site(demo, db):
    """The demo data, seeded once for the module (tests/conftest.py)."""
    return demo


def html_tag(response):
    return re.search(r"<html[^>]*>", response.content.decode()).group(0)


def test_home_page_is_swedish_and_left_to_right(client):
    response = client.get("/")
    assert response.status_code == 200
    assert 'lang="sv"' in html_tag(response)
    assert 'dir="ltr"' in html_tag(response)
    text = response.content.decode()
    assert '<a class="skip-link" href="#main">Hoppa till huvudinnehållet</a>' in text
    assert '<main id="main"' in text


def test_english_pages_carry_the_language_prefix_and_english_strings(client):
    response = client.get("/en/")
    assert response.status_code == 200
    assert 'lang="en"' in html_tag(response)
    text = response.content.decode()
    assert "Skip to main content" in text
    assert 'href="/en/accounts/login/"' in text
    # The same page in Swedish has no prefix; the switcher goes there through
    # the link that keeps the choice.
    assert '<link rel="alternate" hreflang="sv" href="http://testserver/">' in text
    assert 'href="/sprak/sv/?next=%2Fen%2F" hreflang="sv"' in text


@pytest.mark.parametrize("code", ["ar", "fa", "prs"])
def test_right_to_left_languages_turn_the_page_direction(client, code):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    assert f'lang="{code}"' in html_tag(response)
    assert 'dir="rtl"' in html_tag(response)


def test_header_shows_the_sign_in_state(client, make_user):
    assert "Logga in" in client.get("/").content.decode()
    user = make_user(email="member@example.org", first_name="Lina", last_name="Ek")
    client.force_login(user)
    text = client.get("/").content.decode()
    assert "Inloggad som Lina Ek" in text
    assert 'action="/accounts/logout/"' in text
    assert "Administration" not in text  # not staff


def test_guidance_pages_footer_and_menu(client, demo_site):
    response = client.get("/om-tia/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "<h1>Om tidiga insatser för asylsökande</h1>" in text
    assert 'aria-current="page"' in text  # the menu marks where you are
    assert 'href="mailto:tia@lansstyrelsen-skane.example"' in text
    assert '<a href="/tillganglighet/">Tillgänglighet</a>' in text


def test_site_search_finds_guidance_pages(client, demo_site):
    response = client.get("/sok/", {"q": "tillgänglighet"})
    assert response.status_code == 200
    assert "Tillgänglighetsredogörelse" in response.content.decode()
    response = client.get("/sok/", {"q": "xyzzyquux"})
    assert "0 träffar" in response.content.decode()
    # The rest of the search: tests/website/test_search.py.


def test_unknown_page_gives_the_friendly_404(client):
    response = client.get("/finns-inte/")
    assert response.status_code == 404
    assert "Sidan finns inte" in response.content.decode()


def test_health_check_answers_for_the_load_balancer(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_public_pages_send_a_content_security_policy(client):
    csp = client.get("/")["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp


def test_static_files_are_served_locally(client):
    text = client.get("/").content.decode()
    assert 'href="/static/css/site.css"' in text
    assert "//cdn" not in text and "googleapis" not in text


def test_robots_and_sitemap(client, demo_site):
    assert "Disallow: /admin/" in client.get("/robots.txt").content.decode()
    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200
    assert "/om-tia/" in sitemap.content.decode()


def swedish_parts(html):
    """The texts of the elements marked as Swedish on a page.

    Language names written in their own language ("svenska" in the language
    switcher and in an activity's list of languages) are left out.
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    return [
        element.get_text(" ", strip=True)
        for element in soup.select('main [lang="sv"], header [lang="sv"]')
        if not element.find_parent(class_=["language-switcher", "language-list"])
    ]


def test_swedish_content_is_marked_on_english_pages(client, demo_site):
    """WCAG 3.1.2: the page is English, its untranslated content is Swedish."""
    from directory.models import Activity

    activity = Activity.objects.current().first()
    english = client.get(f"/en/aktiviteter/aktivitet/{activity.slug}/")
    assert english.status_code == 200
    parts = swedish_parts(english.content.decode())
    assert activity.title in parts
    assert activity.summary in parts
    # The demo's guidance pages and the directory page are translated into
    # English: their titles (menu, breadcrumbs) are English, unmarked;
    # interface text stays English, unmarked.
    assert not any("Hitta aktiviteter" in part for part in parts)
    assert not any("Find activities" in part for part in parts)
    assert not any(part.startswith("About early interventions") for part in parts)
    assert not any("Add to your calendar" in part for part in parts)

    # In Somali the guidance pages are not translated: Swedish, marked.
    guidance = client.get("/so/om-tia/")
    assert guidance.status_code == 200
    assert "Om tidiga insatser för asylsökande" in swedish_parts(
        guidance.content.decode()
    )
    somali = client.get(f"/so/aktiviteter/aktivitet/{activity.slug}/")
    assert "Hitta aktiviteter" in swedish_parts(somali.content.decode())

    # On Swedish pages nothing needs marking: the whole page is Swedish.
    swedish = client.get(f"/aktiviteter/aktivitet/{activity.slug}/")
    assert 'lang="sv"' in html_tag(swedish)
    assert swedish_parts(swedish.content.decode()) == []
