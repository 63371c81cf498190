"""Forms of the consultations: the proposal, organisations invited after it
opened, an organisation's response (with files), feedback."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.attachments import AttachmentsField
from core.collation import sort_key, swedish
from core.identity_numbers import no_identity_numbers
from partners.models import Organisation

from .consultations import eligible_organisations, not_invited_organisations
from .models import Consultation, Level, Visibility

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format=DATETIME_FORMAT, **kwargs)


class ConsultationForm(forms.ModelForm):
    """A convener writes the proposal, the questions and the period for responses."""

    questions = forms.CharField(
        validators=[no_identity_numbers],
        label=_("Frågor"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("En fråga per rad. Frågor som redan har svar kan inte tas bort."),
    )

    class Meta:
        model = Consultation
        fields = [
            "title",
            "proposal",
            "visibility",
            "invited",
            "opens_at",
            "deadline",
            "responses_visible",
            "published",
        ]
        widgets = {
            "proposal": forms.Textarea(attrs={"rows": 10}),
            "invited": forms.CheckboxSelectMultiple,
            "opens_at": DateTimeInput(),
            "deadline": DateTimeInput(),
        }

    def __init__(self, *args, forum, **kwargs):
        super().__init__(*args, **kwargs)
        self.forum = forum
        self.fields["visibility"].choices = [
            (value, label)
            for value, label in Visibility.choices
            if value >= Visibility.SAMRAD
        ]
        self.fields["invited"].queryset = Organisation.objects.filter(
            participations__forum=forum, participations__level__gte=Level.SAMRAD
        ).order_by(swedish("name"))
        self.fields["published"].help_text = _(
            "När samrådet publiceras får de inbjudna organisationerna besked."
        )
        if self.instance.pk:
            self.initial["questions"] = "\n".join(
                question.text for question in self.instance.questions.all()
            )
        self.answered_positions = set()

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError(_("Skriv en rubrik."))
        return title

    def clean_questions(self):
        lines = [line.strip() for line in self.cleaned_data["questions"].splitlines()]
        questions = [line for line in lines if line]
        if not questions:
            raise forms.ValidationError(_("Skriv minst en fråga."))
        if any(len(question) > 2000 for question in questions):
            raise forms.ValidationError(_("En fråga får vara högst 2000 tecken."))
        if self.instance.pk:
            answered = [
                question
                for question in self.instance.questions.all()
                if question.answers.exists()
            ]
            if len(questions) < len(answered):
                raise forms.ValidationError(
                    _(
                        "Frågor som redan har svar kan inte tas bort. Ändra "
                        "formuleringen i stället."
                    )
                )
        return questions

    def clean(self):
        cleaned = super().clean()
        opens_at, deadline = cleaned.get("opens_at"), cleaned.get("deadline")
        if opens_at and deadline and deadline <= opens_at:
            self.add_error(
                "deadline",
                _("Sista dag för svar måste vara efter att samrådet öppnar."),
            )
        return cleaned


class InviteForm(forms.Form):
    """A convener invites organisations that are not invited yet to an open
    consultation.

    The checkboxes are the organisations not invited; any eligible one is a
    valid choice, so that one invited meanwhile (by another convener, or in a
    second tab) is refused by name instead of as an unknown choice.
    """

    organisations = forms.ModelMultipleChoiceField(
        label=_("Organisationer som inte är inbjudna"),
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Organisationer som deltar i forumet på samrådets nivå men inte är "
            "inbjudna, till exempel de som har anslutit efter att samrådet "
            "öppnade. Deras medlemmar får samma besked som vid öppnandet."
        ),
        error_messages={
            "required": _("Välj minst en organisation att bjuda in."),
            "invalid_choice": _(
                "Organisationen kan inte bjudas in: den deltar inte i forumet på "
                "samrådets nivå."
            ),
            "invalid_pk_value": _(
                "Organisationen kan inte bjudas in: den deltar inte i forumet på "
                "samrådets nivå."
            ),
        },
    )

    def __init__(self, *args, consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.invitable = list(
            not_invited_organisations(consultation).order_by(swedish("name"))
        )
        field = self.fields["organisations"]
        field.queryset = eligible_organisations(consultation)
        field.widget.choices = [(o.pk, o.name) for o in self.invitable]

    def clean_organisations(self):
        chosen = self.cleaned_data["organisations"]
        invitable = {o.pk for o in self.invitable}
        already = sorted(
            (o.name for o in chosen if o.pk not in invitable), key=sort_key
        )
        if already:
            raise forms.ValidationError(
                _("Redan inbjudna: %(names)s.") % {"names": ", ".join(already)},
                code="invited",
            )
        return sorted(chosen, key=lambda organisation: sort_key(organisation.name))


class CurrentAttachmentsField(forms.MultipleChoiceField):
    """Checkboxes over the response's current files.

    A file that is no longer current when the form comes back (another member
    removed it meanwhile) is not an error: the form drops it in ``clean_remove``.
    """

    widget = forms.CheckboxSelectMultiple

    def valid_value(self, value):
        return True


class ResponseQueryForm(forms.Form):
    """Which organisation's response a member looks at (``?organisation=slug``),
    when they answer for several; a slug that is not one of theirs is ignored."""

    organisation = forms.CharField(required=False)

    def slug(self):
        self.is_valid()
        return self.cleaned_data.get("organisation", "")


class ResponseForm(forms.Form):
    """An organisation's answers, one field per question, a general comment,
    files to add and current files to remove."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    general_comment = forms.CharField(
        validators=[no_identity_numbers],
        label=_("Övriga synpunkter"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    remove = CurrentAttachmentsField(
        label=_("Ta bort bilagor"),
        required=False,
        help_text=_(
            "Kryssa för filer som inte längre ska höra till svaret. De finns "
            "kvar i svarets versionshistorik."
        ),
    )
    attachments = AttachmentsField(label=_("Lägg till bilagor"))

    def __init__(
        self, *args, questions, current_attachments=(), read_only=False, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        self.current_attachments = list(current_attachments)
        answer_fields = {}
        for number, question in enumerate(self.questions, start=1):
            answer_fields[self.answer_key(question)] = forms.CharField(
                validators=[no_identity_numbers],
                label=_("Fråga %(number)s: %(text)s")
                % {"number": number, "text": question.text},
                required=False,
                max_length=20000,
                widget=forms.Textarea(attrs={"rows": 5}),
            )
        # The questions first, the general comment and the files after them.
        self.fields = answer_fields | self.fields
        if read_only:
            # Nothing to add or remove: the page lists the files as they are.
            del self.fields["attachments"], self.fields["remove"]
            for field in self.fields.values():
                field.disabled = True
        elif not self.current_attachments:
            del self.fields["remove"]
        else:
            self.fields["remove"].choices = [
                (str(attachment.pk), attachment.name)
                for attachment in self.current_attachments
            ]

    @staticmethod
    def answer_key(question):
        return f"answer_{question.pk}"

    def answers(self):
        """(question, text) for every question, from the cleaned data."""
        return [
            (question, self.cleaned_data.get(self.answer_key(question), "").strip())
            for question in self.questions
        ]

    def clean(self):
        cleaned = super().clean()
        if "version" in self.errors:
            # A hidden field: say it where the person sees it, and what to do.
            raise forms.ValidationError(
                _(
                    "Svaret kunde inte sparas eftersom sidan inte var hel. Kopiera "
                    "det du har skrivit, ladda om sidan och försök igen."
                ),
                code="version",
            )
        return cleaned

    def clean_remove(self):
        """The current attachments chosen for removal (others are ignored)."""
        chosen = set(self.cleaned_data.get("remove") or ())
        return [
            attachment
            for attachment in self.current_attachments
            if str(attachment.pk) in chosen
        ]

    def new_files(self):
        """The checked uploads (core.attachments.CheckedUpload) to store."""
        return self.cleaned_data.get("attachments") or []

    def files_to_remove(self):
        return self.cleaned_data.get("remove") or []


class FeedbackForm(forms.Form):
    """The convener's summary per question and the overall feedback."""

    feedback = forms.CharField(
        validators=[no_identity_numbers],
        label=_("Återkoppling"),
        required=False,
        max_length=50000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Hur svaren har påverkat beslutet. Krävs för att publicera."),
    )

    def __init__(self, *args, questions, publish=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        self.publish = publish
        summary_fields = {}
        for number, question in enumerate(self.questions, start=1):
            summary_fields[self.summary_key(question)] = forms.CharField(
                validators=[no_identity_numbers],
                label=_("Sammanfattning av svaren på fråga %(number)s: %(text)s")
                % {"number": number, "text": question.text},
                required=False,
                max_length=20000,
                widget=forms.Textarea(attrs={"rows": 4}),
            )
        self.fields = summary_fields | self.fields

    @staticmethod
    def summary_key(question):
        return f"summary_{question.pk}"

    def summaries(self):
        return [
            (question, self.cleaned_data.get(self.summary_key(question), "").strip())
            for question in self.questions
        ]

    def clean(self):
        cleaned = super().clean()
        if self.publish and not cleaned.get("feedback", "").strip():
            self.add_error(
                "feedback",
                _("Skriv en återkoppling innan du publicerar den."),
            )
        return cleaned
