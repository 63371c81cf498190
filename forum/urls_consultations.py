from django.urls import path

from . import consultation_views as views
from . import response_views

urlpatterns = [
    path("<slug:slug>/samrad/", views.consultation_list, name="consultations"),
    path(
        "<slug:slug>/samrad/nytt/",
        views.consultation_create,
        name="consultation_create",
    ),
    path(
        "<slug:slug>/samrad/<int:pk>/",
        views.consultation_detail,
        name="consultation_detail",
    ),
    path(
        "<slug:slug>/samrad/<int:pk>/redigera/",
        views.consultation_edit,
        name="consultation_edit",
    ),
    path(
        "<slug:slug>/samrad/<int:pk>/svar/",
        response_views.response_edit,
        name="response_edit",
    ),
    path(
        "<slug:slug>/samrad/<int:pk>/svar/historik/",
        response_views.response_history,
        name="response_history",
    ),
    path(
        "<slug:slug>/samrad/<int:pk>/bilagor/<int:attachment_id>/",
        response_views.response_attachment,
        name="response_attachment",
    ),
    path(
        "<slug:slug>/samrad/<int:pk>/bjud-in/",
        views.consultation_invite,
        name="consultation_invite",
    ),
    path(
        "<slug:slug>/samrad/<int:pk>/status/",
        views.consultation_status,
        name="consultation_status",
    ),
    path(
        "<slug:slug>/samrad/<int:pk>/aterkoppling/",
        views.consultation_feedback,
        name="consultation_feedback",
    ),
    path(
        "<slug:slug>/samrad/<int:pk>/svar.csv",
        views.consultation_export,
        name="consultation_export",
    ),
    path(
        "<slug:slug>/samrad/<int:pk>/sammanstallning/",
        views.consultation_print,
        name="consultation_print",
    ),
]
