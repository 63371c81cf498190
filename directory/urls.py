from django.urls import path

from . import review, self_service

app_name = "directory"

ACTIVITY = "organisationer/<slug:organisation_slug>/aktiviteter/<slug:slug>/"

urlpatterns = [
    # An organisation's own activities.
    path(
        "organisationer/<slug:organisation_slug>/aktiviteter/",
        self_service.activity_list,
        name="activity_list",
    ),
    # Before the activity's own URL: no activity gets the slug "ny".
    path(
        "organisationer/<slug:organisation_slug>/aktiviteter/ny/",
        self_service.activity_create,
        name="activity_create",
    ),
    path(ACTIVITY, self_service.activity_edit, name="activity_edit"),
    path(f"{ACTIVITY}skicka/", self_service.activity_submit, name="activity_submit"),
    path(
        f"{ACTIVITY}bekrafta/", self_service.activity_confirm, name="activity_confirm"
    ),
    path(f"{ACTIVITY}avsluta/", self_service.activity_end, name="activity_end"),
    path(
        f"{ACTIVITY}historik/", self_service.activity_history, name="activity_history"
    ),
    # The sub-regional coordinators' review.
    path("granskning/aktiviteter/", review.review_queue, name="review_queue"),
    path("granskning/aktiviteter/<slug:slug>/", review.review, name="review"),
    # County editors translate published activities from the queue.
    path(
        "granskning/aktiviteter/<slug:slug>/oversattning/<str:language>/",
        review.translation_edit,
        name="translation_edit",
    ),
]
