"""The activity directory in a real Chromium: finding, and publishing, an activity."""

import datetime

from django.utils import timezone
from playwright.sync_api import Page, expect

from website.demo.people import DEMO_PASSWORD
from website.directory.models import Activity, Language

MEMBER = "karin.berg@sensus.example"  # Studieförbundet Sensus
COORDINATOR = "omar.haddad@lansstyrelsen-skane.example"  # Nordvästra Skåne


def sign_in(page: Page, base_url, email):
    page.goto(base_url + "/accounts/login/")
    page.get_by_label("E-post").fill(email)
    page.get_by_label("Lösenord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    expect(page.get_by_text("Inloggad som")).to_be_visible()


def test_visitor_filters_by_municipality_and_language_and_opens_one(
    page: Page, demo_site
):
    activity = (
        Activity.objects.current()
        .filter(support_languages__code="ar", municipality__name="Malmö")
        .first()
    )
    assert activity, "the demo data have an Arabic-supported activity in Malmö"
    page.goto(demo_site.url + "/aktiviteter/")
    page.get_by_label("Kommun").select_option(label="Malmö")
    page.get_by_label("Språk", exact=True).select_option(value="ar")
    page.get_by_role("button", name="Visa aktiviteter").click()
    assert "kommun=malmoe" in page.url and "sprak=ar" in page.url
    page.get_by_role("link", name=activity.title).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(activity.title)
    expect(page.get_by_role("link", name="Lägg till i din kalender")).to_be_visible()
    assert page.locator('script[type="application/ld+json"]').count() == 1


def test_member_submits_an_activity_and_the_coordinator_approves_it(
    page: Page, demo_site
):
    base = demo_site.url
    title = "Språkcafé i Helsingborg för nybörjare"
    start = timezone.localdate() + datetime.timedelta(days=7)
    swedish = Language.objects.get(code="sv")

    sign_in(page, base, MEMBER)
    page.goto(base + "/organisationer/sensus/aktiviteter/")
    page.get_by_role("link", name="Ny aktivitet").click()
    page.locator("#id_title").fill(title)
    page.locator("#id_summary").fill("Öva svenska över en kopp kaffe.")
    page.locator("#id_description").fill("<p>Välkommen!</p><script>alert('x')</script>")
    page.locator("#id_category").select_option("swedish")
    page.locator(f'input[name="instruction_languages"][value="{swedish.pk}"]').check()
    page.locator("#id_municipality").select_option(label="Helsingborg")
    page.locator("#id_start_date").fill(start.isoformat())
    page.locator("#id_end_date").fill((start + datetime.timedelta(days=60)).isoformat())
    page.locator("#id_start_time").fill("17:00")
    page.locator("#id_end_time").fill("19:00")
    page.locator("#id_rrule").fill("FREQ=WEEKLY;BYDAY=TU")
    page.get_by_role("button", name="Spara utkast").click()
    page.get_by_role("button", name="Skicka till granskning").first.click()
    activity = Activity.objects.get(title=title)
    assert activity.status == Activity.Status.SUBMITTED
    assert "<script" not in activity.description
    page.get_by_role("button", name="Logga ut").click()

    sign_in(page, base, COORDINATOR)
    page.get_by_role("link", name="Granska aktiviteter").click()
    page.get_by_role("link", name=title).click()
    page.get_by_label("Godkänn och publicera").check()
    page.get_by_role("button", name="Spara beslut").click()
    activity.refresh_from_db()
    assert activity.status == Activity.Status.PUBLISHED

    page.goto(base + "/aktiviteter/?kommun=helsingborg")
    expect(page.get_by_role("link", name=title).first).to_be_visible()
