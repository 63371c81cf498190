"""The platform under a prefix, as a host may mount it (the second factor test)."""

from django.urls import include, path

from website import urls as site_urls

urlpatterns = [
    path("samverkan/ical/", include("events.feed_urls")),
    path("samverkan/ical/", include("directory.feed_urls")),
    path("konto/", include("allauth.urls")),
    *site_urls.urlpatterns,
]
