"""A convener plans a weekly meeting on the site, in a real Chromium."""

import datetime
import re
from urllib.parse import urljoin

from playwright.sync_api import Page, expect

from events.models import Event
from tests.browser.steps import open_forum, sign_in
from tests.dates import today

CONVENER = "anna.lindqvist@lansstyrelsen-skane.example"
WEDNESDAY = 2
TITLE = "Planeringsmöte om sommarens aktiviteter"


def test_convener_plans_a_weekly_meeting_with_one_cancelled_date(page: Page, demo_site):
    start = today() + datetime.timedelta(days=1)
    first = start + datetime.timedelta(days=(WEDNESDAY - start.weekday()) % 7)
    wednesdays = [first + datetime.timedelta(weeks=n) for n in range(4)]
    cancelled = wednesdays[1]

    page.goto(demo_site.url + "/")
    sign_in(page, CONVENER, second_factor=True)
    open_forum(page)
    page.get_by_role("link", name="Forumets kalender").click()
    page.get_by_role("link", name="Planera ett möte").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Planera ett möte")

    page.get_by_label("Rubrik").fill(TITLE)
    page.get_by_label("Slag").select_option(label="Forummöte")
    page.get_by_label("Synlighet").select_option(label="Information och uppåt")
    page.get_by_label(re.compile(r"^Datum( \*)?$")).fill(start.isoformat())
    page.get_by_label("Börjar kl.").fill("13:00")
    page.get_by_label("Slutar kl.").fill("14:30")
    page.get_by_label(re.compile(r"^Upprepning( \*)?$")).select_option(
        label="Varje vecka"
    )
    page.get_by_label("Onsdag").check()
    page.get_by_label("Upprepningen slutar").select_option(
        label="Efter ett antal gånger"
    )
    page.get_by_label("Antal gånger").fill("4")
    page.get_by_label("Inställda datum").fill(cancelled.isoformat())
    page.get_by_label("Plats", exact=True).fill("Länsstyrelsen, Malmö")
    page.get_by_role("button", name="Spara mötet").click()

    expect(page.get_by_text("Mötet är planerat.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_text("Varje vecka på onsdag")).to_be_visible()
    skipped = page.locator("ul.skipped-dates")
    expect(skipped.locator(f"time[datetime='{cancelled.isoformat()}']")).to_be_visible()
    event = Event.objects.get(title=TITLE)
    assert event.rrule == "FREQ=WEEKLY;BYDAY=WE;COUNT=4"

    page.get_by_role("link", name="Till kalendern").click()
    page.get_by_role("link", name="Kommande 60 dagar").first.click()
    for day in wednesdays:
        entry = page.locator("ol.calendar-list > li").filter(
            has=page.locator(f"h3 time[datetime='{day.isoformat()}']")
        )
        if day == cancelled:
            expect(entry.get_by_text(TITLE)).to_have_count(0)
        else:
            expect(entry.get_by_text(TITLE)).to_be_visible()


def test_convener_adds_a_paper_to_the_next_meeting_from_the_desk(page: Page, demo_site):
    page.goto(demo_site.url + "/")
    sign_in(page, CONVENER, second_factor=True)
    open_forum(page)
    meeting = page.get_by_role("region", name="Nästa möte").get_by_role("link").first
    title = meeting.inner_text()
    meeting.click()
    page.get_by_role("link", name="Lägg till eller ta bort handlingar").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Handlingar till {title}"
    )
    page.get_by_label("Möteshandlingar att lägga till").set_input_files(
        [
            {
                "name": "Underlag budget 2027.pdf",
                "mimeType": "application/pdf",
                "buffer": b"%PDF-1.4\n%%EOF\n",
            }
        ]
    )
    page.get_by_role("button", name="Lägg till").click()
    expect(page.get_by_text("1 handling är tillagd.")).to_be_visible()
    page.get_by_role("link", name="Tillbaka till mötet").click()
    link = page.get_by_role("link", name="Underlag budget 2027.pdf")
    expect(link).to_be_visible()
    response = page.request.get(urljoin(page.url, link.get_attribute("href")))
    assert response.ok and response.body().startswith(b"%PDF-")
