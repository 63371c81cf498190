"""'Mitt konto' in a real Chromium: name, second factor, notifications and
language, all reached from the header's link."""

import time

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from playwright.sync_api import Page, expect

from forum.models import NotificationPreference
from tests.browser.steps import sign_in
from website.demo.people import DEMO_PASSWORD
from website.demo.second_factor import TOTP_PERIOD

MEMBER = "karin.berg@sensus.example"  # Studieförbundet Sensus, level Dialog


def code_for(secret):
    """What an authenticator app with ``secret`` shows now."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // TOTP_PERIOD))


def open_account(page: Page):
    page.get_by_role("link", name="Mitt konto").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mitt konto")


def test_member_sets_name_second_factor_notifications_and_language(
    page: Page, demo_site
):
    page.goto(demo_site.url + "/")
    sign_in(page, MEMBER)
    open_account(page)
    expect(page.get_by_text("Studieförbundet Sensus: Medlem")).to_be_visible()
    expect(page.get_by_text("Tvåstegsverifiering är av.")).to_be_visible()

    # The display name: an empty name is refused, a real one is shown to all.
    page.get_by_role("link", name="Ändra namn").click()
    page.get_by_label("Förnamn").fill("")
    page.get_by_role("button", name="Spara namn").click()
    expect(page.locator("#id_first_name_error")).to_have_text(
        "Det här fältet är obligatoriskt"
    )
    page.get_by_label("Förnamn").fill("Karin")
    page.get_by_label("Efternamn").fill("Berg Lindholm")
    page.get_by_role("button", name="Spara namn").click()
    expect(page.get_by_text("Ditt namn är sparat.")).to_be_visible()
    expect(page.get_by_text("Inloggad som Karin Berg Lindholm")).to_be_visible()

    # The second factor: the app is set up with the secret the page shows.
    page.get_by_role("link", name="Slå på tvåstegsverifiering").click()
    # allauth asks for the password again before a security change.
    expect(page.get_by_role("heading", level=1)).to_have_text("Bekräfta åtkomst")
    page.get_by_label("Lösenord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Bekräfta").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Aktivera autentiseringsapp"
    )
    secret = page.get_by_label("Autentiseringshemlighet").input_value()
    page.get_by_label("Autentiseringskod").fill(code_for(secret))
    page.get_by_role("button", name="Aktivera").click()
    open_account(page)
    expect(page.get_by_text("Tvåstegsverifiering är på.")).to_be_visible()
    assert Authenticator.objects.filter(
        user__email=MEMBER, type=Authenticator.Type.TOTP
    ).exists()

    # Notifications: one summary a day instead of every message.
    page.get_by_role("link", name="Ändra aviseringar").click()
    page.get_by_label("En sammanfattning per dag").check()
    page.get_by_role("button", name="Spara").click()
    expect(page.get_by_text("Dina val för aviseringar är sparade.")).to_be_visible()
    open_account(page)
    expect(
        page.get_by_text("E-post om forumet: En sammanfattning per dag")
    ).to_be_visible()
    assert (
        NotificationPreference.objects.get(user__email=MEMBER).frequency
        == NotificationPreference.Frequency.DAILY
    )

    # Language: English, at once.
    page.get_by_role("link", name="Ändra språk").click()
    page.get_by_label("Språk", exact=True).select_option("en")
    page.get_by_role("button", name="Spara språk").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My account")
    expect(page.get_by_text("Your language choice has been saved.")).to_be_visible()
