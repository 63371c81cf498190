"""An organisation admin adds a members-only contact person; who then sees it."""

from playwright.sync_api import Page, expect

from directory.models import Activity
from partners.models import ContactPerson
from tests.browser.steps import find_activities, open_forum, sign_in, sign_out

ADMIN = "hassan.ahmadi@sensus.example"  # admin of Studieförbundet Sensus
MEMBER = "sara.holm@rodakorset.example"  # Röda Korset, at Information
SENSUS = "Studieförbundet Sensus"
NAME = "Rasmus Ek"


def test_a_members_only_contact_is_in_the_partner_directory_not_public(
    page: Page, demo_site
):
    # Sensus's activity in the municipality with the fewest: on the first page.
    current = Activity.objects.current()
    activity = min(
        current.filter(organisation__slug="sensus").select_related("municipality"),
        key=lambda a: current.filter(municipality=a.municipality).count(),
        default=None,
    )
    assert activity, "the demo data have a published activity of Sensus"

    # 1. The admin adds the contact person from the organisation's page.
    page.goto(demo_site.url + "/")
    sign_in(page, ADMIN)
    page.get_by_role("link", name="Mina organisationer").click()
    page.get_by_role("link", name=SENSUS).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(SENSUS)
    page.get_by_role("link", name="Lägg till kontaktperson").click()
    page.get_by_label("Namn").fill(NAME)
    page.get_by_label("Roll eller titel").fill("Samordnare, Lund")
    page.get_by_label("E-post").fill("rasmus.ek@sensus.example")
    page.get_by_label("Telefon").fill("040-628 04 77")
    page.get_by_label("Bara för forumets medlemmar").check()
    page.get_by_role("button", name="Spara kontaktperson").click()
    expect(page.get_by_text(f"Kontaktpersonen {NAME} är sparad.")).to_be_visible()
    contacts = page.get_by_role("region", name="Kontaktpersoner")
    expect(contacts.get_by_role("row", name=NAME)).to_contain_text("Forumens medlemmar")
    contact = ContactPerson.objects.get(name=NAME)
    assert contact.visibility == ContactPerson.Visibility.MEMBERS
    sign_out(page)

    # 2. A member of the forum finds the person in the partner directory.
    sign_in(page, MEMBER)
    open_forum(page)
    page.get_by_role("link", name="Partnerkatalog").click()
    page.get_by_role("link", name=SENSUS).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(SENSUS)
    card = page.locator(".card", has_text=NAME)
    expect(card).to_contain_text("Visas bara för forumets medlemmar")
    expect(card.get_by_role("link", name="rasmus.ek@sensus.example")).to_be_visible()
    sign_out(page)

    # 3. The public page of Sensus's activity shows public contacts only.
    find_activities(page, activity.municipality.name)
    page.get_by_role("link", name=activity.title).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(activity.title)
    organiser = page.get_by_role("region", name="Arrangör och kontakt")
    expect(organiser).to_contain_text(SENSUS)
    expect(organiser).to_contain_text("Erik Nilsson")  # the public one
    expect(page.get_by_text(NAME)).to_have_count(0)
    expect(page.get_by_text("rasmus.ek@sensus.example")).to_have_count(0)
