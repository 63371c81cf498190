"""The sitemap: every page once in each language it is written in."""

from collections import defaultdict
from functools import reduce
from operator import or_
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from core.seo import absolute
from knowledge.models import KnowledgePage


def on_site(url):
    """``url`` (as Wagtail's ``Site`` record writes it) on the configured host."""
    parts = urlsplit(url)
    return absolute(parts.path + (f"?{parts.query}" if parts.query else ""))


class PageSitemap(Sitemap):
    """The site's pages in every language's page tree, aliases left out, and
    no knowledge page that is not public.

    An alias (a page not translated yet) repeats the Swedish page under
    another prefix, so only the Swedish page and its translations are listed,
    each once, with ``hreflang`` links to the others (and ``x-default``, the
    Swedish one, for readers of the languages the site has no page in).
    """

    def items(self):
        return self._pages().defer_streamfields().specific()

    def _pages(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        within_site = reduce(or_, (Q(path__startswith=root.path) for root in roots))
        return (
            Page.objects.live()
            .public()
            .filter(within_site, alias_of__isnull=True)
            # Knowledge pages for a forum level are for its members only.
            .exclude(pk__in=KnowledgePage.objects.not_public().values("pk"))
            .order_by("path")
        )

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        versions = self._versions()
        for url in urls:
            url["location"] = on_site(url["location"])
            url["alternates"] = versions.get(url["location"], [])
        return urls

    def _versions(self):
        """Each page's address → its language versions, when it has several."""
        by_translation = defaultdict(list)
        for item in self._pages().select_related("locale"):
            by_translation[item.translation_key].append(
                {
                    "lang_code": item.locale.language_code,
                    "location": on_site(item.get_full_url(self.request)),
                    "source": item.locale.is_default,
                }
            )
        versions = {}
        for group in by_translation.values():
            if len(group) < 2:
                continue
            alternates = [
                {"lang_code": v["lang_code"], "location": v["location"]} for v in group
            ]
            alternates += [
                {"lang_code": "x-default", "location": v["location"]}
                for v in group
                if v["source"]
            ]
            for version in group:
                versions[version["location"]] = alternates
        return versions


class ViewSitemap(Sitemap):
    """The public pages that are views, not Wagtail pages (the calendar, the
    coordinators), under every language's prefix."""

    names = ["events:calendar", "coordinators"]

    def items(self):
        return self.names

    def _urls(self, page, protocol, domain):
        urls = []
        for name in self.paginator.page(page).object_list:
            versions = []
            for code, _name in settings.LANGUAGES:
                with translation.override(code):
                    versions.append(
                        {"lang_code": code, "location": absolute(reverse(name))}
                    )
            alternates = versions + [
                {"lang_code": "x-default", "location": version["location"]}
                for version in versions
                if version["lang_code"] == settings.LANGUAGE_CODE
            ]
            urls += [
                {"item": name, "alternates": alternates, **version}
                for version in versions
            ]
        return urls
