"""Each collaboration level, and a convener, reach every room their level opens
by clicking from the home page, and no link on the way ends in 403 or 404.

The rooms are clicked as a person would (the forum's "I forumet" list and the
header's personal links); every link on each room's page is then requested
with the same session, so a link to a page the person may not see, or to one
that does not exist, fails here.
"""

from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.browser.steps import FORUM, open_forum, sign_in

CALENDAR = "Forumets kalender"
DIRECTORY = "Partnerkatalog"
ACTIONS = "Öppna åtgärder från mötena"
CONSULTATIONS = "Samråd"
DIALOG = "Dialog"
PARTNERSHIP = "Partnerskap: uppdrag, gemensamma beslut och överenskommelser"
APPLICATIONS = "Ansökningar"
PERSONAL = [
    "Sök i forumen",
    "Prenumerera på kalendern",
    "Dina aviseringar",
    "Delregionala samordnare",
]
# What the forum page says instead of a link for a room above the level.
LOCKED = {
    CONSULTATIONS: "Samråd: läsa öppna samråd",
    DIALOG: "Dialog: starta och svara i trådar",
    PARTNERSHIP: "Partnerskap: delegerade uppdrag",
}
INFORMATION_ROOMS = [CALENDAR, DIRECTORY, ACTIONS]

LOGINS = {
    "information": ("sara.holm@rodakorset.example", False, INFORMATION_ROOMS),
    "samrad": (
        "amina.warsame@vuxenskolan.example",
        False,
        INFORMATION_ROOMS + [CONSULTATIONS],
    ),
    "dialog": (
        "nadia.karimi@abf-skane.example",
        False,
        INFORMATION_ROOMS + [CONSULTATIONS, DIALOG],
    ),
    "partnerskap": (
        "elin.sjoberg@malmo-stad.example",
        False,
        INFORMATION_ROOMS + [CONSULTATIONS, DIALOG, PARTNERSHIP],
    ),
    "convener": (
        "anna.lindqvist@lansstyrelsen-skane.example",
        True,
        INFORMATION_ROOMS + [CONSULTATIONS, DIALOG, PARTNERSHIP, APPLICATIONS],
    ),
}
# The header's links for everyone signed in (a convener also has more).
HEADER = ["Mina organisationer", "Aviseringar", "Mitt konto"]


def links_on(page: Page, origin):
    """Every link of the page that stays on this site, as absolute URLs."""
    hrefs = page.locator("a[href]").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )
    found = set()
    for href in hrefs:
        url = urljoin(page.url, href).split("#", 1)[0]
        parts = urlsplit(url)
        if (
            parts.scheme in ("http", "https")
            and f"{parts.scheme}://{parts.netloc}" == origin
        ):
            found.add(url)
    return found


class Walk:
    """Click into rooms and check every link seen on the way, once each."""

    def __init__(self, page: Page, origin):
        self.page = page
        self.origin = origin
        self.checked = {}

    def click(self, link):
        with self.page.expect_navigation() as navigation:
            link.click()
        response = navigation.value
        assert response is not None and response.ok, (self.page.url, response)
        expect(self.page.get_by_role("heading", level=1)).to_be_visible()
        self.check_links()

    def check_links(self):
        for url in links_on(self.page, self.origin) - set(self.checked):
            if urlsplit(url).path.startswith("/sprak/"):
                # The language switcher keeps the choice for the session;
                # following it here would turn the walk into another
                # language (tests/website/test_languages.py tries it).
                continue
            response = self.page.request.get(url)
            self.checked[url] = response.status
            assert response.status not in (403, 404), (self.page.url, url)
            assert response.ok, (self.page.url, url, response.status)


@pytest.mark.parametrize("role", list(LOGINS))
def test_each_level_reaches_its_rooms_by_clicking(page: Page, demo_site, role):
    email, second_factor, rooms = LOGINS[role]
    walk = Walk(page, demo_site.url)
    page.goto(demo_site.url + "/")
    sign_in(page, email, second_factor=second_factor)
    open_forum(page)
    walk.check_links()

    nav = page.get_by_role("navigation", name="I forumet")
    names = [name.strip() for name in nav.get_by_role("link").all_inner_texts()]
    assert names == rooms + PERSONAL
    for room, opens in LOCKED.items():
        if room in rooms:
            expect(page.get_by_text(opens)).to_have_count(0)
        else:
            # Above the level: said in words, not offered as a link.
            expect(page.get_by_text(opens)).to_be_visible()

    for name in rooms + PERSONAL:
        walk.click(nav.get_by_role("link", name=name, exact=True))
        page.go_back()
        expect(page.get_by_role("heading", level=1)).to_have_text(FORUM)

    header = page.locator(".site-header__links")
    for name in HEADER:
        walk.click(header.get_by_role("link", name=name))
    # A whole forum was walked, not a handful of links.
    assert len(walk.checked) >= 25 + 5 * len(rooms)
