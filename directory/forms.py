import datetime
import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.collation import swedish
from core.geography.models import Municipality
from core.geography.reference import swedish_slug
from core.recurrence import validate_rule
from core.slugs import unique_slug

from .models import Activity, Language

EXDATE_SEPARATORS = re.compile(r"[\s,;]+")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# Slugs that a URL pattern next to the activity's own already uses.
RESERVED_SLUGS = {"ny"}


class DateListField(forms.Field):
    """Dates typed as YYYY-MM-DD, separated by commas or new lines; a list of them."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(value)
        return value

    def to_python(self, value):
        if isinstance(value, list | tuple):
            return list(value)
        dates, bad = set(), []
        for part in EXDATE_SEPARATORS.split(str(value or "").strip()):
            if not part:
                continue
            try:
                if not ISO_DATE.match(part):
                    raise ValueError
                dates.add(datetime.date.fromisoformat(part))
            except ValueError:
                bad.append(part)
        if bad:
            raise forms.ValidationError(
                _(
                    "Skriv datumen som ÅÅÅÅ-MM-DD, t.ex. 2025-12-24, åtskilda med "
                    "komma eller radbyte. Det här gick inte att läsa: %(values)s"
                ),
                code="invalid",
                params={"values": ", ".join(bad[:5])},
            )
        return [d.isoformat() for d in sorted(dates)]


class ActivityForm(forms.ModelForm):
    """An organisation creates or edits one of its activities."""

    exdates = DateListField(
        label=_("Inställda tillfällen"),
        required=False,
        help_text=_(
            "Datum då ett återkommande tillfälle inte blir av, skrivna som "
            "ÅÅÅÅ-MM-DD och åtskilda med komma eller radbyte."
        ),
    )
    registration_url = forms.URLField(
        label=_("Länk för anmälan"),
        required=False,
        max_length=200,
        assume_scheme="https",
        help_text=_("Behövs när man deltar genom att anmäla sig via länk."),
    )

    class Meta:
        model = Activity
        fields = [
            "title",
            "summary",
            "description",
            "category",
            "target_group",
            "age_band",
            "instruction_languages",
            "support_languages",
            "municipality",
            "mode",
            "venue",
            "address",
            "latitude",
            "longitude",
            "start_date",
            "end_date",
            "start_time",
            "end_time",
            "rrule",
            "exdates",
            "capacity",
            "free_of_charge",
            "join_method",
            "registration_url",
            "contact_person",
            "accessibility_notes",
            "funding",
            "grant_reference",
            "grant_amount",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "accessibility_notes": forms.Textarea(attrs={"rows": 3}),
            "instruction_languages": forms.CheckboxSelectMultiple,
            "support_languages": forms.CheckboxSelectMultiple,
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "end_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }
        help_texts = {
            "grant_reference": _(
                "Obligatoriskt när aktiviteten finansieras med statsbidrag för "
                "tidiga insatser."
            ),
            "end_date": _(
                "Obligatoriskt för en aktivitet som upprepas utan slut i regeln."
            ),
        }

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        # Set before validation, so that the model's checks see the organiser.
        self.instance.organisation = organisation
        self.fields["contact_person"].queryset = organisation.contact_persons.all()
        self.fields["contact_person"].empty_label = _("Ingen kontaktperson")
        self.fields["municipality"].queryset = Municipality.objects.order_by(
            swedish("name")
        )
        self.fields["municipality"].empty_label = _("Välj kommun")
        languages = Language.objects.order_by(swedish("name_sv"))
        self.fields["instruction_languages"].queryset = languages
        self.fields["support_languages"].queryset = languages

    def clean_rrule(self):
        start = self.cleaned_data.get("start_date") or timezone.localdate()
        return validate_rule(self.cleaned_data.get("rrule") or "", start)

    def save(self, commit=True):
        activity = super().save(commit=False)
        if not activity.slug:
            activity.slug = activity_slug(activity.title)
        if commit:
            activity.save()
            self.save_m2m()
        return activity


def activity_slug(title):
    """A slug from the title, with -2, -3 … when it is taken."""
    max_length = Activity._meta.get_field("slug").max_length
    base = swedish_slug(title)[: max_length - 10].strip("-") or "aktivitet"
    return unique_slug(base, Activity.objects.all(), reserved=RESERVED_SLUGS)


class ReviewForm(forms.Form):
    """A coordinator approves an activity, or returns it with what to change."""

    class Decision:
        APPROVE = "approve"
        RETURN = "return"

    decision = forms.ChoiceField(
        label=_("Beslut"),
        widget=forms.RadioSelect,
        choices=[
            (Decision.APPROVE, _("Godkänn och publicera")),
            (Decision.RETURN, _("Skicka tillbaka till organisationen")),
        ],
    )
    comment = forms.CharField(
        label=_("Kommentar till organisationen"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Obligatoriskt när du skickar tillbaka: skriv vad som behöver ändras."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        cleaned["comment"] = (cleaned.get("comment") or "").strip()
        if cleaned.get("decision") == self.Decision.RETURN and not cleaned["comment"]:
            self.add_error(
                "comment",
                forms.ValidationError(
                    _("Skriv vad organisationen behöver ändra."), code="required"
                ),
            )
        return cleaned
