from django.urls import path

from . import notification_views

urlpatterns = [
    path(
        "installningar/aviseringar/",
        notification_views.notification_settings,
        name="notification_settings",
    ),
]
