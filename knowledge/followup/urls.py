"""The follow-up room's pages (language-prefixed); each part keeps its own routes
in ``urls_<part>.py`` and is included here."""

from django.urls import include, path

app_name = "followup"

urlpatterns = [
    path("", include("knowledge.followup.urls_report")),
    path("", include("knowledge.followup.urls_participation")),
    path("", include("knowledge.followup.urls_statistics")),
]
