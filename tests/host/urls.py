"""The host's URLs: its own pages at the root, the platform under /samverkan/."""

from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core.documents import views as documents_views
from forum import views as forum_views

PREFIX = "samverkan/"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("accounts/", include("allauth.urls")),
    # Documents after the access rule, then Wagtail's own document URLs.
    re_path(r"^documents/(\d+)/(.*)$", documents_views.serve, name="document_serve"),
    path("documents/", include(wagtaildocs_urls)),
    path("bilder/", include("core.images.urls")),
    path(f"{PREFIX}ical/", include("events.feed_urls")),
    path(f"{PREFIX}ical/", include("directory.feed_urls")),
    path(f"{PREFIX}api/hsds/", include("directory.hsds_urls")),
    # forum_detail.html links to it by this name, which forum/urls.py does not
    # define yet: the host names it (docs/plugins.md).
    path(f"{PREFIX}samordnare/", forum_views.coordinator_list, name="coordinators"),
    path(f"{PREFIX}forum/", include("forum.urls")),
    path(PREFIX, include("events.urls")),
    path(PREFIX, include("partners.urls")),
    path(PREFIX, include("directory.urls")),
    path(f"{PREFIX}uppfoljning/", include("knowledge.followup.urls")),
    path("", include(wagtail_urls)),
]
