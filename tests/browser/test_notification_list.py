"""A member reads their notifications from the header's count, by clicking."""

import re

from playwright.sync_api import Page, expect

from tests.browser.steps import sign_in
from website.demo.forum_work import OPEN_CONSULTATION
from website.demo.partners import LEVEL_LOGINS

SAMRAD_MEMBER = LEVEL_LOGINS[2]
NEW_CONSULTATION = f"Nytt samråd: {OPEN_CONSULTATION['title']}"


def notifications_link(page: Page, unread):
    return page.get_by_role(
        "link", name=re.compile(rf"^Aviseringar\s*{unread} olästa?$")
    )


def test_member_opens_a_notification_and_marks_all_read(page: Page, demo_site):
    page.goto(demo_site.url + "/")
    sign_in(page, SAMRAD_MEMBER)

    # The header counts the demo's three unread notifications.
    link = notifications_link(page, 3)
    expect(link).to_contain_text("Aviseringar (3)")
    link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mina aviseringar")
    expect(page.get_by_text("Oläst:")).to_have_count(3)

    # Opening one lands on its page, and it is read.
    page.get_by_role("link", name=NEW_CONSULTATION).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        OPEN_CONSULTATION["title"]
    )
    expect(notifications_link(page, 2)).to_contain_text("Aviseringar (2)")

    # Back to the list; mark the rest read.
    page.go_back()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mina aviseringar")
    page.get_by_role("button", name="Markera alla som lästa").click()
    expect(page.get_by_text("Alla aviseringar är markerade som lästa.")).to_be_visible()
    expect(notifications_link(page, 0)).to_contain_text("Aviseringar (0)")
    expect(page.get_by_text("Oläst:")).to_have_count(0)
    expect(page.get_by_role("link", name=NEW_CONSULTATION)).to_be_visible()
