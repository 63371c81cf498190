"""The calendar pages: month and list views, event pages and answers (RSVP)."""

from django.urls import path

from . import calendar_views

urlpatterns = [
    path("kalender/", calendar_views.calendar, name="calendar"),
    path("kalender/<int:pk>/", calendar_views.event_detail, name="event_detail"),
    path("kalender/<int:pk>/svar/", calendar_views.rsvp, name="rsvp"),
    path(
        "forum/<slug:slug>/kalender/",
        calendar_views.forum_calendar,
        name="forum_calendar",
    ),
]
