"""How many took part in an activity in a period, by sex and age band: counts only.

The organiser reports, for each activity and period (whole months), how many
took part, by sex and age band, and how many started, completed and dropped
out. Never a name, a date of birth or anything else that points at a person:
participation certificates (*deltagarintyg*) and drop-out reports to
Migrationsverket need identities and stay outside the platform.
"""

import calendar
import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from directory.models import Activity

from .statistics import AgeBand, Sex

# The longest period one report may cover (a school year's term is six).
MAX_MONTHS = 12


def month_end(day):
    """The last day of ``day``'s month."""
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def months_between(start, end):
    """How many calendar months [start, end] touches."""
    return (end.year - start.year) * 12 + end.month - start.month + 1


class ParticipationReportQuerySet(models.QuerySet):
    def in_county(self, county):
        return self.filter(activity__municipality__county=county)

    def within(self, start, end):
        """Reports whose whole period lies in [start, end]."""
        return self.filter(period_start__gte=start, period_end__lte=end)

    def overlapping(self, start, end):
        return self.filter(period_start__lte=end, period_end__gte=start)


class ParticipationReport(models.Model):
    """An organiser's counts for one activity and one period of whole months."""

    activity = models.ForeignKey(
        Activity,
        verbose_name=_("aktivitet"),
        on_delete=models.CASCADE,
        related_name="participation_reports",
    )
    period_start = models.DateField(
        _("periodens första dag"), help_text=_("Den första dagen i en månad.")
    )
    period_end = models.DateField(
        _("periodens sista dag"), help_text=_("Den sista dagen i en månad.")
    )
    started = models.PositiveIntegerField(
        _("började"), default=0, help_text=_("Hur många som började under perioden.")
    )
    completed = models.PositiveIntegerField(
        _("fullföljde"),
        default=0,
        help_text=_("Hur många som fullföljde aktiviteten under perioden."),
    )
    dropped_out = models.PositiveIntegerField(
        _("avbröt"), default=0, help_text=_("Hur många som avbröt under perioden.")
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("rapporterad av"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reported_at = models.DateTimeField(_("rapporterad"), auto_now_add=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("senast ändrad av"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)
    # Claimed by each save in one conditional UPDATE: the stale-save check.
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    objects = ParticipationReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("rapport om deltagande")
        verbose_name_plural = _("rapporter om deltagande")
        ordering = ["activity", "-period_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "period_start"],
                name="participation_report_unique_period",
            ),
            models.CheckConstraint(
                condition=Q(period_start__day=1),
                name="participation_report_starts_on_first",
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")),
                name="participation_report_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(started__gte=F("completed") + F("dropped_out")),
                name="participation_report_outcomes_within_started",
            ),
        ]
        indexes = [models.Index(fields=["period_start", "period_end"])]

    def __str__(self):
        return f"{self.activity} {self.period_label}"

    @property
    def period_label(self):
        first = date_format(self.period_start, "YEAR_MONTH_FORMAT")
        if (self.period_start.year, self.period_start.month) == (
            self.period_end.year,
            self.period_end.month,
        ):
            return first
        return f"{first} – {date_format(self.period_end, 'YEAR_MONTH_FORMAT')}"

    def clean(self):
        errors = {}
        today = timezone.localdate()
        if self.period_start and self.period_end:
            if self.period_end < self.period_start:
                errors["period_end"] = _("Perioden kan inte sluta innan den börjar.")
            elif months_between(self.period_start, self.period_end) > MAX_MONTHS:
                errors["period_end"] = _(
                    "En rapport gäller högst %(months)s månader."
                ) % {"months": MAX_MONTHS}
            if self.period_start > today or self.period_end > month_end(today):
                errors["period_start"] = _(
                    "Perioden ligger i framtiden: rapportera när den har börjat."
                )
            activity = self.activity if self.activity_id else None
            if activity and not errors:
                ends = activity.end_date or datetime.date.max
                if self.period_start > ends or self.period_end < activity.start_date:
                    errors["period_start"] = _(
                        "Perioden ligger utanför aktivitetens datum (%(dates)s)."
                    ) % {"dates": activity_dates(activity)}
        if (self.completed or 0) + (self.dropped_out or 0) > (self.started or 0):
            errors["completed"] = _(
                "Fullföljde och avbröt kan tillsammans inte vara fler än de som "
                "började."
            )
        if errors:
            raise ValidationError(errors)


def activity_dates(activity):
    start = date_format(activity.start_date, "j F Y")
    if activity.end_date:
        return f"{start} – {date_format(activity.end_date, 'j F Y')}"
    return _("från %(start)s") % {"start": start}


class ParticipantCount(models.Model):
    """How many of one sex and age band took part: one cell of a report's grid."""

    report = models.ForeignKey(
        ParticipationReport,
        verbose_name=_("rapport"),
        on_delete=models.CASCADE,
        related_name="counts",
    )
    sex = models.CharField(_("kön"), max_length=8, choices=Sex.choices)
    age_band = models.CharField(_("åldersgrupp"), max_length=8, choices=AgeBand.choices)
    count = models.PositiveIntegerField(_("antal"), default=0)

    class Meta:
        verbose_name = _("antal deltagare")
        verbose_name_plural = _("antal deltagare")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "sex", "age_band"],
                name="participant_count_unique_cell",
            ),
        ]

    def __str__(self):
        return f"{self.get_sex_display()} {self.get_age_band_display()}: {self.count}"
