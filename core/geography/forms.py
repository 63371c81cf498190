from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import Municipality


class SubRegionForm(WagtailAdminModelForm):
    """Edits a sub-region together with the municipalities it groups.

    The membership is stored on the municipality (one sub-region each), so
    choosing a municipality here moves it from any other sub-region.
    """

    municipalities = forms.ModelMultipleChoiceField(
        label=_("Kommuner"),
        queryset=Municipality.objects.select_related("county", "subregion"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "Kommunerna i delregionen. En kommun hör till högst en delregion: "
            "väljer du den här flyttas den från sin tidigare delregion."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["municipalities"].initial = list(
                self.instance.municipalities.values_list("pk", flat=True)
            )
            self.fields["municipalities"].queryset = Municipality.objects.filter(
                county=self.instance.county
            )

    def clean(self):
        cleaned = super().clean()
        county = cleaned.get("county")
        chosen = cleaned.get("municipalities") or []
        wrong = [m.name for m in chosen if county and m.county_id != county.pk]
        if wrong:
            self.add_error(
                "municipalities",
                _("%(names)s ligger inte i %(county)s.")
                % {"names": ", ".join(wrong), "county": county},
            )
        return cleaned

    def save(self, commit=True):
        subregion = super().save(commit=commit)
        if commit:
            self.save_municipalities(subregion)
        return subregion

    def save_municipalities(self, subregion):
        chosen = [m.pk for m in self.cleaned_data.get("municipalities") or []]
        subregion.municipalities.exclude(pk__in=chosen).update(subregion=None)
        Municipality.objects.filter(pk__in=chosen).update(subregion=subregion)
