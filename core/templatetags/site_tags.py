"""Template tags the rooms' templates and the host's share: ``content_lang``
and ``only_in_language_note`` (content in another language than the page's:
Swedish, or a page not translated yet), the language switcher and the main
menu. In the core, so that the rooms' templates load them from an app they
depend on, not from the host site."""

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site

from core.i18n.content import (
    SOURCE_LANGUAGE,
    content_language,
    with_content_languages,
)
from core.i18n.locales import active_locale_id, localized

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
    """The live pages directly under the home page marked 'show in menus', in
    the reader's language: the home page's children in that language's page
    tree (translations, and aliases of the pages not translated yet)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return Page.objects.none()
    root = site.root_page
    page = context.get("page")
    if (
        isinstance(page, Page)
        and page.depth >= root.depth
        and page.locale_id == active_locale_id()
    ):
        # A page of the site in the reader's language: its tree's home page
        # is its ancestor at the home page's depth, read from its path.
        children = Page.objects.filter(
            depth=root.depth + 1,
            path__startswith=page.path[: root.depth * Page.steplen],
        )
    else:
        children = localized(root).get_children()
    return with_content_languages(children.live().public().in_menu())


@register.filter(name="localized")
def localized_page(page):
    """``page`` in the reader's language (``core.i18n.locales.localized``)."""
    return localized(page)


@register.simple_tag
def content_lang(content=SOURCE_LANGUAGE):
    """``lang`` and ``dir`` for an element holding ``content``: a language
    code, or a page (or other object) whose language ``content_language``
    knows (a page not translated yet, or not finished, is Swedish); Swedish
    by default.

    Empty when the page is in that language already; on ``/en/…``,
    ``/ar/…`` and the rest, Swedish parts (a page not translated yet, an
    activity) say so, so that screen readers pronounce them as Swedish
    (WCAG 2.1, 3.1.2 Language of Parts).
    """
    language = content_language(content)
    if _current_language() == language:
        return ""
    direction = "rtl" if get_language_info(language)["bidi"] else "ltr"
    return format_html(' lang="{}" dir="{}"', language, direction)


@register.inclusion_tag("components/only_in_swedish.html")
def only_in_language_note(content=SOURCE_LANGUAGE):
    """A visible note, in the reader's language, that the text beside it is
    shown in its own language (``content`` as for ``content_lang``) because
    it has no translation into theirs; nothing when the page is in that
    language already."""
    language = content_language(content)
    return {"show": _current_language() != language, "language": language}


def _current_language():
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]
