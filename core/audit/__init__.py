"""The audit log: who did what, security-wise, and when (docs/security.md).

Every room writes to it through one function, :func:`record`, which it may
import (rooms import the core); the core imports no room, so organisations and
forums are kept by id and name, the object an entry is about by content type.
"""

from contextvars import ContextVar

_request = ContextVar("audit_request", default=None)


def current_request():
    """The request being answered (``AuditRequestMiddleware``), or None."""
    return _request.get()


def record(
    action,
    *,
    actor=None,
    request=None,
    subject_user=None,
    organisation=None,
    forum=None,
    obj=None,
    **details,
):
    """Write one entry of the audit log and return it.

    Without ``actor`` the signed-in person of ``request`` (or of the request
    being answered) is the actor, so that a model method called from the site
    or from the admin names who did it.
    """
    from .models import AuditEntry

    return AuditEntry.objects.create(
        **AuditEntry.fields_for(
            action,
            actor=actor,
            request=request or current_request(),
            subject_user=subject_user,
            organisation=organisation,
            forum=forum,
            obj=obj,
            details=details,
        )
    )
