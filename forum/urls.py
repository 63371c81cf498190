from django.urls import path

from . import views

app_name = "forum"

urlpatterns = [
    path("", views.forum_list, name="forum_list"),
    path("ansok/<slug:organisation_slug>/", views.apply, name="apply"),
    path("<slug:slug>/", views.forum_detail, name="forum_detail"),
    path("<slug:slug>/ansokningar/", views.applications, name="applications"),
    path(
        "<slug:slug>/ansokningar/<int:application_id>/",
        views.decide_application,
        name="application_decide",
    ),
]
