"""Demo pages: the home page, the guidance pages a county's site starts with
and its accessibility statement, and their translations into the languages
many of the county's readers read."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from website.demo.documents import wagtail_document
from website.demo.loader import load
from website.home.locales import synchronise_trees, translate_page
from website.home.models import (
    AccessibilityStatementPage,
    ContactSettings,
    GuidancePage,
    HomePage,
)

# StreamField blocks as Wagtail stores them: {"type": ..., "value": ...}.
DATA = load("pages")
HOME_INTRO = DATA["home_intro"]
HOME_BODY = DATA["home_body"]
# slug, title, intro, in_menu (shown in the main menu), body; optionally
# reviewed_days_ago (the last review, counted back from today) and related
# (pages by slug among the guidance before it, external links, documents)
GUIDANCE = DATA["guidance"]
# The editor who owns the guidance pages and is reminded to review them.
GUIDANCE_OWNER = DATA["guidance_owner"]
STATEMENT = DATA["accessibility_statement"]
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
            reviewed = spec.get("reviewed_days_ago")
            page = GuidancePage(
                title=spec["title"],
                slug=spec["slug"],
                intro=spec["intro"],
                body=spec["body"],
                related=related_items(spec.get("related", []), pages),
                last_reviewed=(
                    None
                    if reviewed is None
                    else timezone.localdate() - datetime.timedelta(days=reviewed)
                ),
                show_in_menus=spec["in_menu"],
            )
            home.add_child(instance=page)
            page.save_revision().publish()
        pages[spec["slug"]] = page

    statement = create_accessibility_statement(home)
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
    current = contact.accessibility_page
    if current is None or current.specific_class is not AccessibilityStatementPage:
        contact.accessibility_page = statement
    contact.privacy_page = contact.privacy_page or pages["personuppgifter"]
    contact.save()
    return home, pages


def related_items(specs, pages):
    """The related links of a guidance page as its StreamField stores them."""
    items = []
    for spec in specs:
        if spec["type"] == "page":
            value = {"page": pages[spec["slug"]].pk, "title": spec["title"]}
        elif spec["type"] == "link":
            value = {"url": spec["url"], "title": spec["title"]}
        else:
            document = spec["document"]
            value = {
                "document": wagtail_document(
                    document["title"], document["filename"], document["lines"]
                ).pk,
                "title": spec["title"],
            }
        items.append({"type": spec["type"], "value": value})
    return items


def give_guidance_owner():
    """The demo's editor owns the guidance pages that have no owner, in
    every language, and is the one the review reminder goes to."""
    owner = get_user_model().objects.filter(email=GUIDANCE_OWNER).first()
    if owner is not None:
        GuidancePage.objects.filter(owner__isnull=True).update(owner=owner)


def create_accessibility_statement(home):
    """Länsstyrelsen Skåne's statement in DIGG's structure, dated from today
    (assessed a month ago, fixes planned months ahead); kept once it exists."""
    statement = AccessibilityStatementPage.objects.child_of(home).first()
    if statement is not None:
        return statement
    today = timezone.localdate()

    def days(number):
        return today + datetime.timedelta(days=number)

    shortcomings = []
    for item in STATEMENT["shortcomings"]:
        value = {k: v for k, v in item["value"].items() if k != "fix_in_days"}
        if "fix_in_days" in item["value"]:
            value["fix_by"] = days(item["value"]["fix_in_days"]).isoformat()
        shortcomings.append({"type": item["type"], "value": value})
    slug = STATEMENT["slug"]
    if Page.objects.child_of(home).filter(slug=slug).exists():
        slug = "tillganglighetsredogorelse"  # an older demo's guidance page
    statement = AccessibilityStatementPage(
        title=STATEMENT["title"],
        slug=slug,
        organisation=STATEMENT["organisation"],
        website=STATEMENT["website"],
        compliance=STATEMENT["compliance"],
        shortcomings=shortcomings,
        feedback_email=STATEMENT["feedback_email"],
        feedback_phone=STATEMENT["feedback_phone"],
        feedback_form_url=STATEMENT["feedback_form_url"],
        response_days=STATEMENT["response_days"],
        assessment_method=STATEMENT["assessment_method"],
        assessment_description=STATEMENT["assessment_description"],
        assessed_on=days(-STATEMENT["assessed_days_ago"]),
        website_published_on=days(-STATEMENT["website_published_days_ago"]),
        statement_updated_on=days(-STATEMENT["updated_days_ago"]),
    )
    home.add_child(instance=statement)
    statement.save_revision().publish()
    return statement


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
