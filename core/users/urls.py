from django.urls import path

from . import account_views

urlpatterns = [
    path("konto/namn/", account_views.edit_name, name="account_name"),
    path("konto/sprak/", account_views.edit_language, name="account_language"),
]
