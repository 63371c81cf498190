"""The situation report's query: which area and which month (``?lan=12&manad=…``)."""

import datetime

from django import forms
from django.http import QueryDict
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from core.collation import swedish
from core.geography.models import County, Municipality, SubRegion

from .report import Area, months_with_figures


def _grouped(places):
    """Choices grouped by county: [(county name, [(slug, name)])]."""
    groups = {}
    for place in places:
        groups.setdefault(place.county.name, []).append((place.slug, place.name))
    return list(groups.items())


class ReportQueryForm(forms.Form):
    """The area (the whole country, a county, a sub-region or a municipality:
    the narrowest one given) and the month, of the months with figures."""

    lan = forms.ChoiceField(label=_("Län"), required=False)
    delregion = forms.ChoiceField(label=_("Delregion"), required=False)
    kommun = forms.ChoiceField(label=_("Kommun"), required=False)
    manad = forms.ChoiceField(
        label=_("Månad"),
        required=False,
        help_text=_("De månader det finns siffror för. Tomt: den senaste."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.counties = list(County.objects.order_by(swedish("name")))
        self.subregions = list(
            SubRegion.objects.select_related("county").order_by(
                swedish("county__name"), swedish("name")
            )
        )
        self.municipalities = list(
            Municipality.objects.select_related("county").order_by(
                swedish("county__name"), swedish("name")
            )
        )
        self.months = months_with_figures()
        self.fields["lan"].choices = [("", _("Hela landet"))] + [
            (county.code, county.name) for county in self.counties
        ]
        self.fields["delregion"].choices = [("", _("Alla delregioner"))] + _grouped(
            self.subregions
        )
        self.fields["kommun"].choices = [("", _("Alla kommuner"))] + _grouped(
            self.municipalities
        )
        self.fields["manad"].choices = [("", _("Senaste"))] + [
            (f"{month:%Y-%m}", date_format(month, "F Y")) for month in self.months
        ]

    def clean(self):
        data = super().clean()
        county = next((c for c in self.counties if c.code == data.get("lan")), None)
        subregions = (
            [s for s in self.subregions if s.slug == data.get("delregion")]
            if data.get("delregion")
            else []
        )
        if county and subregions:
            subregions = [s for s in subregions if s.county_id == county.pk]
            if not subregions:
                self.add_error("delregion", _("Delregionen ligger inte i det länet."))
        elif len(subregions) > 1:
            self.add_error(
                "delregion", _("Flera län har en delregion med det namnet: välj län.")
            )
        subregion = subregions[0] if len(subregions) == 1 else None
        municipality = next(
            (m for m in self.municipalities if m.slug == data.get("kommun")), None
        )
        if municipality and county and municipality.county_id != county.pk:
            self.add_error("kommun", _("Kommunen ligger inte i det länet."))
        if municipality and subregion and municipality.subregion_id != subregion.pk:
            self.add_error("kommun", _("Kommunen ligger inte i den delregionen."))
        data["area"] = Area.of(municipality or subregion or county)
        month = data.get("manad")
        data["month"] = (
            datetime.date(int(month[:4]), int(month[5:7]), 1)
            if month
            else (self.months[0] if self.months else None)
        )
        return data

    def query(self):
        """(area, month) asked for; the whole country and the newest month when
        the query does not validate (the page then shows the form's errors)."""
        if self.is_valid():
            return self.cleaned_data["area"], self.cleaned_data["month"]
        return Area.of(None), self.months[0] if self.months else None

    def query_string(self):
        """The valid query as it was given, for the download links."""
        if not self.is_valid():
            return ""
        query = QueryDict(mutable=True)
        for name in ("lan", "delregion", "kommun", "manad"):
            if self.cleaned_data.get(name):
                query[name] = self.cleaned_data[name]
        return query.urlencode()
