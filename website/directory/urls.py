from django.urls import path  # noqa: F401 - the self-service routes are being written

app_name = "directory"

urlpatterns = []
