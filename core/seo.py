"""What search engines read: addresses on the configured host and JSON-LD.

Every absolute address a crawler sees (the sitemap, canonical links,
``hreflang`` alternates, JSON-LD) is written on ``TIA["SITE_URL"]`` (by
default Wagtail's ``WAGTAILADMIN_BASE_URL``), never on the host a request
happened to name or on Wagtail's ``Site`` record, so that a proxy's internal
name or the demo's ``localhost`` never ends up in a search index.
"""

import json

from django.utils.safestring import mark_safe

from core.conf import setting

# Characters that could end the <script> element or start markup inside it;
# JSON allows them written as \u escapes, so the data stays the same.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}

# Page class → function(page, request) giving the page's JSON-LD object; the
# host registers its page types (``website/home/jsonld.py``).
_page_data = {}


def absolute(path):
    """``path`` (``/en/kalender/``) on the site's configured scheme and host."""
    if path.startswith(("http://", "https://")):
        return path
    return setting("SITE_URL").rstrip("/") + path


def page_path(page, request=None):
    """A Wagtail page's path (with its language prefix), or None if unrouted."""
    parts = page.get_url_parts(request)
    return parts[2] if parts else None


def script_content(data):
    """``data`` as JSON that is safe to place between <script> tags."""
    text = json.dumps(data, ensure_ascii=False)
    return mark_safe(text.translate(_SCRIPT_ESCAPES))  # noqa: S308 - <, >, & escaped


def register_page_data(page_class):
    """Decorator: the function gives the JSON-LD of pages of ``page_class``."""

    def decorator(function):
        _page_data[page_class] = function
        return function

    return decorator


def page_data(page, request):
    """The registered JSON-LD object of ``page`` (a specific page), or None."""
    function = _page_data.get(type(page))
    return function(page, request) if function else None
