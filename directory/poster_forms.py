"""The poster's form: which place (a municipality or a sub-region) and which
language beside Swedish, read from the query string like the list's filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.collation import swedish
from core.geography.models import Municipality, SubRegion
from core.i18n.names import reader_language

from .filters import LanguageChoiceField, directory_counties
from .models import Language, translation_languages
from .posters import Area


class PosterForm(forms.Form):
    """``?kommun=ystad&sprak=ar`` or ``?delregion=sodra-skane&sprak=uk``: the
    parameters are named as the directory's filters, so that the list's
    municipality carries over."""

    kommun = forms.ModelChoiceField(
        label=_("Kommun"),
        queryset=Municipality.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("Välj en kommun"),
    )
    delregion = forms.ChoiceField(
        label=_("eller en delregion"),
        required=False,
    )
    sprak = LanguageChoiceField(
        label=_("Språk på affischen utöver svenska"),
        queryset=Language.objects.none(),
        to_field_name="code",
        empty_label=_("Välj ett språk"),
        error_messages={"required": _("Välj ett språk utöver svenska.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        counties = directory_counties()
        self.fields["kommun"].queryset = Municipality.objects.filter(
            county__in=counties
        ).order_by(swedish("name"))
        # Sub-region slugs are unique within a county only; the slug stands
        # for every sub-region that has it, as in the list's filter.
        self.fields["delregion"].choices = lambda: [
            ("", _("Välj en delregion")),
            *SubRegion.objects.filter(county__in=counties)
            .order_by(swedish("name"))
            .values_list("slug", "name")
            .distinct(),
        ]
        self.fields["sprak"].queryset = Language.objects.filter(
            code__in=translation_languages()
        )
        self.counties = counties

    def clean(self):
        cleaned = super().clean()
        municipality = cleaned.get("kommun")
        subregion = cleaned.get("delregion")
        if "kommun" in self.errors or "delregion" in self.errors:
            return cleaned
        if municipality and subregion:
            raise forms.ValidationError(
                _("Välj en kommun eller en delregion, inte båda."), code="both"
            )
        if not municipality and not subregion:
            raise forms.ValidationError(
                _("Välj en kommun eller en delregion."), code="no_area"
            )
        return cleaned

    def area(self):
        """The place the poster is for (``posters.Area``); call after is_valid()."""
        municipality = self.cleaned_data["kommun"]
        if municipality:
            return Area.of_municipality(municipality)
        slug = self.cleaned_data["delregion"]
        subregion = (
            SubRegion.objects.filter(slug=slug, county__in=self.counties)
            .order_by("pk")
            .first()
        )
        return Area.of_subregion(subregion)

    def language(self):
        return self.cleaned_data["sprak"]

    def initial_from(self):
        """An unbound copy for the form page: what the query string gave that
        is valid (the list's municipality), and the reader's language."""
        self.is_valid()
        initial = {
            name: value
            for name, value in self.cleaned_data.items()
            if name in self.fields and value
        }
        reader = reader_language()
        if "sprak" not in initial and reader in translation_languages():
            initial["sprak"] = reader
        return type(self)(initial=initial)
