"""The sitemap's activity pages: every current activity under every
language's directory page, with ``hreflang`` links among them."""

from django.conf import settings
from wagtail.contrib.sitemaps import Sitemap

from core.seo import absolute, page_path

from .models import Activity, DirectoryPage


class ActivitySitemap(Sitemap):
    """The public activity pages, each in every language the site has a
    directory page in (translated or an alias: the page itself says when the
    activity's text is Swedish), ``x-default`` the Swedish one.

    Two queries (the directory pages, the activities) whatever their number.
    """

    def items(self):
        directories = self._directories()
        if not directories:
            return []
        activities = Activity.objects.current().only("slug", "updated_at")
        return [(activity, directories) for activity in activities.order_by("pk")]

    def _directories(self):
        """[(language code, the directory page, its path)], Swedish first."""
        found = []
        pages = DirectoryPage.objects.live().public().select_related("locale")
        for page in pages:
            path = page_path(page, self.request)
            if path is not None:
                found.append((page.locale.language_code, page, path))
        found.sort(key=lambda entry: entry[0] != settings.LANGUAGE_CODE)
        return found

    def _urls(self, page, protocol, domain):
        urls = []
        for activity, directories in self.paginator.page(page).object_list:
            versions = [
                {
                    "lang_code": code,
                    "location": absolute(
                        path
                        + directory.reverse_subpage(
                            "activity_detail", kwargs={"slug": activity.slug}
                        )
                    ),
                }
                for code, directory, path in directories
            ]
            alternates = []
            if len(versions) > 1:
                alternates = versions + [
                    {"lang_code": "x-default", "location": version["location"]}
                    for version in versions
                    if version["lang_code"] == settings.LANGUAGE_CODE
                ]
            for version in versions:
                urls.append(
                    {
                        "item": activity,
                        "location": version["location"],
                        "lastmod": activity.updated_at,
                        "alternates": alternates,
                    }
                )
        return urls
