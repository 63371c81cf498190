"""The statistics upload's pages (county staff only)."""

from django.urls import path

from . import statistics_views

urlpatterns = [
    path("statistik/", statistics_views.statistics, name="statistics"),
    path(
        "statistik/mall.csv",
        statistics_views.statistics_template,
        name="statistics_template",
    ),
]
