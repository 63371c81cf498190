from django.urls import path

from . import directory_views as views

# The members-only partner directory of a forum (at /forum/<forum>/partner/).
urlpatterns = [
    path("<slug:slug>/partner/", views.directory, name="partner_directory"),
    path(
        "<slug:slug>/partner/export.csv",
        views.directory_csv,
        name="partner_directory_csv",
    ),
    path(
        "<slug:slug>/partner/<slug:organisation_slug>/",
        views.organisation_detail,
        name="partner_detail",
    ),
]
