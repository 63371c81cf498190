"""Who may manage an organisation: its active members, its admins, and county admins.

Staff status (a Wagtail editor) gives nothing here; county administrators hold
an explicit permission (``core.users.permissions.is_county_admin``).
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from core.users.permissions import is_county_admin

from .models import Membership, Organisation


def membership_of(user, organisation):
    """The user's active membership of ``organisation``, or None."""
    if not user.is_authenticated:
        return None
    return (
        Membership.objects.active().filter(user=user, organisation=organisation).first()
    )


def is_organisation_admin(user, organisation):
    if is_county_admin(user):
        return True
    membership = membership_of(user, organisation)
    return membership is not None and membership.role == Membership.Role.ADMIN


def organisation_for_member(request, organisation_slug):
    """The organisation if the user is an active member (or county admin), else 403."""
    organisation = get_object_or_404(Organisation, slug=organisation_slug)
    if not (is_county_admin(request.user) or membership_of(request.user, organisation)):
        raise PermissionDenied
    return organisation


def organisation_for_admin(request, organisation_slug):
    """The organisation if the user administers it (or is county admin), else 403."""
    organisation = get_object_or_404(Organisation, slug=organisation_slug)
    if not is_organisation_admin(request.user, organisation):
        raise PermissionDenied
    return organisation
