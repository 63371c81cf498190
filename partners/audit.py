"""Memberships in the audit log (core.audit): joined, approved, role changed,
removed; written from the model's signals so that the self-service pages,
invitations and the admin all log the same way."""

from django.contrib.auth import get_user_model
from django.db.models import signals

from core.audit import record
from core.audit.models import Action

from .models import Membership


def remember_membership(sender, instance, **kwargs):
    instance._audit_before = (
        Membership.objects.filter(pk=instance.pk).values("role", "status").first()
        if instance.pk
        else None
    )


def record_membership(sender, instance, created, **kwargs):
    before = instance.__dict__.pop("_audit_before", None)
    about = {"subject_user": instance.user, "organisation": instance.organisation}
    active = instance.status == Membership.Status.ACTIVE
    if before is None:
        if active:
            record(Action.MEMBERSHIP_ADDED, **about, role=instance.role)
        return
    if active and before["status"] != instance.status:
        record(Action.MEMBERSHIP_APPROVED, **about, role=instance.role)
    elif before["role"] != instance.role:
        record(
            Action.MEMBERSHIP_ROLE_CHANGED,
            **about,
            previous=before["role"],
            role=instance.role,
        )


def record_removal(sender, instance, origin=None, **kwargs):
    User = get_user_model()
    if isinstance(origin, User) or getattr(origin, "model", None) is User:
        # The person is being deleted and their memberships with them: an entry
        # naming them now would hold a key to a row about to go.
        return
    record(
        Action.MEMBERSHIP_REMOVED,
        subject_user=instance.user,
        organisation=instance.organisation,
        role=instance.role,
        status=instance.status,
    )


def connect():
    signals.pre_save.connect(
        remember_membership, sender=Membership, dispatch_uid="audit_membership_pre"
    )
    signals.post_save.connect(
        record_membership, sender=Membership, dispatch_uid="audit_membership_post"
    )
    signals.post_delete.connect(
        record_removal, sender=Membership, dispatch_uid="audit_membership_delete"
    )
