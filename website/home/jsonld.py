"""schema.org JSON-LD of the host's pages: the home page names the site, its
search and the organisation behind it; a guidance page is an article."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language

from core.conf import setting
from core.i18n.locales import language_code_of
from core.seo import absolute, page_path, register_page_data

from .models import ContactSettings, GuidancePage, HomePage

CONTEXT = "https://schema.org"


def _organisation(request):
    """The organisation that runs the site (the contact settings), or None."""
    contact = ContactSettings.for_request(request)
    if not contact.organisation:
        return None
    organisation = {
        "@type": "GovernmentOrganization",
        "@id": absolute("/#organisation"),
        "name": contact.organisation,
        "url": absolute("/"),
    }
    if contact.email or contact.phone:
        point = {"@type": "ContactPoint", "contactType": "customer support"}
        if contact.email:
            point["email"] = contact.email
        if contact.phone:
            point["telephone"] = contact.phone
        organisation["contactPoint"] = point
    return organisation


@register_page_data(HomePage)
def home_page(page, request):
    """A WebSite with its search (``/sok/?q=``) and the organisation."""
    website = {
        "@type": "WebSite",
        "@id": absolute("/#website"),
        "url": absolute(page_path(page, request) or "/"),
        "name": setting("SITE_NAME") or page.title,
        "inLanguage": get_language() or settings.LANGUAGE_CODE,
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": absolute(reverse("search")) + "?q={search_term_string}",
            },
            "query-input": "required name=search_term_string",
        },
    }
    graph = [website]
    organisation = _organisation(request)
    if organisation:
        website["publisher"] = {"@id": organisation["@id"]}
        graph.append(organisation)
    return {"@context": CONTEXT, "@graph": graph}


@register_page_data(GuidancePage)
def guidance_page(page, request):
    """An Article: its title, intro, language and when it last changed."""
    url = absolute(page_path(page, request) or "/")
    data = {
        "@context": CONTEXT,
        "@type": "Article",
        "@id": url,
        "url": url,
        "headline": page.seo_title or page.title,
        "inLanguage": language_code_of(page.locale_id),
    }
    description = page.search_description or page.intro
    if description:
        data["description"] = description
    changed = page.last_published_at or page.latest_revision_created_at
    if changed:
        data["dateModified"] = changed.isoformat()
    if page.first_published_at:
        data["datePublished"] = page.first_published_at.isoformat()
    return data
