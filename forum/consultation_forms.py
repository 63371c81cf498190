"""Forms of the consultations: the proposal, an organisation's response, feedback."""

from django import forms
from django.utils.translation import gettext_lazy as _

from partners.models import Organisation

from .consultation_models import Consultation
from .models import Level, Visibility

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format=DATETIME_FORMAT, **kwargs)


class ConsultationForm(forms.ModelForm):
    """A convener writes the proposal, the questions and the period for responses."""

    questions = forms.CharField(
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
        ).order_by("name")
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


class ResponseForm(forms.Form):
    """An organisation's answers, one field per question, and a general comment."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    general_comment = forms.CharField(
        label=_("Övriga synpunkter"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args, questions, read_only=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        answer_fields = {}
        for number, question in enumerate(self.questions, start=1):
            answer_fields[self.answer_key(question)] = forms.CharField(
                label=_("Fråga %(number)s: %(text)s")
                % {"number": number, "text": question.text},
                required=False,
                max_length=20000,
                widget=forms.Textarea(attrs={"rows": 5}),
            )
        # The questions first, the general comment after them.
        self.fields = answer_fields | self.fields
        if read_only:
            for field in self.fields.values():
                field.disabled = True

    @staticmethod
    def answer_key(question):
        return f"answer_{question.pk}"

    def answers(self):
        """(question, text) for every question, from the cleaned data."""
        return [
            (question, self.cleaned_data.get(self.answer_key(question), "").strip())
            for question in self.questions
        ]


class FeedbackForm(forms.Form):
    """The convener's summary per question and the overall feedback."""

    feedback = forms.CharField(
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
