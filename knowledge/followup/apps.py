from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    """The county's follow-up of the assignment: target-group statistics, the
    situation report, participation counts, grants and the action plan."""

    name = "knowledge.followup"
    label = "followup"
    verbose_name = _("Uppföljning")

    def ready(self):
        from forum import desk as forum_desk

        from . import desk, desk_participation, desk_statistics

        forum_desk.register(desk.desk_sections)
        # Each part of the room adds its desk links below (desk.link(...)).
        desk.link(desk.report_link)
        desk.link(desk_participation.desk_items)
        desk.link(desk_statistics.statistics_link)
