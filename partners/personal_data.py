"""The person's memberships, for their data download (core.users.personal_data)."""

from core.users.personal_data import register, when

from .models import Membership


@register("memberships")
def memberships(user):
    rows = Membership.objects.filter(user=user).select_related("organisation")
    return [
        {
            "organisation": membership.organisation.name,
            "role": membership.role,
            "status": membership.status,
            "created_at": when(membership.created_at),
        }
        for membership in rows.order_by("organisation__name")
    ]
