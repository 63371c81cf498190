from django.urls import include, path

from . import search_views, views

app_name = "forum"

urlpatterns = [
    # The levels in practice, each part with its own routes.
    path("", include("forum.urls_consultations")),
    path("", include("forum.urls_dialog")),
    path("", include("forum.urls_partnership")),
    path("", include("forum.urls_notifications")),
    path("", include("forum.urls_directory")),
    path("", views.forum_list, name="forum_list"),
    path("ansok/<slug:organisation_slug>/", views.apply, name="apply"),
    path("sok/", search_views.member_search, name="search"),
    path("<slug:slug>/", views.forum_detail, name="forum_detail"),
    path("<slug:slug>/ansokningar/", views.applications, name="applications"),
    path(
        "<slug:slug>/ansokningar/<int:application_id>/",
        views.decide_application,
        name="application_decide",
    ),
]
