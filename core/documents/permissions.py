"""Wagtail's document permissions, narrowed by the records that point to a
document and by the guarded pages that link to it (``core/page_access.py``)."""

from wagtail.permission_policies.collections import (
    CollectionOwnershipPermissionPolicy,
)

from core.page_access import hidden_in_admin

from .access import documents_q, seen_through_records


class DocumentPermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Collections and ownership as in Wagtail; a document that a record points
    to (a meeting's paper, a signed agreement) only for those who see one, and
    one that guarded pages link to (a members-only knowledge page) only for
    those who may read one of them in the admin."""

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return (
            super().user_has_any_permission_for_instance(user, actions, instance)
            and seen_through_records(user, instance) in (None, True)
            and instance.pk not in hidden_in_admin(user, self.model, instance.pk)
        )

    def instances_user_has_any_permission_for(self, user, actions):
        return (
            super()
            .instances_user_has_any_permission_for(user, actions)
            .filter(documents_q(user))
            .exclude(pk__in=hidden_in_admin(user, self.model))
        )
