from django.urls import path

from . import account_views

urlpatterns = [
    path("konto/namn/", account_views.edit_name, name="account_name"),
    path("konto/sprak/", account_views.edit_language, name="account_language"),
    path("konto/mina-uppgifter/", account_views.my_data, name="account_my_data"),
    path(
        "konto/mina-uppgifter/hamta/",
        account_views.my_data_download,
        name="account_my_data_download",
    ),
    path("konto/ta-bort/", account_views.delete_account, name="account_delete"),
]
