"""Everything the platform holds about a person, for that person, and the
deletion of their account.

Each room keeps its own data, so each room registers a section: a function
``(user) -> list | dict`` of plain JSON values (``register``), imported from
its app's ``ready()``. ``collect`` gathers them for the download in the
account area; only the person's own rows, never other people's names.

Deleting an account (``delete_account``) removes the person, their sign-in,
addresses, second factor, sessions, notifications, RSVPs and calendar token
(those rows are theirs alone, deleted with the user); what they wrote for
others stays: posts show "Tidigare medlem", consultation responses and their
versions stay with the organisation (their keys to the user are SET_NULL).
"""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from core.audit.models import AuditEntry
from core.conf import setting

_sections = {}


def register(name):
    """Decorator: ``name`` is the section's key in the download."""

    def decorator(function):
        _sections[name] = function
        return function

    return decorator


def when(value):
    """A date or time as ISO 8601, or None."""
    return value.isoformat() if value else None


def collect(user):
    """The whole download: every registered section for ``user``."""
    data = {
        "platform": setting("SITE_NAME"),
        "created_at": when(timezone.now()),
    }
    for name, section in _sections.items():
        data[name] = section(user)
    return data


@register("profile")
def profile(user):
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "language": user.language,
        "date_joined": when(user.date_joined),
        "last_login": when(user.last_login),
    }


@register("email_addresses")
def email_addresses(user):
    return [
        {
            "email": address.email,
            "verified": address.verified,
            "primary": address.primary,
        }
        for address in EmailAddress.objects.filter(user=user).order_by("email")
    ]


@register("second_factor")
def second_factor(user):
    return [
        {"type": authenticator.type, "created_at": when(authenticator.created_at)}
        for authenticator in Authenticator.objects.filter(user=user).order_by("pk")
    ]


@register("audit_log")
def audit_entries(user):
    """What the security log says about the person: their own actions and
    the ones done to their account (who did them only by role: the actor's
    address is left out unless it is the person's own)."""
    entries = AuditEntry.objects.filter(Q(actor=user) | Q(subject_user=user))
    return [
        {
            "when": when(entry.when),
            "action": entry.action,
            "by_you": entry.actor_id == user.pk,
            "ip_address": entry.ip_address if entry.actor_id == user.pk else None,
            "object": entry.object_repr,
        }
        for entry in entries.order_by("when", "pk")
    ]


def end_sessions(user):
    """Every session of ``user`` (database sessions, as configured)."""
    key = str(user.pk)
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == key:
            session.delete()


@transaction.atomic
def delete_account(user):
    """Delete ``user``; what they wrote for their organisations stays."""
    end_sessions(user)
    user.delete()
