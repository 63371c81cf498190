"""Calendar feeds: outside the language prefix, as calendar apps keep URLs for years."""

from django.urls import path

from . import feeds

urlpatterns = [
    path("kalender.ics", feeds.feed_public, name="events_feed_public"),
    path("forum/<slug:slug>.ics", feeds.feed_forum, name="events_feed_forum"),
    path("personlig/<str:token>.ics", feeds.feed_personal, name="events_feed_personal"),
    path("handelse/<int:pk>.ics", feeds.event_ics, name="events_feed_event"),
]
