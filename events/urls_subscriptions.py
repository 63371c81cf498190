"""The page where a person finds their calendar feed addresses."""

from django.urls import path

from . import feeds

urlpatterns = [
    path("kalender/prenumerera/", feeds.subscribe, name="subscribe"),
    path(
        "kalender/prenumerera/ny-nyckel/",
        feeds.regenerate_token,
        name="regenerate_token",
    ),
]
