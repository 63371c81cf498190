"""A visitor and a member use the site in a real Chromium."""

from playwright.sync_api import Page, expect

from website.demo.people import DEMO_PASSWORD, PEOPLE

MEMBER_EMAIL = PEOPLE[2][0]
# The system administrator (a superuser): earlier live-server tests flush the
# groups the migrations created, so a person whose admin access comes from a
# group (the county administrator) has none left here.
STAFF_EMAIL = next(
    email for email, _f, _l, _staff, superuser, *_ in PEOPLE if superuser
)


def test_keyboard_user_skips_to_the_main_content(page: Page, demo_site):
    page.goto(demo_site.url + "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Hoppa till huvudinnehållet")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_visitor_reads_a_guidance_page_in_swedish_and_english(page: Page, demo_site):
    page.goto(demo_site.url + "/")
    page.get_by_role("navigation", name="Huvudmeny").get_by_role(
        "link", name="Om tidiga insatser för asylsökande"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Om tidiga insatser för asylsökande"
    )
    page.get_by_role("link", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_attached()
    assert page.url.endswith("/en/om-tia/")


def test_member_signs_in_and_out(page: Page, demo_site):
    page.goto(demo_site.url + "/")
    page.get_by_role("link", name="Logga in").click()
    page.get_by_label("E-post").fill(MEMBER_EMAIL)
    page.get_by_label("Lösenord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    expect(page.get_by_text("Inloggad som Karin Berg")).to_be_visible()
    page.get_by_role("button", name="Logga ut").click()
    expect(page.get_by_role("link", name="Logga in")).to_be_visible()


def test_staff_reach_the_admin_through_the_common_login(page: Page, demo_site):
    page.goto(demo_site.url + "/admin/")
    assert "/accounts/login/" in page.url
    page.get_by_label("E-post").fill(STAFF_EMAIL)
    page.get_by_label("Lösenord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url("**/admin/")
    expect(page.get_by_role("link", name="Sidor").first).to_be_visible()
