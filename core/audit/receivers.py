"""What the core records by itself: sign-in, the second factor, passwords,
email addresses, and who holds the county administrator's or staff powers."""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth import signals as auth_signals
from django.contrib.auth.models import Group
from django.db.models import signals

from core.users.permissions import ADMINISTER_FORUMS, is_county_admin

from . import record
from .models import Action


def signed_in(sender, request, user, **kwargs):
    record(Action.SIGNED_IN, actor=user, request=request, subject_user=user)


def sign_in_failed(sender, credentials, request=None, **kwargs):
    # Django has replaced the password by stars; keep only the address typed.
    attempted = credentials.get("email") or credentials.get("username") or ""
    record(Action.SIGN_IN_FAILED, request=request, email=str(attempted)[:254])


def signed_out(sender, request, user, **kwargs):
    if user is not None:
        record(Action.SIGNED_OUT, actor=user, request=request, subject_user=user)


def _about_user(action):
    def receiver(sender, request, user, **kwargs):
        record(action, request=request, actor=user, subject_user=user)

    receiver.__name__ = receiver.__qualname__ = f"record_{action}"
    return receiver


def _about_authenticator(action):
    def receiver(sender, request, user, authenticator, **kwargs):
        record(
            action,
            request=request,
            actor=user,
            subject_user=user,
            kind=authenticator.type,
        )

    receiver.__name__ = receiver.__qualname__ = f"record_{action}"
    return receiver


def _about_address(action):
    def receiver(sender, request, email_address, user=None, **kwargs):
        user = user or email_address.user
        record(
            action,
            request=request,
            actor=user,
            subject_user=user,
            email=email_address.email,
        )

    receiver.__name__ = receiver.__qualname__ = f"record_{action}"
    return receiver


def email_changed(sender, request, user, from_email_address, to_email_address, **kw):
    record(
        Action.EMAIL_CHANGED,
        request=request,
        actor=user,
        subject_user=user,
        previous=from_email_address.email if from_email_address else "",
        email=to_email_address.email,
    )


def remember_powers(sender, instance, update_fields=None, **kwargs):
    """Before a person is saved: their staff and superuser flags as stored."""
    if instance.pk is None:
        instance._audit_powers = (False, False)
        return
    if update_fields is not None and not {"is_staff", "is_superuser"} & set(
        update_fields
    ):
        return
    stored = (
        sender.objects.filter(pk=instance.pk)
        .values_list("is_staff", "is_superuser")
        .first()
    )
    instance._audit_powers = stored or (False, False)


def record_powers(sender, instance, **kwargs):
    """After a person is saved: record staff or superuser status given or taken."""
    stored = instance.__dict__.pop("_audit_powers", None)
    if stored is None:
        return
    was_staff, was_superuser = stored
    if instance.is_staff != was_staff:
        action = Action.STAFF_GRANTED if instance.is_staff else Action.STAFF_REVOKED
        record(action, subject_user=instance)
    if instance.is_superuser != was_superuser:
        action = (
            Action.COUNTY_ADMIN_GRANTED
            if instance.is_superuser
            else Action.COUNTY_ADMIN_REVOKED
        )
        record(action, subject_user=instance, through="superuser")


def _grants_county_admin(groups):
    app_label, codename = ADMINISTER_FORUMS.split(".")
    return list(
        groups.filter(
            permissions__content_type__app_label=app_label,
            permissions__codename=codename,
        ).distinct()
    )


def group_members_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """A person added to or removed from a group that makes them a county
    administrator (the group *Länsadministratörer*)."""
    if action not in ("post_add", "post_remove") or not pk_set:
        return
    User = get_user_model()
    if reverse:  # group.user_set.add(...)
        groups = _grants_county_admin(Group.objects.filter(pk=instance.pk))
        people = list(User.objects.filter(pk__in=pk_set)) if groups else []
    else:  # user.groups.add(...)
        groups = _grants_county_admin(Group.objects.filter(pk__in=pk_set))
        people = [instance] if groups else []
    for person in people:
        # A superuser keeps the powers whatever their groups.
        if action == "post_remove" and is_county_admin(_fresh(person)):
            continue
        record(
            Action.COUNTY_ADMIN_GRANTED
            if action == "post_add"
            else Action.COUNTY_ADMIN_REVOKED,
            subject_user=person,
            through=", ".join(group.name for group in groups),
        )


def _fresh(user):
    # has_perm caches the permissions it read on the instance.
    return get_user_model().objects.get(pk=user.pk)


def connect():
    auth_signals.user_logged_in.connect(signed_in, dispatch_uid="audit_signed_in")
    auth_signals.user_login_failed.connect(
        sign_in_failed, dispatch_uid="audit_sign_in_failed"
    )
    auth_signals.user_logged_out.connect(signed_out, dispatch_uid="audit_signed_out")
    User = get_user_model()
    signals.pre_save.connect(
        remember_powers, sender=User, dispatch_uid="audit_remember_powers"
    )
    signals.post_save.connect(
        record_powers, sender=User, dispatch_uid="audit_record_powers"
    )
    signals.m2m_changed.connect(
        group_members_changed,
        sender=User.groups.through,
        dispatch_uid="audit_group_members_changed",
    )
    if apps.is_installed("allauth.account"):
        from allauth.account import signals as account

        for signal, action in [
            (account.password_changed, Action.PASSWORD_CHANGED),
            (account.password_set, Action.PASSWORD_SET),
            (account.password_reset, Action.PASSWORD_RESET),
        ]:
            signal.connect(
                _about_user(action), dispatch_uid=f"audit_{action}", weak=False
            )
        for signal, action in [
            (account.email_added, Action.EMAIL_ADDED),
            (account.email_removed, Action.EMAIL_REMOVED),
            (account.email_confirmed, Action.EMAIL_CONFIRMED),
        ]:
            signal.connect(
                _about_address(action), dispatch_uid=f"audit_{action}", weak=False
            )
        account.email_changed.connect(email_changed, dispatch_uid="audit_email_changed")
    if apps.is_installed("allauth.mfa"):
        from allauth.mfa import signals as mfa

        for signal, action in [
            (mfa.authenticator_added, Action.SECOND_FACTOR_ADDED),
            (mfa.authenticator_removed, Action.SECOND_FACTOR_REMOVED),
            (mfa.authenticator_reset, Action.SECOND_FACTOR_RESET),
        ]:
            signal.connect(
                _about_authenticator(action), dispatch_uid=f"audit_{action}", weak=False
            )
