"""Forms for agendas, agenda proposals, minutes and action items."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.forms import inlineformset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.collation import swedish
from core.identity_numbers import no_identity_numbers
from core.users.models import by_name
from forum.models import Visibility
from partners.models import Organisation

from .models import (
    ActionItem,
    AgendaItem,
    AgendaProposal,
    Event,
    Minutes,
    MinutesComment,
    MinutesItem,
)


def is_upcoming(event, now=None):
    """Whether the meeting (or a later occurrence of its series) has yet to start."""
    if event.cancelled:
        return False
    now = now or timezone.now()
    return any(start > now for start in event.occurrence_starts(window_start=now))


def forum_organisations(forum):
    """The organisations that take part in ``forum``, for choosing attendees/owners."""
    return Organisation.objects.filter(participations__forum=forum).order_by(
        swedish("name")
    )


def forum_people(forum):
    """Active members of the forum's organisations, and its conveners."""
    members = Q(
        memberships__status="active",
        memberships__organisation__participations__forum=forum,
    )
    return (
        get_user_model()
        .objects.filter(members | Q(convened_forums=forum))
        .distinct()
        .order_by(*by_name())
    )


class ProposalForm(forms.ModelForm):
    """A member (level Dialog and up) proposes an item for a coming meeting."""

    class Meta:
        model = AgendaProposal
        fields = ["title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
        labels = {"title": _("Punkt"), "description": _("Beskrivning")}
        help_texts = {
            "description": _("Vad ska tas upp, och varför? Vem kan föredra punkten?")
        }

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event

    def clean(self):
        cleaned = super().clean()
        if self.event.cancelled:
            raise ValidationError(
                _("Mötet är inställt. Det går inte att föreslå punkter till det.")
            )
        if not is_upcoming(self.event):
            raise ValidationError(
                _(
                    "Mötet har redan varit. Punkter kan bara föreslås till "
                    "kommande möten."
                )
            )
        return cleaned


class ProposalDecisionForm(forms.Form):
    """A convener takes a proposal onto the agenda, or declines it with a reason."""

    decision = forms.ChoiceField(
        label=_("Beslut"),
        choices=[
            ("accept", _("Ta med på dagordningen")),
            ("decline", _("Ta inte med")),
        ],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        validators=[no_identity_numbers],
        label=_("Motivering"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Skickas till den som föreslog punkten. Krävs när du säger nej."),
    )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("decision") == "decline"
            and not cleaned.get("reason", "").strip()
        ):
            self.add_error("reason", _("Skriv varför punkten inte tas med."))
        return cleaned


AgendaItemFormSet = inlineformset_factory(
    Event,
    AgendaItem,
    fields=[
        "position",
        "starts_at",
        "title",
        "presenter",
        "description",
        "duration_minutes",
    ],
    widgets={
        "starts_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        "description": forms.Textarea(attrs={"rows": 2}),
    },
    extra=3,
    can_delete=True,
)


class MinutesForm(forms.ModelForm):
    """The minutes' summary, who may read them and who attended."""

    class Meta:
        model = Minutes
        fields = [
            "summary",
            "visibility",
            "attending_organisations",
            "attending_people",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 8}),
            "attending_organisations": forms.CheckboxSelectMultiple,
            "attending_people": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "attending_people": _(
                "De som är med här kan läsa och kommentera utkastet innan det justeras."
            ),
        }

    def __init__(self, *args, forum, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attending_organisations"].queryset = forum_organisations(forum)
        self.fields["attending_people"].queryset = forum_people(forum)
        self.fields["visibility"].choices = [
            ("", _("Samma som mötet")),
            *Visibility.choices,
        ]


MinutesItemFormSet = inlineformset_factory(
    Minutes,
    MinutesItem,
    fields=["number", "title", "notes", "decision"],
    widgets={
        "notes": forms.Textarea(attrs={"rows": 3}),
        "decision": forms.Textarea(attrs={"rows": 2}),
    },
    extra=2,
    can_delete=True,
)


class ActionItemForm(forms.ModelForm):
    class Meta:
        model = ActionItem
        fields = ["description", "owner", "due_date", "status", "item"]
        widgets = {
            "due_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, forum, minutes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = forum_organisations(forum)
        self.fields["item"].queryset = (
            minutes.items.all() if minutes.pk else MinutesItem.objects.none()
        )


ActionItemFormSet = inlineformset_factory(
    Minutes, ActionItem, form=ActionItemForm, extra=2, can_delete=True
)


class CommentForm(forms.ModelForm):
    """An attendee's comment on the draft minutes."""

    class Meta:
        model = MinutesComment
        fields = ["body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 4})}
        labels = {"body": _("Din kommentar")}


class ActionStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ActionItem.Status.choices)
