"""Agendas, agenda proposals, minutes and action items of the forum's meetings."""

from django.urls import path

from . import meeting_views as views

urlpatterns = [
    path("kalender/<int:pk>/dagordning/", views.agenda, name="agenda"),
    path(
        "kalender/<int:pk>/dagordning/forslag/<int:proposal_id>/",
        views.proposal_decide,
        name="proposal_decide",
    ),
    path(
        "kalender/<int:pk>/dagordning/redigera/",
        views.agenda_edit,
        name="agenda_edit",
    ),
    path("kalender/<int:pk>/protokoll/", views.minutes, name="minutes"),
    path(
        "kalender/<int:pk>/protokoll/redigera/",
        views.minutes_edit,
        name="minutes_edit",
    ),
    path(
        "kalender/<int:pk>/protokoll/utskrift/",
        views.minutes_print,
        name="minutes_print",
    ),
    path(
        "kalender/<int:pk>/protokoll/justera/",
        views.minutes_approve,
        name="minutes_approve",
    ),
    path(
        "kalender/<int:pk>/protokoll/publicera/",
        views.minutes_publish,
        name="minutes_publish",
    ),
    path("forum/<slug:slug>/atgarder/", views.action_items, name="action_items"),
    path("atgarder/<int:pk>/", views.action_item_update, name="action_item_update"),
]
