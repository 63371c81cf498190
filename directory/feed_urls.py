"""The directory's calendar file: outside the language prefix, as calendar apps keep
URLs for years. The host mounts it beside ``events.feed_urls`` (``ical/``)."""

from django.urls import path

from . import feed_views

urlpatterns = [
    path("aktiviteter.ics", feed_views.activities_ics, name="activities_ics"),
    path("aktivitet/<slug:slug>.ics", feed_views.activity_ics, name="activity_ics"),
]
