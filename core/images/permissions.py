"""Wagtail's image permissions, narrowed for protected images by the guarded
pages that show them (``core/page_access.py``)."""

from wagtail.permission_policies.collections import (
    CollectionOwnershipPermissionPolicy,
)

from core.page_access import hidden_in_admin


class ImagePermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Collections and ownership as in Wagtail; a protected image that guarded
    pages show (a members-only knowledge page) only for those who may read one
    of them in the admin. A public image is a public file: nothing to hide."""

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return super().user_has_any_permission_for_instance(
            user, actions, instance
        ) and not (
            instance.private
            and instance.pk in hidden_in_admin(user, self.model, instance.pk)
        )

    def instances_user_has_any_permission_for(self, user, actions):
        return (
            super()
            .instances_user_has_any_permission_for(user, actions)
            .exclude(private=True, pk__in=hidden_in_admin(user, self.model))
        )
