"""A visitor from Ystad finds a Swedish class with support in Arabic through the
header's search box and opens it."""

import re

from playwright.sync_api import Page, expect

ACTIVITY = "Svenska i studiecirkel"  # Sensus in Ystad, support in Arabic


def test_visitor_searches_from_the_header_and_opens_an_activity(page: Page, demo_site):
    page.goto(demo_site.url + "/")
    search = page.get_by_role("search", name="Sök på webbplatsen")
    search.get_by_label("Sök på webbplatsen").fill("svenska ystad arabiska")
    search.get_by_role("button", name="Sök").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Sök")
    expect(page.get_by_role("status").filter(has_text="träff")).to_contain_text(
        "för ”svenska ystad arabiska”"
    )
    # The words stay in the box, to change them.
    expect(page.get_by_label("Sökord")).to_have_value("svenska ystad arabiska")
    activities = page.get_by_role("region", name=re.compile(r"^Aktiviteter"))
    result = activities.get_by_role("link", name=ACTIVITY)
    expect(result).to_be_visible()
    expect(activities).to_contain_text("Ystad")

    result.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(ACTIVITY)
    expect(page).to_have_url(re.compile(r"/aktiviteter/aktivitet/[\w-]+/$"))


def test_nothing_found_leads_to_the_directory(page: Page, demo_site):
    page.goto(demo_site.url + "/")
    search = page.get_by_role("search", name="Sök på webbplatsen")
    search.get_by_label("Sök på webbplatsen").fill('"xyzzy')
    search.get_by_role("button", name="Sök").click()
    expect(page.get_by_role("status").filter(has_text="träff")).to_have_text(
        '0 träffar för ”"xyzzy”.'
    )
    page.get_by_role("link", name="Bläddra bland alla aktiviteter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hitta aktiviteter")


def test_visitor_starts_from_the_home_pages_own_search(page: Page, demo_site):
    page.goto(demo_site.url + "/")
    form = page.locator("form.home-search")
    form.get_by_label("Kommun").select_option(label="Ystad")
    form.get_by_label("Språk").select_option(label="arabiska – العربية")
    form.get_by_role("button", name="Hitta aktiviteter").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Hitta aktiviteter")
    expect(page).to_have_url(re.compile(r"/aktiviteter/\?.*kommun="))
    # The directory's own filter shows the choice, and the list follows it.
    expect(page.locator(".directory-filters").get_by_label("Kommun")).to_have_value(
        re.compile(r".+")
    )
    page.get_by_role("link", name=ACTIVITY).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(ACTIVITY)
    expect(page.locator("main")).to_contain_text("Ystad")
