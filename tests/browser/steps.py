"""Steps that several browser tests take, through the links a person uses."""

import re
import time

from playwright.sync_api import Page, expect

from website.demo.people import DEMO_PASSWORD
from website.demo.second_factor import current_code

FORUM = "Regionalt samverkansforum TIA Skåne"


def sign_in(page: Page, email, password=DEMO_PASSWORD, second_factor=False):
    """Sign in from the header's link, on whatever page the person is.

    Staff, conveners and coordinators (``second_factor=True``) then type the
    code of the demo's authenticator app, as a newcomer would from
    ``manage.py demo_totp_code``.
    """
    page.get_by_role("link", name="Logga in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Logga in")
    page.get_by_label("E-post").fill(email)
    page.get_by_label("Lösenord").fill(password)
    page.get_by_role("button", name="Logga in").click()
    if second_factor:
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Tvåfaktorsautentisering"
        )
        page.get_by_label("Kod").fill(current_code(time.time()))
        page.get_by_role("button", name="Logga in").click()
    expect(page.get_by_text("Inloggad som")).to_be_visible()


def sign_out(page: Page):
    page.get_by_role("button", name="Logga ut").click()
    expect(page.get_by_role("link", name="Logga in")).to_be_visible()


def open_forum(page: Page, name=FORUM):
    """From the header's "Mina forum" to the forum's own page."""
    page.get_by_role("link", name="Mina forum").click()
    page.get_by_role("link", name=name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)


def find_activities(page: Page, municipality, language=None):
    """The directory from the main menu, filtered as a visitor would."""
    page.get_by_role("navigation", name="Huvudmeny").get_by_role(
        "link", name="Hitta aktiviteter"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hitta aktiviteter")
    page.get_by_label("Kommun").select_option(label=municipality)
    if language:
        page.get_by_label("Språk", exact=True).select_option(value=language)
    page.get_by_role("button", name="Visa aktiviteter").click()
    expect(page).to_have_url(re.compile(r"[?&]kommun="))
