from django.urls import path

from . import invitations, self_service

app_name = "partners"

urlpatterns = [
    # A person's own organisations: register, join, manage.
    path("organisationer/", self_service.my_organisations, name="my_organisations"),
    path(
        "organisationer/ny/",
        self_service.register_organisation,
        name="organisation_register",
    ),
    path(
        "organisationer/anslut/",
        self_service.request_membership,
        name="membership_request",
    ),
    path(
        "organisationer/<slug:organisation_slug>/",
        self_service.organisation_dashboard,
        name="organisation_dashboard",
    ),
    path(
        "organisationer/<slug:organisation_slug>/redigera/",
        self_service.edit_organisation,
        name="organisation_edit",
    ),
    path(
        "organisationer/<slug:organisation_slug>/medlemmar/<int:membership_id>/",
        self_service.decide_membership,
        name="membership_decide",
    ),
    # Invitations by email.
    path(
        "organisationer/<slug:organisation_slug>/inbjudningar/ny/",
        invitations.create_invitation,
        name="invitation_create",
    ),
    path(
        "inbjudan/<str:token>/", invitations.accept_invitation, name="invitation_accept"
    ),
]
