"""Wagtail's document permissions, narrowed by the records that point to a document."""

from wagtail.permission_policies.collections import (
    CollectionOwnershipPermissionPolicy,
)

from .access import documents_q, seen_through_records


class DocumentPermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Collections and ownership as in Wagtail; a document that a record points
    to (a meeting's paper, a signed agreement) only for those who see one."""

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return super().user_has_any_permission_for_instance(
            user, actions, instance
        ) and seen_through_records(user, instance) in (None, True)

    def instances_user_has_any_permission_for(self, user, actions):
        return (
            super()
            .instances_user_has_any_permission_for(user, actions)
            .filter(documents_q(user))
        )
