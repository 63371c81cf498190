"""Who may manage an organisation: its active members, its admins, and staff."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from .models import Membership, Organisation


def membership_of(user, organisation):
    """The user's active membership of ``organisation``, or None."""
    if not user.is_authenticated:
        return None
    return (
        Membership.objects.active().filter(user=user, organisation=organisation).first()
    )


def is_organisation_admin(user, organisation):
    if user.is_authenticated and user.is_staff:
        return True
    membership = membership_of(user, organisation)
    return membership is not None and membership.role == Membership.Role.ADMIN


def organisation_for_member(request, organisation_slug):
    """The organisation if the user is an active member of it (or staff), else 403."""
    organisation = get_object_or_404(Organisation, slug=organisation_slug)
    if not (request.user.is_staff or membership_of(request.user, organisation)):
        raise PermissionDenied
    return organisation


def organisation_for_admin(request, organisation_slug):
    """The organisation if the signed-in user administers it (or is staff), else 403."""
    organisation = get_object_or_404(Organisation, slug=organisation_slug)
    if not is_organisation_admin(request.user, organisation):
        raise PermissionDenied
    return organisation
