"""The forum's desk in a real Chromium: a Dialog member acts on what is there."""

from urllib.parse import urljoin

from playwright.sync_api import Page, expect

from tests.browser.steps import open_forum, sign_in

DIALOG_MEMBER = "nadia.karimi@abf-skane.example"  # ABF Skåne, level Dialog
CONSULTATION = "Samråd om länets handlingsplan för tidiga insatser 2027"
THREAD = "Hur når vi fler kvinnor i aktiviteterna?"


def test_dialog_member_acts_from_the_desk(page: Page, demo_site):
    page.goto(demo_site.url + "/")
    sign_in(page, DIALOG_MEMBER)
    open_forum(page)
    desk = page.get_by_role("region", name="Att göra nu")
    consultations = desk.get_by_role("region", name="Öppna samråd")
    expect(consultations.get_by_text("dagar kvar")).to_be_visible()
    expect(desk.get_by_role("region", name="Nästa möte")).to_be_visible()
    expect(page.get_by_role("heading", name="För sammankallande")).to_have_count(0)
    # Partnerskap is above ABF's level: said in words, never a link.
    expect(page.get_by_text("Partnerskap: delegerade uppdrag")).to_be_visible()
    expect(
        page.get_by_role("navigation", name="I forumet").get_by_role(
            "link", name="Partnerskap", exact=False
        )
    ).to_have_count(0)

    # Every link on the desk answers, with the member's own session.
    hrefs = page.locator("main a[href]").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )
    assert len(hrefs) >= 10
    for href in hrefs:
        response = page.request.get(urljoin(page.url, href))
        assert response.status not in (403, 404), href
        assert response.ok, href

    consultations.get_by_role("link", name=CONSULTATION).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(CONSULTATION)
    page.go_back()

    unread = desk.get_by_role("region", name="Olästa svar i trådar du bevakar")
    expect(unread.get_by_text("2 olästa svar")).to_be_visible()
    unread.get_by_role("link", name=THREAD).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(THREAD)

    # Back on the desk the thread is read.
    open_forum(page)
    expect(page.get_by_text("Inga olästa svar i de trådar du bevakar.")).to_be_visible()
