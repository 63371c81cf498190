"""What ``base.html`` writes in every page's head for search engines: the
canonical link, the description and the JSON-LD (``core/seo.py``)."""

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail.models import Page

from core.sanitizer import plain_text
from core.seo import absolute, page_data, script_content

register = template.Library()

# Search engines show about this many characters of a description.
DESCRIPTION_LENGTH = 300


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """This page's address on the configured host, without its query string
    but for the page number a list shows (``?sida=N``, N > 1); a view may give
    its own as ``canonical_url``."""
    if context.get("canonical_url"):
        return context["canonical_url"]  # the view knows better (a list's page)
    request = context.get("request")
    if request is None:
        return ""
    url = absolute(request.path)
    # The page a list shows (core.pagination's page_obj), never the query
    # string itself: each view reads that through its own form.
    page_obj = context.get("page_obj")
    number = getattr(page_obj, "number", 1)
    if isinstance(number, int) and number > 1:
        url += f"?sida={number}"
    return url


@register.filter
def absolute_url(path):
    """``path`` on the configured host (``core.seo.absolute``)."""
    return absolute(path) if path else ""


@register.simple_tag
def default_language_url(alternates):
    """The address of the page in the site's language, for ``x-default``."""
    for alternate in alternates:
        if alternate["code"] == settings.LANGUAGE_CODE:
            return absolute(alternate["url"])
    return ""


@register.simple_tag(takes_context=True)
def page_description(context):
    """The description of a Wagtail page: its search description, else its
    intro; the site's own for a page with neither."""
    page = context.get("page")
    text = ""
    if isinstance(page, Page):
        text = page.search_description or getattr(page, "intro", "") or ""
    return describe(text) or site_description()


@register.filter
def describe(text):
    """``text`` (plain or sanitised HTML) as plain text on one line,
    shortened to what a search result shows."""
    text = " ".join(plain_text(str(text or "")).split())
    return Truncator(text).chars(DESCRIPTION_LENGTH)


@register.simple_tag
def site_description():
    return _(
        "Hitta aktiviteter för asylsökande nära dig, på ett språk du förstår, "
        "och samverka i TIA – tidiga insatser för asylsökande."
    )


@register.simple_tag(takes_context=True)
def structured_data(context):
    """The page's JSON-LD script: the view's (``jsonld`` in the context,
    already made safe by ``script_content``), else the one registered for the
    page's type."""
    content = context.get("jsonld")
    if not content:
        page = context.get("page")
        request = context.get("request")
        if not isinstance(page, Page) or request is None:
            return ""
        data = page_data(page.specific, request)
        if data is None:
            return ""
        content = script_content(data)
    return format_html('<script type="application/ld+json">{}</script>', content)
