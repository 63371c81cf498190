"""Demo pages: the home page and the guidance pages a county's site starts with,
and their translations into the languages many of the county's readers read."""

from wagtail.models import Locale, Page, Site

from website.demo.loader import load
from website.home.locales import synchronise_trees, translate_page
from website.home.models import ContactSettings, GuidancePage, HomePage

# StreamField blocks as Wagtail stores them: {"type": ..., "value": ...}.
DATA = load("pages")
HOME_INTRO = DATA["home_intro"]
HOME_BODY = DATA["home_body"]
# slug, title, intro, in_menu (shown in the main menu), body
GUIDANCE = DATA["guidance"]
# The languages the demo's pages are translated into; in the others the pages
# stay aliases of the Swedish ones, shown in Swedish with a note.
TRANSLATED_INTO = DATA["translated_into"]
# Each Swedish text of the pages (as wagtail-localize cuts them: a title, an
# intro, a heading, a paragraph or list item) with its translations.
TRANSLATIONS = {row["sv"]: row for row in DATA["translations"]}


def create_pages():
    """Fill the home page, create the guidance pages and translate them; keeps
    editors' changes."""
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home is None:  # the migration creates it; a flushed database may not have it
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title="Startsida", slug="home"))
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "localhost", "root_page": home},
        )
    if not home.body:
        home.title = "Tidiga insatser för asylsökande i Skåne"
        home.intro = HOME_INTRO
        home.body = HOME_BODY
        home.save_revision().publish()

    pages = {}
    for spec in GUIDANCE:
        page = GuidancePage.objects.child_of(home).filter(slug=spec["slug"]).first()
        if page is None:
            page = GuidancePage(
                title=spec["title"],
                slug=spec["slug"],
                intro=spec["intro"],
                body=spec["body"],
                show_in_menus=spec["in_menu"],
            )
            home.add_child(instance=page)
            page.save_revision().publish()
        pages[spec["slug"]] = page

    # Pages made here, not in the admin, get their aliases in every language.
    synchronise_trees()
    for page in [home, *pages.values()]:
        translate(page, Locale.objects.filter(language_code__in=TRANSLATED_INTO))

    site = Site.objects.get(is_default_site=True)
    contact = ContactSettings.for_site(site)
    contact.organisation = contact.organisation or "Länsstyrelsen Skåne"
    contact.email = contact.email or "tia@lansstyrelsen-skane.example"
    contact.phone = contact.phone or "010-224 10 00"
    contact.address = contact.address or "Länsstyrelsen Skåne\n205 15 Malmö"
    contact.contact_page = contact.contact_page or pages["kontakt"]
    contact.accessibility_page = contact.accessibility_page or pages["tillganglighet"]
    contact.privacy_page = contact.privacy_page or pages["personuppgifter"]
    contact.save()
    return home, pages


def translate(page, locales):
    """Translate a Swedish page into each locale from ``pages.json``'s texts,
    through wagtail-localize (``translate_page``); a page translated already
    (by an editor, or an earlier run) is left as it is."""
    for locale in locales:
        target = page.get_translation_or_none(locale)
        if target is not None and target.alias_of_id is None:
            continue
        translate_page(page, locale, Texts(locale.language_code))


class Texts:
    """The Swedish texts of the pages → their translations into one language."""

    def __init__(self, language):
        self.language = language

    def __getitem__(self, text):
        try:
            return TRANSLATIONS[text][self.language]
        except KeyError:
            raise KeyError(
                f"pages.json has no translation into {self.language!r} of {text!r}"
            ) from None
