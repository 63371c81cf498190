import datetime
import re

from django import forms
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from core.collation import swedish
from core.geography.models import Municipality
from core.geography.reference import swedish_slug
from core.identity_numbers import no_identity_numbers
from core.recurrence import validate_rule
from core.slugs import unique_slug

from .models import (
    SOURCE_LANGUAGE,
    TRANSLATED_FIELDS,
    Activity,
    ActivityTranslation,
    Language,
    translation_languages,
)

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


class NamedLanguagesField(forms.ModelMultipleChoiceField):
    """Languages named in the reader's language beside their own."""

    def label_from_instance(self, obj):
        return str(obj.display)


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
            "how_to_join",
            "contact_person",
            "accessibility_notes",
            "funding",
            "grant_reference",
            "grant_amount",
        ]
        field_classes = {
            "instruction_languages": NamedLanguagesField,
            "support_languages": NamedLanguagesField,
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "how_to_join": forms.Textarea(attrs={"rows": 3}),
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


def translation_language_choices():
    """(code, name) of the languages a translation may be in, each named for
    the reader; one query."""
    codes = translation_languages()
    known = {
        language.code: language for language in Language.objects.filter(code__in=codes)
    }
    choices = []
    for code in codes:
        if code in known:
            choices.append((code, str(known[code].display)))
        else:  # an interface language missing from the reference data
            choices.append((code, get_language_info(code)["name_local"]))
    return choices


class ActivityTranslationForm(forms.ModelForm):
    """The activity's text in one language other than Swedish."""

    class Meta:
        model = ActivityTranslation
        fields = ["language", *TRANSLATED_FIELDS]
        # Beside the activity's own fields on its form: named apart from them.
        labels = {
            "title": _("Översatt rubrik"),
            "summary": _("Översatt sammanfattning"),
            "how_to_join": _("Översatt text om hur man deltar"),
            "accessibility_notes": _("Översatt text om tillgänglighet"),
        }
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2}),
            "how_to_join": forms.Textarea(attrs={"rows": 3}),
            "accessibility_notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, language_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        if "language" in self.fields:
            choices = language_choices or translation_language_choices()
            self.fields["language"] = forms.ChoiceField(
                label=_("Språk"),
                choices=[("", _("Välj språk")), *choices],
            )
        # Typed in the language itself: the browser and a screen reader
        # should treat the text as such once the language is known.
        language = self.initial.get("language") or self.instance.language
        if language:
            direction = "rtl" if get_language_info(language)["bidi"] else "ltr"
            for name in TRANSLATED_FIELDS:
                self.fields[name].widget.attrs.update(lang=language, dir=direction)


class BaseTranslationFormSet(BaseInlineFormSet):
    """The organisation's translations of one activity: add, change, remove."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form_kwargs["language_choices"] = translation_language_choices()

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Ta bort översättningen")

    def clean(self):
        # Before the model formset's own check, which would name the fields
        # in a generic message.
        seen = set()
        for form in self.forms:
            cleaned = getattr(form, "cleaned_data", None)
            if not cleaned or (self.can_delete and self._should_delete_form(form)):
                continue
            language = cleaned.get("language")
            if language and language in seen:
                form.add_error(
                    "language",
                    forms.ValidationError(
                        _("Aktiviteten har redan en översättning till det språket."),
                        code="unique",
                    ),
                )
            seen.add(language)
        super().clean()


TranslationFormSet = inlineformset_factory(
    Activity,
    ActivityTranslation,
    form=ActivityTranslationForm,
    formset=BaseTranslationFormSet,
    fields=["language", *TRANSLATED_FIELDS],
    extra=1,
    can_delete=True,
    can_delete_extra=False,
)


class CountyTranslationForm(ActivityTranslationForm):
    """A county editor adds or corrects one language's translation; the
    language comes from the page's address."""

    class Meta(ActivityTranslationForm.Meta):
        fields = list(TRANSLATED_FIELDS)
        labels = {
            "title": _("Rubrik"),
            "summary": _("Sammanfattning"),
            "how_to_join": _("Mer om hur man deltar"),
            "accessibility_notes": _("Tillgänglighet"),
        }


class CalendarQueryForm(forms.Form):
    """The activity's calendar file, ``?sprak=ar``: its text in that language
    when it has a translation. Any other value gives the Swedish file."""

    sprak = forms.ChoiceField(
        required=False,
        choices=lambda: [
            ("", ""),
            *((code, code) for code in translation_languages()),
        ],
    )

    def language(self):
        if self.is_valid() and self.cleaned_data["sprak"]:
            return self.cleaned_data["sprak"]
        return SOURCE_LANGUAGE


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
        validators=[no_identity_numbers],
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
