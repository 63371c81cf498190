"""A Dialog member searches the forums from the header and opens what it found."""

import re

from playwright.sync_api import Page, expect

from tests.browser.steps import sign_in

DIALOG_MEMBER = "nadia.karimi@abf-skane.example"  # ABF Skåne, level Dialog
CONSULTATION = "Samråd om länets handlingsplan för tidiga insatser 2027"
THREAD = "Hur når vi fler kvinnor i aktiviteterna?"


def test_dialog_member_searches_the_forums_from_the_header(page: Page, demo_site):
    page.goto(demo_site.url + "/")
    # Signed out, the header offers only the public site's search.
    expect(page.get_by_label("Sök i forumen")).to_have_count(0)
    sign_in(page, DIALOG_MEMBER)

    search = page.get_by_role("search", name="Sök i forumen")
    search.get_by_label("Sök i forumen").fill("kvinnor")
    search.get_by_role("button", name="Sök i forumen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sök i forumen")

    posts = page.get_by_role("region", name=re.compile(r"^Inlägg i dialogen"))
    expect(posts.get_by_role("link", name=THREAD).first).to_be_visible()
    expect(posts.locator("mark").first).to_be_visible()
    consultations = page.get_by_role("region", name=re.compile(r"^Samråd"))
    expect(consultations.get_by_role("link", name=CONSULTATION)).to_be_visible()
    # Partnerskap is above ABF's level: none of its tasks or decisions.
    expect(page.get_by_role("region", name=re.compile(r"^Delegerade"))).to_have_count(0)

    consultations.get_by_role("link", name=CONSULTATION).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(CONSULTATION)

    page.go_back()
    posts.get_by_role("link", name=THREAD).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(THREAD)
    expect(page).to_have_url(re.compile(r"#inlagg-\d+$"))
