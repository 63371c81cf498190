from django.urls import path

from . import decision_views
from . import partnership_views as views

urlpatterns = [
    path("<slug:slug>/partnerskap/", views.partnership, name="partnership"),
    path(
        "<slug:slug>/partnerskap/arkiv/uppdrag/",
        views.task_archive,
        name="task_archive",
    ),
    path(
        "<slug:slug>/partnerskap/arkiv/beslut/",
        views.decision_archive,
        name="decision_archive",
    ),
    path(
        "<slug:slug>/partnerskap/uppdrag/nytt/", views.task_create, name="task_create"
    ),
    path(
        "<slug:slug>/partnerskap/uppdrag/<int:pk>/",
        views.task_update,
        name="task_update",
    ),
    path(
        "<slug:slug>/partnerskap/beslut/nytt/",
        decision_views.decision_create,
        name="decision_create",
    ),
    path(
        "<slug:slug>/partnerskap/beslut/<int:pk>/",
        decision_views.decision_detail,
        name="decision_detail",
    ),
    path(
        "<slug:slug>/partnerskap/beslut/<int:pk>/avgor/",
        decision_views.decision_close,
        name="decision_close",
    ),
]
