"""The calendar's pages (language-prefixed); each part keeps its own routes."""

from django.urls import include, path

app_name = "events"

urlpatterns = [
    path("", include("events.urls_calendar")),
    path("", include("events.urls_meetings")),
    path("", include("events.urls_subscriptions")),
    path("", include("events.urls_planning")),
]
