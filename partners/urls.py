from django.urls import path

from . import views

app_name = "partners"

urlpatterns = [
    path("<slug:slug>/partner/", views.directory, name="directory"),
    path("<slug:slug>/partner/export.csv", views.directory_csv, name="directory_csv"),
    path(
        "<slug:slug>/partner/<slug:organisation_slug>/",
        views.organisation_detail,
        name="organisation_detail",
    ),
]
