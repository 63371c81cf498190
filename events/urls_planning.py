"""Conveners' planning pages: a new meeting in a forum, changes to a meeting."""

from django.urls import path

from . import planning_views

urlpatterns = [
    path(
        "forum/<slug:slug>/kalender/planera/",
        planning_views.plan_meeting,
        name="plan_meeting",
    ),
    path(
        "kalender/<int:pk>/andra/",
        planning_views.edit_meeting,
        name="edit_meeting",
    ),
    path(
        "kalender/<int:pk>/handlingar/",
        planning_views.meeting_papers,
        name="meeting_papers",
    ),
    path(
        "kalender/<int:pk>/installt/",
        planning_views.cancel_meeting,
        name="cancel_meeting",
    ),
]
