from django.urls import path

from . import views

# Outside the language prefixes: the switcher's link is the same in every language.
urlpatterns = [
    path("sprak/<str:code>/", views.choose, name="choose_language"),
]
