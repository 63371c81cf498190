"""The one place where HTML written by users is made safe.

Everything a member writes as rich text (activity descriptions, posts,
consultation responses) passes through :func:`clean_html` before it is stored
and before it is shown. Built on nh3 (Rust's ammonia); bleach, which the design
card names, was declared unmaintained on 2026-06-05.
"""

import html
import re

import nh3
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "code", "em", "h2", "h3", "h4",
        "i", "li", "ol", "p", "pre", "strong", "ul",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "abbr": {"title"},
    "*": {"lang", "dir"},
}
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})


def clean_html(html: str | None) -> str:
    """Return ``html`` with every tag, attribute and URL scheme not allowed removed.

    Script and style elements disappear with their content; event-handler
    attributes and ``javascript:`` links are dropped; links get
    ``rel="noopener noreferrer nofollow"``.
    """
    if not html:
        return ""
    return nh3.clean(
        str(html),
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def safe_html(html: str | None) -> SafeString:
    """Sanitise and mark as safe for templates, in one step so they never part."""
    return mark_safe(clean_html(html))  # noqa: S308 - cleaned on the line above


_LINE_BREAKS = re.compile(r"<br\s*/?>|</(?:p|li|h[1-6]|blockquote|pre|ul|ol)>", re.I)
_LIST_ITEM = re.compile(r"<li(?:\s[^>]*)?>", re.I)


def plain_text(markup: str | None) -> str:
    """Sanitised rich text as plain text (for iCalendar, JSON-LD, email).

    One line per block, list items as bullets, entities decoded.
    """
    text = _LIST_ITEM.sub("• ", markup or "")
    text = html.unescape(strip_tags(_LINE_BREAKS.sub("\n", text)))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)
