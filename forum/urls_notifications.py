from django.urls import path

from . import notification_views

urlpatterns = [
    path(
        "installningar/aviseringar/",
        notification_views.notification_settings,
        name="notification_settings",
    ),
    # "mina-aviseringar", not "aviseringar": a forum's own page is /forum/<slug>/.
    path(
        "mina-aviseringar/",
        notification_views.notification_list,
        name="notification_list",
    ),
    path(
        "mina-aviseringar/<int:pk>/",
        notification_views.notification_open,
        name="notification_open",
    ),
    path(
        "mina-aviseringar/las-alla/",
        notification_views.notifications_mark_all_read,
        name="notifications_mark_all_read",
    ),
]
