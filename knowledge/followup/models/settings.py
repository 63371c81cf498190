"""Who sees the county's follow-up: a summary for some, the detail for others.

The county chooses (in the admin) at which level of its forum the situation
report and the grant summaries open: by default the summary is public and
the detail opens from Samråd up. County administrators always see the detail.
"""

import enum

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.geography.models import County
from core.users.permissions import is_county_admin
from forum.access import level_in
from forum.models import Forum, Visibility


class Scope(enum.IntEnum):
    """How much of the follow-up a person may see, least first."""

    NONE = 0
    SUMMARY = 1
    DETAIL = 2


class FollowUpSettings(models.Model):
    """The county's choice of who sees the summary and who the detail."""

    county = models.OneToOneField(
        County,
        verbose_name=_("län"),
        on_delete=models.CASCADE,
        related_name="followup_settings",
    )
    forum = models.ForeignKey(
        Forum,
        verbose_name=_("forum"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_(
            "Forumet vars nivåer öppnar uppföljningen. Tomt: länets första forum."
        ),
    )
    summary_visibility = models.PositiveSmallIntegerField(
        _("sammanfattningen visas för"),
        choices=Visibility.choices,
        default=Visibility.PUBLIC,
    )
    detail_visibility = models.PositiveSmallIntegerField(
        _("detaljerna visas för"),
        choices=Visibility.choices,
        default=Visibility.SAMRAD,
        help_text=_("Länsadministratörer ser alltid detaljerna."),
    )

    class Meta:
        verbose_name = _("inställningar för uppföljningen")
        verbose_name_plural = _("inställningar för uppföljningen")

    def __str__(self):
        return str(self.county)

    @classmethod
    def for_county(cls, county):
        """The county's settings, or the defaults when it has chosen nothing."""
        found = cls.objects.filter(county=county).select_related("forum").first()
        return found or cls(county=county)

    def levels_forum(self):
        if self.forum_id:
            return self.forum
        return Forum.objects.filter(county_id=self.county_id).order_by("pk").first()

    def scope_for(self, user):
        """What ``user`` may see of this county's follow-up."""
        if user.is_authenticated and is_county_admin(user):
            return Scope.DETAIL
        forum = self.levels_forum()
        level = level_in(user, forum) if forum else 0
        if level >= self.detail_visibility:
            return Scope.DETAIL
        if level >= self.summary_visibility:
            return Scope.SUMMARY
        return Scope.NONE
