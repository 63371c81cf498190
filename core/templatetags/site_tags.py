"""Template tags the rooms' templates and the host's share: ``content_lang``
(Swedish content on pages in another language), the language switcher and the
main menu. In the core, so that the rooms' templates load them from an app they
depend on, not from the host site."""

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site

register = template.Library()


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the current page in every language the site offers, each by
    its own name; following one keeps the choice (``core.i18n.views``)."""
    return {"languages": page_languages(context)}


@register.simple_tag(takes_context=True)
def page_languages(context):
    """The current page in every language: code, own name, direction, its
    address (for ``hreflang`` alternates) and the switcher's link."""
    request = context.get("request")
    path = request.get_full_path() if request else "/"
    current = get_language()
    languages = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        languages.append(
            {
                "code": code,
                "name_local": info["name_local"],
                "bidi": info["bidi"],
                "url": translate_url(path, code),
                "choose_url": reverse("choose_language", args=[code])
                + "?"
                + urlencode({"next": path}),
                "current": code == current,
            }
        )
    return languages


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The live pages directly under the site's home page marked 'show in menus'."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return Page.objects.none()
    return site.root_page.get_children().live().public().in_menu()


# Pages, activities and events are written in Swedish; the interface is
# translated, the content is not (yet).
CONTENT_LANGUAGE = "sv"


@register.simple_tag
def content_lang(language=CONTENT_LANGUAGE):
    """``lang`` and ``dir`` for an element holding content in ``language``.

    Empty when the page is in that language already; on ``/en/…`` (and later
    right-to-left languages) Swedish parts say so, so that screen readers
    pronounce them as Swedish (WCAG 2.1, 3.1.2 Language of Parts).
    """
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    if current == language:
        return ""
    direction = "rtl" if get_language_info(language)["bidi"] else "ltr"
    return format_html(' lang="{}" dir="{}"', language, direction)


@register.inclusion_tag("components/only_in_swedish.html")
def only_in_language_note(language=CONTENT_LANGUAGE):
    """A visible note, in the reader's language, that the text beside it is
    shown in ``language`` because it has no translation into theirs; nothing
    when the page is in ``language`` already."""
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return {"show": current != language, "language": language}
