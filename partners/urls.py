from django.urls import path

from . import contact_persons, invitations, self_service

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
    # The organisation's contact persons, kept by its admins.
    path(
        "organisationer/<slug:organisation_slug>/kontaktpersoner/ny/",
        contact_persons.create_contact_person,
        name="contact_person_create",
    ),
    path(
        "organisationer/<slug:organisation_slug>/kontaktpersoner/<int:contact_id>/",
        contact_persons.edit_contact_person,
        name="contact_person_edit",
    ),
    path(
        "organisationer/<slug:organisation_slug>/kontaktpersoner/<int:contact_id>/"
        "ta-bort/",
        contact_persons.delete_contact_person,
        name="contact_person_delete",
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
