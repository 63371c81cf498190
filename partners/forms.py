from django import forms
from django.utils.translation import gettext_lazy as _

from website.geography.models import Municipality, SubRegion

from .models import Organisation


class DirectoryFilterForm(forms.Form):
    """The partner directory's filters; a value that is not valid is left out."""

    q = forms.CharField(label=_("Sök"), required=False, max_length=100)
    subregion = forms.ModelChoiceField(
        label=_("Delregion"),
        queryset=SubRegion.objects.none(),
        required=False,
        empty_label=_("Alla delregioner"),
        to_field_name="slug",
    )
    municipality = forms.ModelChoiceField(
        label=_("Kommun"),
        queryset=Municipality.objects.none(),
        required=False,
        empty_label=_("Alla kommuner"),
        to_field_name="slug",
    )
    kind = forms.ChoiceField(
        label=_("Typ av organisation"),
        choices=[("", _("Alla typer"))] + Organisation.Kind.choices,
        required=False,
    )

    def __init__(self, *args, county, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subregion"].queryset = SubRegion.objects.filter(county=county)
        self.fields["municipality"].queryset = Municipality.objects.filter(
            county=county
        )

    def valid_filters(self):
        """The cleaned values of the fields that validated; the rest are ignored."""
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in self.errors and value
        }
