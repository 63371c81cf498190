"""The public calendar in a real Chromium: activity sessions beside the meetings,
filtered, and the feeds to subscribe to, from the main menu and the directory."""

import icalendar
from playwright.sync_api import Page, expect

from directory.models import Activity
from tests.browser.steps import find_activities


def test_visitor_finds_activities_in_the_calendar_and_subscribes(page: Page, demo_site):
    page.goto(demo_site.url + "/")
    page.get_by_role("navigation", name="Huvudmeny").get_by_role(
        "link", name="Kalender"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kalender")
    page.get_by_label("Visa", exact=True).select_option(label="Aktiviteter")
    page.get_by_label("Aktiviteter i kommun").select_option(label="Malmö")
    page.get_by_role("button", name="Visa", exact=True).click()
    page.get_by_role("link", name="Kommande 60 dagar").first.click()
    session = page.locator("a.occurrence--activity").first
    expect(session).to_be_visible()
    title = session.locator(".occurrence__title").inner_text()
    # Only activities, only in Malmö.
    expect(page.locator("a.occurrence:not(.occurrence--activity)")).to_have_count(0)
    metas = page.locator("a.occurrence--activity + .occurrence__meta")
    for meta in metas.all_inner_texts():
        assert "Malmö" in meta
    # The feed of what is shown: the activities in Malmö.
    host = demo_site.url.split("://")[1]
    subscribe = page.get_by_role("link", name="Prenumerera på aktiviteterna")
    expect(subscribe).to_have_attribute(
        "href", f"webcal://{host}/ical/aktiviteter.ics?kommun=malmoe"
    )
    expect(page.get_by_role("link", name="Prenumerera på öppna möten")).to_have_count(0)
    session.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    assert (
        Activity.objects.current()
        .filter(title=title, municipality__name="Malmö")
        .exists()
    )


def test_visitor_subscribes_to_the_directorys_filter(page: Page, demo_site):
    page.goto(demo_site.url + "/")
    find_activities(page, "Malmö", language="ar")
    titles = page.locator(".activity-card__title").all_inner_texts()
    link = page.get_by_role("link", name="Prenumerera på de här aktiviteterna")
    host = demo_site.url.split("://")[1]
    expect(link).to_have_attribute(
        "href", f"webcal://{host}/ical/aktiviteter.ics?kommun=malmoe&sprak=ar"
    )
    address = page.get_by_role("link", name="adress för kalenderprogram")
    response = page.request.get(address.get_attribute("href"))
    assert response.ok
    calendar = icalendar.Calendar.from_ical(response.body())
    summaries = {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}
    assert summaries == set(titles)
