"""Participation counts: the organisations' own reports and the county's totals."""

from django.urls import path

from . import participation_views as views

urlpatterns = [
    path("deltagande/", views.county_view, name="participation_county"),
    path("deltagande/export.csv", views.county_csv, name="participation_county_csv"),
    path(
        "deltagande/<slug:organisation_slug>/",
        views.organisation_reports,
        name="participation_organisation",
    ),
    path(
        "deltagande/<slug:organisation_slug>/<slug:activity_slug>/ny/",
        views.report_create,
        name="participation_report_create",
    ),
    path(
        "deltagande/<slug:organisation_slug>/<slug:activity_slug>/<int:pk>/",
        views.report_edit,
        name="participation_report_edit",
    ),
]
