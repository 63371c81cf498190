"""Dialog threads of a forum (level Dialog and up)."""

from django.urls import path

from . import dialog_views

urlpatterns = [
    path("<slug:slug>/dialog/", dialog_views.thread_list, name="threads"),
    path("<slug:slug>/dialog/ny/", dialog_views.thread_create, name="thread_create"),
    path(
        "<slug:slug>/dialog/<int:pk>/",
        dialog_views.thread_detail,
        name="thread_detail",
    ),
    path(
        "<slug:slug>/dialog/<int:pk>/bevaka/",
        dialog_views.thread_follow,
        name="thread_follow",
    ),
    path(
        "<slug:slug>/dialog/<int:pk>/bilagor/<int:attachment_id>/",
        dialog_views.post_attachment,
        name="post_attachment",
    ),
    path(
        "<slug:slug>/dialog/inlagg/<int:post_id>/moderera/",
        dialog_views.post_moderate,
        name="post_moderate",
    ),
]
