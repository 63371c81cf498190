import re

from django import forms
from django.utils.translation import gettext_lazy as _

from core.collation import swedish
from core.geography.models import Municipality, SubRegion
from core.geography.reference import swedish_slug
from core.slugs import unique_slug

from .models import ContactPerson, Organisation
from .validators import normalise_organisation_number


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


class OrganisationForm(forms.ModelForm):
    """Registering or editing an organisation on the site."""

    # Longer than the stored NNNNNN-NNNN, so that a number typed with spaces
    # reaches the check that says what is wrong with it.
    organisation_number = forms.CharField(
        label=_("Organisationsnummer"),
        required=False,
        max_length=20,
        help_text=_("Tio siffror, t.ex. 802002-1234."),
    )
    website = forms.URLField(
        label=_("Webbplats"), required=False, assume_scheme="https"
    )

    class Meta:
        model = Organisation
        fields = [
            "name",
            "kind",
            "organisation_number",
            "website",
            "email",
            "phone",
            "description",
            "subregions",
            "municipalities",
        ]
        widgets = {
            "subregions": forms.CheckboxSelectMultiple,
            "municipalities": forms.SelectMultiple(attrs={"size": 8}),
            "description": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subregions"].queryset = SubRegion.objects.select_related("county")
        self.fields["municipalities"].queryset = Municipality.objects.order_by(
            swedish("name")
        )
        self.fields["municipalities"].help_text = _(
            "Håll ned Ctrl (Cmd på Mac) för att välja flera."
        )

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        taken = Organisation.objects.filter(name__iexact=name)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(
                _(
                    "Det finns redan en organisation med det namnet. Be att få "
                    "ansluta till den i stället."
                )
            )
        return name

    def clean_organisation_number(self):
        number = self.cleaned_data.get("organisation_number")
        if not number:
            return None
        number = normalise_organisation_number(number)
        taken = Organisation.objects.filter(organisation_number=number)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(
                _(
                    "Organisationsnumret är redan registrerat för %(name)s. "
                    "Be att få ansluta till den i stället."
                )
                % {"name": taken.get().name}
            )
        return number

    def save(self, commit=True):
        organisation = super().save(commit=False)
        if not organisation.slug:
            organisation.slug = organisation_slug(organisation.name)
        if commit:
            organisation.save()
            self.save_m2m()
        return organisation


def organisation_slug(name):
    return unique_slug(
        swedish_slug(name)[:180] or "organisation", Organisation.objects.all()
    )


class MembershipRequestForm(forms.Form):
    """A person asks to join an organisation that is already registered."""

    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        empty_label=_("Välj organisation"),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.exclude(
            memberships__user=user
        ).order_by(swedish("name"))


PHONE = re.compile(r"\+?[0-9][0-9 ()-]{4,38}")


class ContactPersonForm(forms.ModelForm):
    """An organisation admin adds or edits one of its contact persons."""

    class Meta:
        model = ContactPerson
        fields = ["name", "role", "scope", "email", "phone", "visibility"]
        widgets = {
            "email": forms.EmailInput(attrs={"autocomplete": "off"}),
            "phone": forms.TextInput(attrs={"type": "tel"}),
            "visibility": forms.RadioSelect,
        }
        labels = {
            "name": _("Namn"),
            "role": _("Roll eller titel"),
            "scope": _("Slags kontakt"),
            "email": _("E-post"),
            "phone": _("Telefon"),
            "visibility": _("Vem ser kontaktpersonen?"),
        }
        help_texts = {
            "visibility": _(
                "Offentliga kontaktpersoner visas på den öppna webbplatsen, till "
                "exempel vid organisationens aktiviteter. De andra visas bara i "
                "partnerkatalogen för medlemmar i organisationens forum."
            ),
        }

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Skriv kontaktpersonens namn."))
        return name

    def clean_phone(self):
        phone = " ".join(self.cleaned_data["phone"].split())
        if phone and not PHONE.fullmatch(phone):
            raise forms.ValidationError(
                _("Skriv ett telefonnummer med siffror, t.ex. 040-123 45 67.")
            )
        return phone

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("email") and not cleaned.get("phone"):
            raise forms.ValidationError(
                _("Ange e-post eller telefon, så att man kan nå kontaktpersonen.")
            )
        return cleaned
