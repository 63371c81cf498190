"""The platform under a prefix, as a host site may mount it (for the second
factor's test).
"""

from django.urls import include, path

from website import urls as site_urls

urlpatterns = [
    path("samverkan/ical/", include("events.feed_urls")),
    path("samverkan/ical/", include("directory.feed_urls")),
    path("konto/", include("allauth.urls")),
    *site_urls.urlpatterns,
]
