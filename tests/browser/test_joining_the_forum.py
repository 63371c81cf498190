"""From first visit to the members-only directory, with no staff help."""

import re

from django.core import mail
from playwright.sync_api import Page, expect

from tests.browser.steps import FORUM, open_forum, sign_in, sign_out
from website.demo.people import PEOPLE

CONVENER = PEOPLE[0][0]
NEW_EMAIL = "yasmin.rahimi@brobyggarna.example"
NEW_PASSWORD = "ett-langt-losenord-77"


def test_new_organisation_joins_the_forum_and_reaches_the_directory(
    page: Page, demo_site
):
    mail.outbox.clear()

    # 1. Sign up and confirm the address from the email.
    page.goto(demo_site.url + "/")
    page.get_by_role("link", name="Skapa konto").click()
    page.get_by_label("E-post").fill(NEW_EMAIL)
    page.get_by_label("Förnamn").fill("Yasmin")
    page.get_by_label("Efternamn").fill("Rahimi")
    page.get_by_label(re.compile(r"^Lösenord\W*$")).fill(NEW_PASSWORD)
    page.get_by_label("Lösenord (igen)").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Skapa konto").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Verifiera")
    link = re.search(r"https?://\S+/confirm-email/\S+", mail.outbox[-1].body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Bekräfta").click()
    expect(page.get_by_text("Inloggad som")).to_be_visible()

    # 2. Register the organisation.
    page.get_by_role("link", name="Mina organisationer").click()
    page.get_by_role("link", name="Registrera en ny organisation").click()
    page.get_by_label("Namn").fill("Brobyggarna i Lund")
    page.get_by_label("Typ").select_option("non_profit")
    page.get_by_label("Beskrivning").fill("Språkcafé och läxhjälp för vuxna.")
    page.get_by_role("button", name="Registrera").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Brobyggarna i Lund")

    # 3. Apply to the forum at Samråd.
    page.get_by_role("link", name="Ansök om att delta i ett forum").click()
    page.get_by_role("combobox", name="Forum").select_option(label=FORUM)
    page.get_by_label("Samråd").check()
    page.get_by_label("Motivering").fill("Vi vill lämna synpunkter på länets förslag.")
    page.get_by_role("button", name="Skicka ansökan").click()
    expect(page.get_by_text("Väntar på beslut")).to_be_visible()
    sign_out(page)

    # 4. The convener approves.
    sign_in(page, CONVENER, second_factor=True)
    open_forum(page)
    page.get_by_role("link", name=re.compile(r"^Ansökningar")).click()
    page.get_by_role("link", name="Besluta om Brobyggarna i Lund").click()
    page.get_by_label("Godkänn").check()
    page.get_by_role("button", name="Spara beslut").click()
    expect(page.get_by_text("Beslutet är sparat")).to_be_visible()
    sign_out(page)

    # 5. The new member reaches the members-only partner directory.
    sign_in(page, NEW_EMAIL, NEW_PASSWORD)
    open_forum(page)
    expect(page.get_by_text("Din organisation deltar på nivån Samråd.")).to_be_visible()
    forum_nav = page.get_by_role("navigation", name="I forumet")
    expect(forum_nav.get_by_role("link", name="Samråd", exact=True)).to_be_visible()
    expect(forum_nav.get_by_role("link", name="Partnerskap")).to_have_count(0)
    page.get_by_role("link", name="Partnerkatalog").click()
    samrad = page.get_by_role("region", name="Samråd")
    expect(samrad.get_by_role("link", name="Brobyggarna i Lund")).to_be_visible()
