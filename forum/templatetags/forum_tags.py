"""The forum's part of pages that rooms below it own."""

from django import template

from ..models import Participation, ParticipationApplication

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
