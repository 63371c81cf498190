"""The situation report (lägesbild) and its downloads."""

from django.urls import path

from . import report_views

urlpatterns = [
    path("lagesbild/", report_views.situation, name="report"),
    path("lagesbild/lagesbild.csv", report_views.situation_csv, name="report_csv"),
    path("lagesbild/lagesbild.xlsx", report_views.situation_xlsx, name="report_xlsx"),
]
