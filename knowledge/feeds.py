"""The knowledge pages as RSS 2.0 and Atom feeds: the public index's, a
forum's index's and a tag's.

Feed readers do not sign in, and a feed is fetched again by whoever has its
address: a feed holds public live pages only (``public_only``), whoever asks,
signed in or not. The routes are the index page's (``KnowledgeIndexPage``,
``rss/``, ``atom/``, ``tagg/<tag>/rss/``, ``tagg/<tag>/atom/``), so each
language's tree has its own feeds, in its language.
"""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from taggit.models import Tag

from .models import KnowledgePage, KnowledgePageTag

# The newest pages a feed holds; readers keep what they have already read.
ITEMS = 30


def public_pages(index, tag=None):
    """The public live pages below ``index`` (with ``tag``), newest first."""
    pages = KnowledgePage.objects.descendant_of(index).public_only()
    if tag is not None:
        pages = pages.filter(tags=tag)
    return pages.order_by("-first_published_at", "-pk")


def public_tag(index, slug):
    """The tag ``slug`` of a public page below ``index``, else None (one
    query): a feed never names a tag that only private pages have."""
    public = KnowledgePage.objects.descendant_of(index).public_only().values("pk")
    return Tag.objects.filter(
        slug=slug,
        pk__in=KnowledgePageTag.objects.filter(content_object__in=public).values("tag"),
    ).first()


class KnowledgeFeed(Feed):
    """RSS 2.0; :class:`AtomKnowledgeFeed` is the same as Atom."""

    feed_type = Rss201rev2Feed

    def __init__(self, index, tag=None):
        super().__init__()
        self.index = index
        self.tag = tag

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        # The same for everybody: a shared cache may keep it a while.
        response["Cache-Control"] = "public, max-age=300"
        return response

    def get_object(self, request, *args, **kwargs):
        self.request = request
        # The index's language tree, not the reader's interface language.
        self.language = self.index.locale.language_code
        return self.index

    def title(self, index):
        if self.tag is not None:
            return _("%(index)s: %(tag)s") % {"index": index.title, "tag": self.tag}
        return index.title

    def link(self, index):
        return index.get_url(request=self.request)

    def description(self, index):
        return index.intro or _("Nya offentliga sidor i %(index)s.") % {
            "index": index.title
        }

    def feed_url(self, index):
        return self.request.path

    def items(self, index):
        return public_pages(index, self.tag).prefetch_related("tags")[:ITEMS]

    def item_title(self, page):
        return page.title

    def item_description(self, page):
        return page.intro

    def item_link(self, page):
        return page.get_url(request=self.request)

    def item_guid(self, page):
        return self.request.build_absolute_uri(self.item_link(page))

    item_guid_is_permalink = True

    def item_pubdate(self, page):
        return page.first_published_at or timezone.now()

    def item_updateddate(self, page):
        return page.last_published_at or self.item_pubdate(page)

    def item_categories(self, page):
        return [page.get_kind_display(), *(tag.name for tag in page.tags.all())]


class AtomKnowledgeFeed(KnowledgeFeed):
    feed_type = Atom1Feed
    subtitle = KnowledgeFeed.description


def feed(request, index, kind, tag_slug=None):
    """The index's feed (``kind`` "rss" or "atom"), for a tag when one is named."""
    tag = None
    if tag_slug is not None:
        tag = public_tag(index, tag_slug)
        if tag is None:
            raise Http404
    view = AtomKnowledgeFeed if kind == "atom" else KnowledgeFeed
    return view(index, tag)(request)


def feed_links(index, request, tag=None):
    """The index's feeds (a tag's, when given), for ``<link rel="alternate">``
    and the page's own links."""
    base = index.get_url(request=request)
    prefix, kwargs = ("tag_", {"tag": tag.slug}) if tag is not None else ("", {})
    return [
        {
            "url": base + index.reverse_subpage(prefix + name, kwargs=kwargs),
            "type": mime,
            "label": label,
        }
        for name, mime, label in (
            ("rss", "application/rss+xml", "RSS"),
            ("atom", "application/atom+xml", "Atom"),
        )
    ]
