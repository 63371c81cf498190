"""The activity directory in a real Chromium: finding, and publishing, an activity."""

import csv
import datetime
import io
import re

import pypdfium2
import zxingcpp
from django.utils import timezone
from playwright.sync_api import Page, expect

from core.conf import setting
from directory.models import Activity
from tests.browser.steps import find_activities, sign_in, sign_out

MEMBER = "karin.berg@sensus.example"  # Studieförbundet Sensus
COORDINATOR = "omar.haddad@lansstyrelsen-skane.example"  # Nordvästra Skåne
TITLE_AR = "مقهى اللغة للمبتدئين"


def test_visitor_filters_by_municipality_and_language_and_opens_one(
    page: Page, demo_site
):
    activity = (
        Activity.objects.current()
        .filter(support_languages__code="ar", municipality__name="Malmö")
        .first()
    )
    assert activity, "the demo data have an Arabic-supported activity in Malmö"
    page.goto(demo_site.url + "/")
    find_activities(page, "Malmö", language="ar")
    expect(page).to_have_url(re.compile(r"kommun=malmoe"))
    expect(page).to_have_url(re.compile(r"sprak=ar"))
    page.get_by_role("link", name=activity.title).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(activity.title)
    expect(page.get_by_role("link", name="Lägg till i din kalender")).to_be_visible()
    assert page.locator('script[type="application/ld+json"]').count() == 1


def test_member_submits_an_activity_and_the_coordinator_approves_it(
    page: Page, demo_site
):
    title = "Språkcafé i Helsingborg för nybörjare"
    start = timezone.localdate() + datetime.timedelta(days=7)
    end = start + datetime.timedelta(days=60)

    page.goto(demo_site.url + "/")
    sign_in(page, MEMBER)
    page.get_by_role("link", name="Mina organisationer").click()
    page.get_by_role("link", name="Studieförbundet Sensus").click()
    page.get_by_role("link", name="Lägg in och hantera aktiviteter").click()
    page.get_by_role("link", name="Ny aktivitet").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ny aktivitet")
    page.get_by_role("textbox", name="Rubrik", exact=True).fill(title)
    page.get_by_role("textbox", name="Sammanfattning", exact=True).fill(
        "Öva svenska över en kopp kaffe."
    )
    page.get_by_label("Beskrivning").fill(
        "<p>Välkommen!</p><script>alert('x')</script>"
    )
    page.get_by_label("Område").select_option(label="Svenska språket")
    page.get_by_role("group", name="Undervisningsspråk").get_by_label(
        "svenska", exact=True
    ).check()
    page.get_by_label("Kommun").select_option(label="Helsingborg")
    page.get_by_label("Startdatum").fill(start.isoformat())
    page.get_by_label("Slutdatum").fill(end.isoformat())
    page.get_by_label("Starttid").fill("17:00")
    page.get_by_label("Sluttid").fill("19:00")
    page.get_by_label("Upprepning").fill("FREQ=WEEKLY;BYDAY=TU")
    translation = page.get_by_role("group", name="Ny översättning")
    translation.get_by_label("Språk").select_option(label="arabiska – العربية")
    translation.get_by_label("Översatt rubrik").fill(TITLE_AR)
    translation.get_by_label("Översatt sammanfattning").fill(
        "تدرّب على السويدية مع فنجان قهوة."
    )
    page.get_by_role("button", name="Spara utkast").click()
    expect(page.get_by_text(f"{title} är sparad som utkast.")).to_be_visible()
    page.get_by_role("button", name="Skicka till granskning", exact=True).click()
    expect(page.get_by_text(f"{title} är skickad till granskning.")).to_be_visible()
    activity = Activity.objects.get(title=title)
    assert activity.status == Activity.Status.SUBMITTED
    assert "<script" not in activity.description
    sign_out(page)

    sign_in(page, COORDINATOR, second_factor=True)
    page.get_by_role("link", name="Granska aktiviteter").click()
    page.get_by_role("link", name=title).click()
    expect(
        page.get_by_role("heading", name="Översättning till arabiska")
    ).to_be_visible()
    page.get_by_label("Godkänn och publicera").check()
    page.get_by_role("button", name="Spara beslut").click()
    expect(page.get_by_text(f"{title} är godkänd och publicerad.")).to_be_visible()
    activity.refresh_from_db()
    assert activity.status == Activity.Status.PUBLISHED
    sign_out(page)

    find_activities(page, "Helsingborg")
    expect(page.get_by_role("link", name=title).first).to_be_visible()
    # The same list in Arabic shows the organisation's Arabic title.
    page.locator('.language-switcher a[hreflang="ar"]').click()
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.get_by_role("link", name=TITLE_AR).first).to_be_visible()


def test_visitor_downloads_the_filtered_list_and_finds_the_open_data(
    page: Page, demo_site
):
    page.goto(demo_site.url + "/")
    find_activities(page, "Malmö", language="ar")
    shown = page.locator(".activity-card__title").all_inner_texts()
    with page.expect_download() as download:
        page.get_by_role("link", name="Ladda ned som CSV").click()
    raw = open(download.value.path(), "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf")
    titles = [row[0] for row in csv.reader(io.StringIO(raw.decode("utf-8-sig")))]
    # The first page's titles open the spreadsheet, in the page's order.
    assert titles[1 : len(shown) + 1] == shown
    page.get_by_role("link", name=re.compile("Öppna data")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Öppna data om aktiviteterna"
    )
    page.get_by_role("link", name="API:ets startpunkt").click()
    assert '"version": "3.2"' in page.content()


def test_visitor_prints_a_poster_of_the_municipality_in_arabic(page: Page, demo_site):
    ystad = list(
        Activity.objects.current()
        .filter(municipality__name="Ystad")
        .values_list("title", flat=True)
    )
    assert ystad, "the demo data have current activities in Ystad"
    page.goto(demo_site.url + "/")
    find_activities(page, "Ystad")
    page.get_by_role("link", name="Skriv ut en affisch").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Skriv ut en affisch")
    # The list's municipality is chosen already.
    expect(page.get_by_label("Kommun")).to_have_value("ystad")
    page.get_by_label("Språk på affischen utöver svenska").select_option(value="ar")
    page.get_by_role("button", name="Skapa affischen (PDF)").click()
    expect(page).to_have_url(re.compile(r"/affisch/pdf/\?.*sprak=ar"))
    # Chromium shows the PDF in its viewer; the file is what it was sent.
    answer = page.request.get(page.url)
    assert answer.headers["content-type"] == "application/pdf"
    pdf = answer.body()
    document = pypdfium2.PdfDocument(pdf)
    text = " ".join(
        " ".join(page.get_textpage().get_text_range().split()) for page in document
    )
    for title in ystad:
        assert title in text
    image = document[0].render(scale=2).to_pil()
    codes = [code.text for code in zxingcpp.read_barcodes(image)]
    assert codes == [f"{setting('SITE_URL').rstrip('/')}/ar/aktiviteter/?kommun=ystad"]
