"""Forms of the partnership workspace."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.identity_numbers import no_identity_numbers
from core.query import PageField
from partners.models import Organisation

from .models import (
    DecisionAnswer,
    DelegatedTask,
    JointDecision,
)
from .models.partnership import partner_organisations


class ArchiveQueryForm(forms.Form):
    """An archive's query string: the year (``ar``) and the page (``sida``)."""

    # Four ASCII digits, not 0000: "２０２４" or "20244" is no year to filter by.
    ar = forms.RegexField(regex=r"\A(?!0000)[0-9]{4}\Z", required=False)
    sida = PageField()

    def clean_ar(self):
        year = self.cleaned_data["ar"]
        return int(year) if year else None


class TaskCreateForm(forms.ModelForm):
    """A convener delegates a task to one of the forum's partner organisations."""

    class Meta:
        model = DelegatedTask
        fields = ["title", "description", "assigned_to", "due_date"]
        widgets = {"due_date": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, forum, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assigned_to"].queryset = partner_organisations(forum)
        self.fields["assigned_to"].help_text = _(
            "Bara organisationer som deltar på nivån Partnerskap kan få uppdrag."
        )

    def clean_due_date(self):
        due = self.cleaned_data.get("due_date")
        if due and due < timezone.localdate():
            raise forms.ValidationError(_("Datumet har redan passerat."))
        return due


class TaskUpdateForm(forms.ModelForm):
    """The responsible organisation (or a convener) reports on a task."""

    class Meta:
        model = DelegatedTask
        fields = ["status", "report"]


class DecisionCreateForm(forms.ModelForm):
    """A convener puts a proposal to the partners for consent."""

    class Meta:
        model = JointDecision
        fields = ["title", "proposal", "answer_by"]
        widgets = {"answer_by": forms.DateTimeInput(attrs={"type": "datetime-local"})}
        help_texts = {
            "answer_by": _(
                "Partnerna kan svara till och med den här tidpunkten. "
                "Ett förslag utan invändningar blir beslut."
            )
        }

    def clean_answer_by(self):
        answer_by = self.cleaned_data.get("answer_by")
        if answer_by and answer_by <= timezone.now():
            raise forms.ValidationError(_("Sista svarsdag måste ligga i framtiden."))
        return answer_by


class DecisionAnswerForm(forms.Form):
    """A partner organisation consents or objects, with a reason, to a proposal."""

    organisation = forms.ModelChoiceField(
        label=_("Svarar för"), queryset=Organisation.objects.none(), empty_label=None
    )
    answer = forms.ChoiceField(
        label=_("Svar"),
        choices=DecisionAnswer.Answer.choices,
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        validators=[no_identity_numbers],
        label=_("Motivering"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Krävs vid invändning: vad behöver ändras för att ni ska kunna samtycka?"
        ),
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations

    def clean(self):
        data = super().clean()
        data["reason"] = (data.get("reason") or "").strip()
        if data.get("answer") == DecisionAnswer.Answer.OBJECTION and not data["reason"]:
            self.add_error("reason", _("Motivera invändningen."))
        return data


class DecisionCloseForm(forms.Form):
    """A convener records the outcome: by the answers, or otherwise with a note."""

    outcome = forms.ChoiceField(
        label=_("Utfall"),
        choices=[
            (JointDecision.Outcome.ADOPTED, JointDecision.Outcome.ADOPTED.label),
            (
                JointDecision.Outcome.NOT_ADOPTED,
                JointDecision.Outcome.NOT_ADOPTED.label,
            ),
        ],
        widget=forms.RadioSelect,
    )
    outcome_note = forms.CharField(
        validators=[no_identity_numbers],
        label=_("Motivering"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Krävs om utfallet avviker från svaren."),
    )

    def __init__(self, *args, computed, **kwargs):
        super().__init__(*args, initial={"outcome": computed}, **kwargs)
        self.computed = computed

    def clean(self):
        data = super().clean()
        data["outcome_note"] = (data.get("outcome_note") or "").strip()
        if (
            data.get("outcome") not in (None, self.computed)
            and not data["outcome_note"]
        ):
            self.add_error(
                "outcome_note",
                _("Motivera varför utfallet avviker från partnernas svar."),
            )
        return data
