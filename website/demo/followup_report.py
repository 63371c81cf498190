"""The situation report's demo settings: Skåne shows its summary to everyone
and the detail from Samråd up (what the county chose in the admin)."""

from core.geography.models import County
from forum.models import Visibility
from knowledge.followup.models import FollowUpSettings


def create_followup_report_settings():
    county = County.objects.filter(code="12").first()
    if county is None:
        return None
    settings, _ = FollowUpSettings.objects.update_or_create(
        county=county,
        defaults={
            "summary_visibility": Visibility.PUBLIC,
            "detail_visibility": Visibility.SAMRAD,
        },
    )
    return settings
