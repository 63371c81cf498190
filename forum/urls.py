from django.urls import path

from . import views

app_name = "forum"

urlpatterns = [
    path("", views.forum_list, name="forum_list"),
    path("<slug:slug>/", views.forum_detail, name="forum_detail"),
]
