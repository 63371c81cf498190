"""The follow-up room's pages (language-prefixed); each part keeps its own routes
in ``urls_<part>.py`` and is included here."""

app_name = "followup"

urlpatterns = []
