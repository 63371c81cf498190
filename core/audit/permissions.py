"""Who may read the audit log in the admin: county administrators; nobody may
add, change or delete an entry there."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy

from core.users.permissions import ADMINISTER_FORUMS, is_county_admin


class AuditPermissionPolicy(BasePermissionPolicy):
    """ "view" for county administrators (``is_county_admin``); nothing else."""

    def user_has_permission(self, user, action):
        return action == "view" and is_county_admin(user)

    def users_with_any_permission(self, actions):
        User = get_user_model()
        if "view" not in actions:
            return User.objects.none()
        app_label, codename = ADMINISTER_FORUMS.split(".")
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        )
        return User.objects.filter(
            Q(is_superuser=True)
            | Q(user_permissions__in=permission)
            | Q(groups__permissions__in=permission),
            is_active=True,
        ).distinct()
