from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.collation import swedish


class County(models.Model):
    """A county (län) with its SCB code; loaded from the reference data."""

    code = models.CharField(
        _("länskod"),
        max_length=2,
        unique=True,
        validators=[RegexValidator(r"^\d{2}$", _("Länskoden är två siffror."))],
    )
    name = models.CharField(_("namn"), max_length=100, unique=True)
    slug = models.SlugField(_("kortnamn"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("län")
        verbose_name_plural = _("län")
        ordering = [swedish("name")]

    def __str__(self):
        return self.name


class SubRegionQuerySet(models.QuerySet):
    def in_county(self, county):
        return self.filter(county=county)


class SubRegion(models.Model):
    """A group of municipalities in one county (delregion/knutpunkt), set by staff."""

    county = models.ForeignKey(
        County,
        verbose_name=_("län"),
        on_delete=models.PROTECT,
        related_name="subregions",
    )
    name = models.CharField(_("namn"), max_length=100)
    slug = models.SlugField(
        _("kortnamn"),
        max_length=100,
        help_text=_("Används i webbadresser, t.ex. nordvastra-skane."),
    )
    description = models.TextField(_("beskrivning"), blank=True)

    objects = SubRegionQuerySet.as_manager()

    class Meta:
        verbose_name = _("delregion")
        verbose_name_plural = _("delregioner")
        ordering = [swedish("county__name"), swedish("name")]
        constraints = [
            models.UniqueConstraint(
                fields=["county", "name"], name="subregion_unique_name_in_county"
            ),
            models.UniqueConstraint(
                fields=["county", "slug"], name="subregion_unique_slug_in_county"
            ),
        ]

    def __str__(self):
        return self.name


class MunicipalityQuerySet(models.QuerySet):
    def in_county(self, county):
        return self.filter(county=county)

    def in_subregion(self, subregion):
        return self.filter(subregion=subregion)


class Municipality(models.Model):
    """A municipality (kommun) with its SCB code; belongs to at most one sub-region."""

    code = models.CharField(
        _("kommunkod"),
        max_length=4,
        unique=True,
        validators=[RegexValidator(r"^\d{4}$", _("Kommunkoden är fyra siffror."))],
    )
    name = models.CharField(_("namn"), max_length=100)
    slug = models.SlugField(_("kortnamn"), max_length=100, unique=True)
    county = models.ForeignKey(
        County,
        verbose_name=_("län"),
        on_delete=models.PROTECT,
        related_name="municipalities",
    )
    subregion = models.ForeignKey(
        SubRegion,
        verbose_name=_("delregion"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="municipalities",
    )
    # Where the map puts an activity that has no point of its own: the
    # municipality's central town, approximately (data/municipality_centres.csv).
    latitude = models.DecimalField(
        _("latitud för centralorten"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_(
            "Kartan visar här de aktiviteter i kommunen som inte har en egen "
            "plats. Tomt: de visas inte på kartan."
        ),
    )
    longitude = models.DecimalField(
        _("longitud för centralorten"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
    )

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        verbose_name = _("kommun")
        verbose_name_plural = _("kommuner")
        ordering = [swedish("name")]

    def __str__(self):
        return self.name

    def clean(self):
        if self.subregion_id and self.subregion.county_id != self.county_id:
            raise ValidationError(
                {"subregion": _("Delregionen måste ligga i kommunens län.")}
            )
