"""A needs analysis from the admin to the member's desk, in a real Chromium:
a coordinator writes it and sends it to review, a convener (not its author)
publishes it, and a Dialog-level member finds it from the forum's desk."""

import re

from playwright.sync_api import Page, expect

from knowledge.models import REVIEW_WORKFLOW, KnowledgeIndexPage, NeedsAnalysisPage
from tests.browser.steps import open_forum, sign_in, sign_out

COORDINATOR = "omar.haddad@lansstyrelsen-skane.example"
CONVENER = "anna.lindqvist@lansstyrelsen-skane.example"
DIALOG_MEMBER = "nadia.karimi@abf-skane.example"  # ABF Skåne, level Dialog
TITLE = "Behovsanalys: språkstöd i Nordvästra Skåne"


def test_a_needs_analysis_is_reviewed_published_and_found(page: Page, demo_site):
    index = KnowledgeIndexPage.objects.get(
        forum__isnull=False, locale__language_code="sv"
    )
    page.goto(demo_site.url + "/")
    sign_in(page, COORDINATOR, second_factor=True)

    # The coordinator writes the analysis in the forum's knowledge bank,
    # reached from the header's Administration link and the page tree.
    page.get_by_role("link", name="Administration").click()
    page.get_by_role("link", name=re.compile(r"\d+ Sidor")).click()
    page.get_by_role("link", name="Utforska undersidor till 'Kunskap'").click()
    page.get_by_role("link", name=f"Utforska undersidor till '{index.title}'").click()
    page.get_by_role("link", name="Lägg till undersida", exact=True).click()
    page.get_by_role("link", name=re.compile("^Behovsanalys")).first.click()
    page.locator("#id_title").fill(TITLE)
    page.get_by_label("Behovsanalys", exact=True).check()
    page.locator("#id_intro").fill("Vilket språkstöd deltagarna behöver.")
    page.locator("#id_visibility").select_option(label="Dialog och uppåt")
    # Send it to review: the action menu's other choices.
    page.locator(
        "footer .dropdown-toggle, footer [data-w-dropdown-target='toggle']"
    ).first.click()
    page.get_by_role("button", name=re.compile("Kunskap: granskning")).click()
    expect(page.get_by_text("inlämnad för moderering")).to_be_visible()
    analysis = NeedsAnalysisPage.objects.get(title=TITLE, locale__language_code="sv")
    assert not analysis.live
    assert analysis.current_workflow_state.workflow.name == REVIEW_WORKFLOW
    page.goto(demo_site.url + "/")
    sign_out(page)

    # The convener approves it, and so publishes it.
    sign_in(page, CONVENER, second_factor=True)
    page.get_by_role("link", name="Administration").click()
    page.get_by_role("link", name=TITLE).first.click()
    page.locator(
        "footer .dropdown-toggle, footer [data-w-dropdown-target='toggle']"
    ).first.click()
    page.get_by_role("button", name="Godkänn och publicera").click()
    expect(
        page.get_by_text(re.compile("godkänd|publicerad", re.I)).first
    ).to_be_visible()
    page.goto(demo_site.url + "/")
    sign_out(page)

    # A member at Dialog finds it from the forum's desk.
    sign_in(page, DIALOG_MEMBER)
    open_forum(page)
    knowledge = page.get_by_role("region", name="Kunskap och mötesanteckningar")
    knowledge.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_text("Vilket språkstöd deltagarna behöver.")).to_be_visible()
