"""The convener invites an organisation that joined after the consultation
opened, in a real Chromium, from the home page on."""

import re

from playwright.sync_api import Page, expect

from tests.browser.steps import open_forum, sign_in
from website.demo.forum_work import LATE_ORGANISATION, OPEN_CONSULTATION
from website.demo.partners import CONVENER

ANSWERED = re.compile(r"(\d+) av (\d+) inbjudna organisationer har svarat")


def answered(page: Page):
    """(answered, invited) as the consultation page says it."""
    text = page.get_by_text(ANSWERED).inner_text()
    return tuple(int(n) for n in ANSWERED.search(text).groups())


def test_convener_invites_an_organisation_that_joined_later(page: Page, demo_site):
    page.goto(demo_site.url + "/")
    sign_in(page, CONVENER, second_factor=True)
    open_forum(page)
    page.get_by_role("region", name="Öppna samråd").get_by_role(
        "link", name=OPEN_CONSULTATION["title"]
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        OPEN_CONSULTATION["title"]
    )
    expect(page.get_by_text(re.compile(r"\d+ dagar kvar"))).to_be_visible()
    done, invited = answered(page)
    assert done == len(OPEN_CONSULTATION["responses"])
    assert invited > done

    invite = page.get_by_role("region", name="Bjud in fler organisationer")
    late = invite.get_by_label(LATE_ORGANISATION["name"])
    expect(late).to_be_visible()
    late.check()
    invite.get_by_role("button", name="Bjud in valda organisationer").click()

    expect(
        page.get_by_text(
            f"{LATE_ORGANISATION['name']} är inbjuden och medlemmarna har fått besked."
        )
    ).to_be_visible()
    expect(invite.get_by_label(LATE_ORGANISATION["name"])).to_have_count(0)
    expect(
        invite.get_by_text(
            "Alla organisationer som deltar i forumet på samrådets nivå är inbjudna."
        )
    ).to_be_visible()
    assert answered(page) == (done, invited + 1)
