"""axe-core on every public page type in Swedish, Arabic and Tigrinya and on the
main private pages in Swedish, in a real Chromium; any violation of WCAG 2.1
A/AA (and axe's best practices) fails.

The pages are reached as a reader reaches them: from the home page, by the
language switcher, the menus, the filter form and the links on each page.
axe-core comes from npm (package-lock.json, ``make install``); the browser
context that runs it bypasses our content security policy only so that the
engine itself can be injected.
"""

from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from tests.browser.steps import open_forum, sign_in

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
CONVENER = "anna.lindqvist@lansstyrelsen-skane.example"


@pytest.fixture
def axe_page(browser, demo_site):
    assert AXE.exists(), "axe-core is missing: make install runs npm ci"
    context = browser.new_context(
        bypass_csp=True, base_url=demo_site.url, locale="sv-SE"
    )
    page = context.new_page()
    yield page
    context.close()


def violations(page: Page):
    """axe's violations on the page as it is now, one line each."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "rules => axe.run(document, {runOnly: {type: 'tag', values: rules}})",
        RULES,
    )
    return [
        f"{page.url}: {v['id']} ({v['impact']}): {v['help']} – "
        + "; ".join(node["target"][0] for node in v["nodes"][:5])
        for v in result["violations"]
    ]


class Walk:
    """Collects every page's violations, so one run reports them all."""

    def __init__(self, page):
        self.page = page
        self.found = []
        self.seen = []

    def check(self):
        self.page.wait_for_load_state("load")
        self.seen.append(self.page.url)
        self.found.extend(violations(self.page))

    def click(self, selector):
        self.page.locator(selector).first.click()
        self.check()

    def assert_clean(self):
        assert not self.found, "\n".join(self.found)


def walk_public_pages(walk: Walk, code):
    page = walk.page
    page.goto("/")
    if code != "sv":
        page.locator(f'.language-switcher a[hreflang="{code}"]').click()
        expect(page.locator("html")).to_have_attribute("lang", code)
    walk.check()  # home
    home = page.url
    # The directory, filtered, and an activity from its results.
    walk.click('.site-nav a[href$="/aktiviteter/"]')
    directory = page.url
    page.locator(".directory-filters select").first.select_option(index=1)
    walk.click('.directory-filters button[type="submit"]')
    page.goto(directory)
    walk.click(".activity-card__title a")
    page.goto(directory)
    walk.click(".directory-travel-link a")
    page.goto(directory)
    walk.click(".directory-poster-link a")
    page.goto(directory)
    walk.click(".directory-open-data-link a")
    # Guidance pages from the main menu, and one with a table of contents and
    # related links from the home page's guidance list.
    page.goto(home)
    walk.click('.site-nav a[href*="/om-tia/"]')
    page.goto(home)
    walk.click('#guidance-heading ~ ul a[href*="/fyra-nivaer/"]')
    page.goto(home)
    # The public calendar and an event in it.
    walk.click('.site-nav a[href$="/kalender/"]')
    event = 'main a[href*="/kalender/"][href$="/"]:not([href$="/kalender/"])'
    if page.locator(event).count():
        walk.click(event)
    # Coordinators and the footer's pages.
    walk.click('.site-footer a[href$="/samordnare/"]')
    for footer_link in page.locator(".site-footer__links a").all()[1:]:
        href = footer_link.get_attribute("href")
        page.goto(href)
        walk.check()
    # Search from the header.
    page.locator("#site-search-q").fill("svenska")
    walk.click('.site-search button[type="submit"]')
    # Sign-in, password reset and sign-up.
    walk.click('.site-header__links a[href*="/accounts/login/"]')
    walk.click('main a[href*="/accounts/password/reset/"]')
    walk.click('.site-header__links a[href*="/accounts/signup/"]')
    # The page a mistyped address gets.
    prefix = "" if code == "sv" else f"/{code}"
    page.goto(f"{prefix}/sidan-finns-inte/")
    walk.check()


@pytest.mark.parametrize("code", ["sv", "ar", "ti"])
def test_public_pages_have_no_accessibility_violations(axe_page, code):
    walk = Walk(axe_page)
    walk_public_pages(walk, code)
    assert len(walk.seen) >= 16, walk.seen
    walk.assert_clean()


def test_private_pages_have_no_accessibility_violations(axe_page):
    walk = Walk(axe_page)
    page = axe_page
    page.goto("/")
    sign_in(page, CONVENER, second_factor=True)
    open_forum(page)
    walk.check()  # the desk
    forum = page.url
    for room in (
        "Forumets kalender",
        "Partnerkatalog",
        "Öppna åtgärder från mötena",
        "Samråd",
        "Dialog",
        "Partnerskap: uppdrag, gemensamma beslut och överenskommelser",
        "Ansökningar",
    ):
        page.goto(forum)
        page.get_by_role("link", name=room, exact=True).first.click()
        walk.check()
        # The first item listed in the room (a meeting, a consultation, a thread…).
        item = page.locator("main li a, main td a").first
        if item.count():
            item.click()
            walk.check()
    for personal in ("Mina organisationer", "Aviseringar", "Mitt konto"):
        page.locator(".site-header__links").get_by_role(
            "link", name=personal
        ).first.click()
        walk.check()
    page.locator(".site-header__links").get_by_role(
        "link", name="Mina organisationer"
    ).click()
    page.locator("main a[href^='/organisationer/']").first.click()
    walk.check()
    page.locator(".site-header__links").get_by_role(
        "link", name="Granska aktiviteter"
    ).click()
    walk.check()
    assert len(walk.seen) >= 15, walk.seen
    walk.assert_clean()
