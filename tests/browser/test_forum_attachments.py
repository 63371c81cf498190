"""Attachments in a real Chromium: reading, downloading and adding files."""

from playwright.sync_api import Page, expect

from forum.models import Consultation, PostAttachment, ResponseAttachment
from tests.browser.steps import open_forum, sign_in

DIALOG_MEMBER = "nadia.karimi@abf-skane.example"  # ABF Skåne, level Dialog
SAMRAD_MEMBER = "amina.warsame@vuxenskolan.example"  # Vuxenskolan, level Samråd
CHECKLIST = "Checklista – aktiviteter som når kvinnor, Malmö stad.pdf"


def pdf(name, text="Bilaga"):
    return {
        "name": name,
        "mimeType": "application/pdf",
        "buffer": f"%PDF-1.4\n% {text}\n".encode(),
    }


def test_dialog_member_downloads_a_file_and_replies_with_two(page: Page, demo_site):
    page.goto(demo_site.url + "/")
    sign_in(page, DIALOG_MEMBER)
    open_forum(page)
    page.get_by_role("link", name="Dialog", exact=True).click()
    page.get_by_role("link", name="Hur når vi fler kvinnor i aktiviteterna?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Hur når vi fler kvinnor i aktiviteterna?"
    )

    with page.expect_download() as download:
        page.get_by_role("link", name=CHECKLIST).click()
    assert download.value.suggested_filename == CHECKLIST
    with open(download.value.path(), "rb") as file:
        assert file.read().startswith(b"%PDF")

    answer = page.get_by_role("region", name="Svara")
    reply = answer.get_by_label("Inlägg")
    files = answer.get_by_label("Bilagor")
    reply.fill("Tack! Här är vårt schema och vår inbjudan.")
    files.set_input_files([pdf("program.exe")])
    page.get_by_role("button", name="Publicera svaret").click()
    expect(page.locator("#id_attachments_error")).to_contain_text(
        "program.exe: filtypen tas inte emot"
    )
    expect(page.locator("#error-summary")).to_be_focused()
    expect(page.get_by_label("Inlägg")).to_have_value(
        "Tack! Här är vårt schema och vår inbjudan."
    )

    files.set_input_files(
        [pdf("Schema våren 2027.pdf"), pdf("Inbjudan på arabiska.pdf")]
    )
    page.get_by_role("button", name="Publicera svaret").click()
    expect(page.get_by_text("Ditt svar är publicerat.")).to_be_visible()
    for name in ("Schema våren 2027.pdf", "Inbjudan på arabiska.pdf"):
        expect(page.get_by_role("link", name=name)).to_be_visible()
    assert PostAttachment.objects.filter(
        post__author__email=DIALOG_MEMBER, name="Schema våren 2027.pdf"
    ).exists()


def test_samrad_member_adds_a_file_to_the_organisations_response(page: Page, demo_site):
    consultation = Consultation.objects.get(slug="handlingsplan-2027")
    page.goto(demo_site.url + "/")
    sign_in(page, SAMRAD_MEMBER)
    open_forum(page)
    page.get_by_role("link", name="Samråd", exact=True).click()
    page.get_by_role("link", name=consultation.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(consultation.title)
    page.get_by_role("link", name="Ändra svaret").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Svar från Studieförbundet Vuxenskolan"
    )
    existing = "Kartläggning nordöstra Skåne – Studieförbundet Vuxenskolan.pdf"
    expect(page.get_by_role("link", name=existing)).to_be_visible()

    page.get_by_label("Lägg till bilagor").set_input_files(
        [pdf("Kvinnogrupper Osby.pdf")]
    )
    page.get_by_role("button", name="Spara svaret").click()
    expect(
        page.get_by_text("Svaret från Studieförbundet Vuxenskolan är sparat.")
    ).to_be_visible()
    expect(page.get_by_role("link", name="Kvinnogrupper Osby.pdf")).to_be_visible()
    assert set(
        ResponseAttachment.objects.filter(
            response__organisation__slug="vuxenskolan", removed_at=None
        ).values_list("name", flat=True)
    ) == {existing, "Kvinnogrupper Osby.pdf"}
