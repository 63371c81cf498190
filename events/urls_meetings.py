"""Agendas, agenda proposals, minutes and action items of the forum's meetings."""

from django.urls import path

from . import agenda_views, minutes_views

urlpatterns = [
    path("kalender/<int:pk>/dagordning/", agenda_views.agenda, name="agenda"),
    path(
        "kalender/<int:pk>/dagordning/forslag/<int:proposal_id>/",
        agenda_views.proposal_decide,
        name="proposal_decide",
    ),
    path(
        "kalender/<int:pk>/dagordning/redigera/",
        agenda_views.agenda_edit,
        name="agenda_edit",
    ),
    path("kalender/<int:pk>/protokoll/", minutes_views.minutes, name="minutes"),
    path(
        "kalender/<int:pk>/protokoll/redigera/",
        minutes_views.minutes_edit,
        name="minutes_edit",
    ),
    path(
        "kalender/<int:pk>/protokoll/utskrift/",
        minutes_views.minutes_print,
        name="minutes_print",
    ),
    path(
        "kalender/<int:pk>/protokoll/justera/",
        minutes_views.minutes_approve,
        name="minutes_approve",
    ),
    path(
        "kalender/<int:pk>/protokoll/publicera/",
        minutes_views.minutes_publish,
        name="minutes_publish",
    ),
    path(
        "forum/<slug:slug>/atgarder/", minutes_views.action_items, name="action_items"
    ),
    path(
        "atgarder/<int:pk>/",
        minutes_views.action_item_update,
        name="action_item_update",
    ),
]
