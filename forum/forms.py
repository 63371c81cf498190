from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Forum, Level, ParticipationApplication


class ApplicationForm(forms.ModelForm):
    """An organisation applies to take part in a forum at a level."""

    class Meta:
        model = ParticipationApplication
        fields = ["forum", "requested_level", "motivation"]
        widgets = {
            "requested_level": forms.RadioSelect,
            "motivation": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.fields["forum"].queryset = Forum.objects.exclude(
            participations__organisation=organisation
        ).exclude(
            applications__organisation=organisation,
            applications__status=ParticipationApplication.Status.PENDING,
        )
        self.fields["forum"].empty_label = _("Välj forum")
        self.fields["requested_level"].help_text = _(
            "Information: läsa nyheter, kalender och protokoll. Samråd: lämna "
            "synpunkter på förslag. Dialog: delta i diskussioner och föreslå "
            "punkter till dagordningen. Partnerskap: delegerade uppdrag och "
            "gemensamma beslut."
        )

    def save(self, commit=True):
        self.instance.organisation = self.organisation
        return super().save(commit=commit)


class DecisionForm(forms.Form):
    """A convener approves an application (perhaps at another level) or declines it."""

    decision = forms.ChoiceField(
        label=_("Beslut"),
        choices=[("approve", _("Godkänn")), ("decline", _("Avslå"))],
        widget=forms.RadioSelect,
    )
    level = forms.TypedChoiceField(
        label=_("Nivå"),
        choices=Level.choices,
        coerce=int,
        required=False,
        help_text=_("Den nivå organisationen får om ansökan godkänns."),
    )
    reason = forms.CharField(
        label=_("Motivering"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Skickas till den sökande. Krävs när du avslår."),
    )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("decision") == "decline"
            and not cleaned.get("reason", "").strip()
        ):
            self.add_error("reason", _("Skriv varför ansökan avslås."))
        if cleaned.get("decision") == "approve" and not cleaned.get("level"):
            self.add_error("level", _("Välj vilken nivå organisationen får."))
        return cleaned
