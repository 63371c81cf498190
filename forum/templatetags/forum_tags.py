"""The forum's part of pages that rooms below it own."""

from django import template

from ..models import Notification, Participation, ParticipationApplication

register = template.Library()


@register.inclusion_tag("forum/includes/organisation_forums.html")
def organisation_forums(organisation):
    """The forums ``organisation`` takes part in and its applications to them,
    for its page in ``partners/`` (which imports nothing from the forum)."""
    return {
        "participations": Participation.objects.filter(
            organisation=organisation
        ).select_related("forum"),
        "applications": ParticipationApplication.objects.filter(
            organisation=organisation
        ).select_related("forum", "decided_by"),
    }


@register.simple_tag(takes_context=True)
def unread_notification_count(context):
    """How many of the signed-in person's notifications are unread (cached)."""
    user = getattr(context.get("request"), "user", None)
    return Notification.objects.unread_count(user) if user else 0
