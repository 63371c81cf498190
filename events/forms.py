from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from .calendar import find_occurrence, parse_occurrence_key, upcoming
from .models import RSVP


class RSVPForm(forms.Form):
    """A member's answer for one future occurrence of an event they can see."""

    occurrence = forms.CharField(label=_("Tillfälle"), widget=forms.Select)
    answer = forms.ChoiceField(
        label=_("Ditt svar"), choices=RSVP.Answer.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args, event, now=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        self.now = now or timezone.now()
        self.upcoming = [o for o in upcoming(event, self.now) if not o.cancelled]
        self.fields["occurrence"].widget.choices = [
            (o.key, date_format(o.local_start, "l j F Y H:i")) for o in self.upcoming
        ]

    def add_choice(self, occurrence):
        """Offer ``occurrence`` too (one chosen by link, beyond the next ten)."""
        choices = self.fields["occurrence"].widget.choices
        if occurrence.key not in {key for key, _label in choices}:
            choices.append(
                (occurrence.key, date_format(occurrence.local_start, "l j F Y H:i"))
            )

    def clean_occurrence(self):
        start = parse_occurrence_key(self.cleaned_data["occurrence"])
        occurrence = find_occurrence(self.event, start)
        if occurrence is None:
            raise forms.ValidationError(
                _("Mötet har inget sådant tillfälle."), code="no_occurrence"
            )
        if occurrence.start <= self.now:
            raise forms.ValidationError(
                _("Tillfället har redan varit."), code="past_occurrence"
            )
        if occurrence.cancelled:
            raise forms.ValidationError(
                _("Tillfället är inställt."), code="cancelled_occurrence"
            )
        return occurrence

    def clean(self):
        cleaned = super().clean()
        if self.event.cancelled:
            raise forms.ValidationError(_("Mötet är inställt."), code="cancelled_event")
        return cleaned
