"""What axe cannot see, in a real Chromium: nothing scrolls sideways at 320 CSS
pixels (WCAG 2.1 1.4.10), the directory's filters fold away on a phone, the
directory can be used with the keyboard alone (2.1.1), and a form with an
error puts focus on its error summary, whose links lead to the fields (3.3.1).
"""

import re

from playwright.sync_api import Page, expect

from directory.models import Activity
from tests.browser.steps import open_forum, sign_in

CONVENER = "anna.lindqvist@lansstyrelsen-skane.example"
PARTNERSHIP = "Partnerskap: uppdrag, gemensamma beslut och överenskommelser"


def fits_the_screen(page: Page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_narrow_screens_need_no_sideways_scrolling(page: Page, demo_site):
    """At 320 px every page reflows; wide tables scroll inside their own
    region, which the keyboard can scroll too. At 390 px the directory's
    filters are folded behind "Filtrera", so the first results show."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(demo_site.url + "/")
    menu = page.get_by_role("navigation", name="Huvudmeny")
    menu.get_by_role("link", name="Hitta aktiviteter").click()
    municipality = page.get_by_label("Kommun")
    expect(municipality).to_be_hidden()
    first_result = page.locator(".activity-card__title").first
    expect(first_result).to_be_in_viewport(ratio=1)
    page.get_by_text("Filtrera", exact=True).click()
    municipality.select_option(label="Malmö")
    page.get_by_role("button", name="Visa aktiviteter").click()
    expect(page).to_have_url(re.compile(r"kommun=malmoe"))
    expect(page.locator(".directory-filters__toggle")).to_have_text(
        "Filtrera (1 filter valt)"
    )
    expect(municipality).to_be_hidden()
    expect(first_result).to_be_in_viewport(ratio=1)
    # A wide screen shows the filters, with nothing to unfold.
    page.set_viewport_size({"width": 1280, "height": 900})
    expect(municipality).to_be_visible()
    expect(page.get_by_text("Filtrera", exact=True)).to_be_hidden()

    page.set_viewport_size({"width": 320, "height": 800})
    too_wide = []

    def check():
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        if not fits_the_screen(page):
            too_wide.append(page.url)

    page.goto(demo_site.url + "/")
    check()
    menu.get_by_role("link", name="Hitta aktiviteter").click()
    check()
    page.get_by_role("link", name="Reseersättning: mellan vilka kommuner").click()
    check()
    menu.get_by_role("link", name="Kalender").click()
    check()
    # The month is a wide table: it scrolls inside its region, by keyboard too.
    month = page.get_by_role("region", name=re.compile(r"tillfäll"))
    assert month.evaluate("el => el.scrollWidth > el.clientWidth")
    month.focus()
    expect(month).to_be_focused()
    page.keyboard.press("ArrowRight")
    month.evaluate(
        "el => new Promise(done => el.scrollLeft > 0 ? done() : "
        "el.addEventListener('scroll', done, {once: true}))"
    )
    assert month.evaluate("el => el.scrollLeft") > 0
    footer = page.locator(".site-footer")
    footer.get_by_role("link", name="Delregionala samordnare").click()
    check()
    footer.get_by_role("link", name="Tillgänglighet", exact=True).click()
    check()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Tillgänglighetsredogörelse"
    )

    sign_in(page, CONVENER, second_factor=True)
    open_forum(page)
    check()
    desk = page.url
    rooms = page.get_by_role("navigation", name="I forumet")
    for room in ("Öppna åtgärder från mötena", PARTNERSHIP, "Forumets kalender"):
        rooms.get_by_role("link", name=room, exact=True).click()
        check()
        page.goto(desk)
    page.get_by_role("region", name="Protokoll att justera").get_by_role(
        "link"
    ).first.click()
    check()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Protokoll")
    page.locator(".site-header__links").get_by_role("link", name="Mitt konto").click()
    check()
    assert not too_wide, too_wide


def press_until(page: Page, key, condition, limit=120):
    """Press ``key`` until the JavaScript ``condition`` holds; a person tabbing
    through the page would get there too."""
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate(condition):
            return
    raise AssertionError(f"{condition} never held after {limit} × {key}")


def focused_is(selector):
    return f"document.activeElement.matches({selector!r})"


def test_directory_with_the_keyboard_alone(page: Page, demo_site):
    page.goto(demo_site.url + "/")
    press_until(page, "Tab", focused_is('.site-nav a[href$="/aktiviteter/"]'))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hitta aktiviteter")

    press_until(page, "Tab", focused_is("#id_kommun"))
    press_until(page, "ArrowDown", "document.activeElement.value === 'malmoe'")
    # Past the language field and back to it.
    press_until(page, "Tab", focused_is("#id_sortering"))
    press_until(page, "Shift+Tab", focused_is("#id_sprak"))
    press_until(page, "ArrowDown", "document.activeElement.value === 'ar'")
    press_until(page, "Tab", focused_is('.directory-filters button[type="submit"]'))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"kommun=malmoe"))
    expect(page).to_have_url(re.compile(r"sprak=ar"))

    press_until(page, "Tab", focused_is(".activity-card__title a"))
    title = page.evaluate("document.activeElement.textContent").strip()
    found = Activity.objects.current().get(title=title, municipality__name="Malmö")
    assert found.support_languages.filter(code="ar").exists()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(title)


def test_a_form_error_takes_focus_and_its_link_leads_to_the_field(
    page: Page, demo_site
):
    page.goto(demo_site.url + "/")
    press_until(page, "Tab", focused_is('.site-header__links a[href$="/signup/"]'))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Skapa konto")
    press_until(page, "Tab", focused_is("#id_email"))
    for text in ("leila.nasser@example.org", "Leila", "Nasser", "kort", "kort"):
        page.keyboard.type(text)
        page.keyboard.press("Tab")
    expect(page.locator("#id_password1")).to_have_attribute(
        "aria-describedby", "id_password1_helptext"
    )
    press_until(page, "Tab", focused_is('main button[type="submit"]'))
    page.keyboard.press("Enter")

    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Lösenord: Det här lösenordet är för kort")
    assert page.title().startswith("Fel: ")
    page.keyboard.press("Tab")
    first_link = summary.get_by_role("link").first
    expect(first_link).to_be_focused()
    expect(first_link).to_have_attribute("href", "#id_password1")
    page.keyboard.press("Enter")
    password = page.locator("#id_password1")
    expect(password).to_be_focused()
    expect(page.locator('label[for="id_password1"]')).to_be_in_viewport()
    expect(password).to_have_attribute("aria-invalid", "true")
    # Corrected, the form goes through.
    page.keyboard.type("ett-langt-losenord-77")
    page.keyboard.press("Tab")
    page.keyboard.type("ett-langt-losenord-77")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Verifiera")
