"""Travel routes: the municipality pairs between which travel is reimbursed."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.collation import swedish
from core.geography.models import Municipality


class TravelRouteQuerySet(models.QuerySet):
    def in_force(self, on=None):
        on = on or timezone.localdate()
        return self.filter(valid_from__lte=on).filter(
            Q(valid_until__isnull=True) | Q(valid_until__gte=on)
        )

    def reimbursed_to(self, municipality, on=None):
        """Municipalities from which travel to ``municipality`` is reimbursed."""
        routes = self.in_force(on).filter(
            Q(from_municipality=municipality) | Q(to_municipality=municipality)
        )
        ids = set()
        for from_id, to_id in routes.values_list(
            "from_municipality_id", "to_municipality_id"
        ):
            ids.add(to_id if from_id == municipality.pk else from_id)
        return Municipality.objects.filter(pk__in=ids).order_by(swedish("name"))


class TravelRoute(models.Model):
    """A journey between two municipalities that Migrationsverket reimburses."""

    from_municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("från kommun"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    to_municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("till kommun"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    valid_from = models.DateField(_("gäller från"))
    valid_until = models.DateField(_("gäller till"), null=True, blank=True)
    decision_reference = models.CharField(_("beslut (diarienummer)"), max_length=60)

    objects = TravelRouteQuerySet.as_manager()

    class Meta:
        verbose_name = _("resväg med reseersättning")
        verbose_name_plural = _("resvägar med reseersättning")
        ordering = ["from_municipality__name", "to_municipality__name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(from_municipality=models.F("to_municipality")),
                name="travel_route_two_municipalities",
            ),
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True)
                | Q(valid_until__gte=models.F("valid_from")),
                name="travel_route_period_in_order",
            ),
        ]

    def __str__(self):
        return f"{self.from_municipality} ↔ {self.to_municipality}"

    def clean(self):
        if (
            self.from_municipality_id
            and self.from_municipality_id == self.to_municipality_id
        ):
            raise ValidationError(_("En resväg går mellan två olika kommuner."))
