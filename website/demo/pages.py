"""Demo pages: the home page and the guidance pages a county's site starts with."""

from wagtail.models import Page, Site

from website.demo.loader import load
from website.home.models import ContactSettings, GuidancePage, HomePage

# StreamField blocks as Wagtail stores them: {"type": ..., "value": ...}.
DATA = load("pages")
HOME_INTRO = DATA["home_intro"]
HOME_BODY = DATA["home_body"]
# slug, title, intro, in_menu (shown in the main menu), body
GUIDANCE = DATA["guidance"]


def create_pages():
    """Fill the home page and create the guidance pages; keeps editors' changes."""
    home = HomePage.objects.first()
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
