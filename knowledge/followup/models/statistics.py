"""Migrationsverket's figures for the target group, as the county uploads them.

One row per municipality, month, target-group category, accommodation, sex
and age band. A figure that Migrationsverket masked (".." in its files) is
kept as masked (``count`` is NULL): the platform never guesses it.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.geography.models import County, Municipality


class Category(models.TextChoices):
    ASYLUM_SEEKERS = "asylum_seekers", _("Asylsökande")
    PERMIT_HOLDERS = (
        "permit_holders",
        _("Personer med uppehållstillstånd i Migrationsverkets boende"),
    )
    TEMPORARY_PROTECTION = "temporary_protection", _("Personer med tillfälligt skydd")


class Accommodation(models.TextChoices):
    MIGRATIONSVERKET = "migrationsverket", _("Migrationsverkets boende")
    OWN = "own", _("Eget boende")
    OTHER = "other", _("Övrigt boende")


class Sex(models.TextChoices):
    WOMEN = "women", _("Kvinnor")
    MEN = "men", _("Män")


class AgeBand(models.TextChoices):
    """Adults only: the assignment is for people 18 and older."""

    FROM_18 = "18-24", _("18–24 år")
    FROM_25 = "25-34", _("25–34 år")
    FROM_35 = "35-44", _("35–44 år")
    FROM_45 = "45-64", _("45–64 år")
    FROM_65 = "65-", _("65 år och äldre")


class StatisticsImport(models.Model):
    """One uploaded file that was applied: who, when, which file, which months."""

    county = models.ForeignKey(
        County,
        verbose_name=_("län"),
        on_delete=models.PROTECT,
        related_name="statistics_imports",
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uppladdad av"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uppladdad"), auto_now_add=True)
    file_name = models.CharField(_("filnamn"), max_length=255)
    months = models.JSONField(
        _("månader"), default=list, help_text=_("De månader filen ersatte (ÅÅÅÅ-MM).")
    )
    row_count = models.PositiveIntegerField(_("antal rader"), default=0)
    masked_count = models.PositiveIntegerField(
        _("maskerade värden"),
        default=0,
        help_text=_("Rader där Migrationsverket angav ”..” i stället för ett antal."),
    )
    replaced_count = models.PositiveIntegerField(
        _("ersatta rader"),
        default=0,
        help_text=_("Rader från tidigare uppladdningar för samma månader."),
    )
    fictional = models.BooleanField(
        _("fiktiva siffror"),
        default=False,
        help_text=_("Demodata: visas med en upplysning om att siffrorna är påhittade."),
    )

    class Meta:
        verbose_name = _("uppladdning av statistik")
        verbose_name_plural = _("uppladdningar av statistik")
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self):
        return self.file_name


class TargetGroupFigureQuerySet(models.QuerySet):
    def in_county(self, county):
        return self.filter(municipality__county=county)

    def for_month(self, month):
        return self.filter(month=month.replace(day=1))


class TargetGroupFigure(models.Model):
    """How many people of one kind lived in a municipality in a month."""

    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("kommun"),
        on_delete=models.PROTECT,
        related_name="target_group_figures",
    )
    month = models.DateField(_("månad"), help_text=_("Den första dagen i månaden."))
    category = models.CharField(_("målgrupp"), max_length=24, choices=Category.choices)
    accommodation = models.CharField(
        _("boendeform"), max_length=20, choices=Accommodation.choices
    )
    sex = models.CharField(_("kön"), max_length=8, choices=Sex.choices)
    age_band = models.CharField(_("åldersgrupp"), max_length=8, choices=AgeBand.choices)
    count = models.PositiveIntegerField(
        _("antal"),
        null=True,
        blank=True,
        help_text=_("Tomt: Migrationsverket maskerade värdet (”..”)."),
    )
    source = models.ForeignKey(
        StatisticsImport,
        verbose_name=_("uppladdning"),
        on_delete=models.CASCADE,
        related_name="figures",
    )

    objects = TargetGroupFigureQuerySet.as_manager()

    class Meta:
        verbose_name = _("siffra om målgruppen")
        verbose_name_plural = _("siffror om målgruppen")
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "municipality",
                    "month",
                    "category",
                    "accommodation",
                    "sex",
                    "age_band",
                ],
                name="target_group_figure_unique_cell",
            ),
            models.CheckConstraint(
                condition=models.Q(month__day=1),
                name="target_group_figure_first_of_month",
            ),
        ]
        indexes = [models.Index(fields=["month", "municipality"])]

    def __str__(self):
        return f"{self.municipality} {self.month:%Y-%m}"

    @property
    def masked(self):
        return self.count is None
