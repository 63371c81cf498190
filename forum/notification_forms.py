from django import forms

from .models import NotificationPreference


class NotificationPreferenceForm(forms.ModelForm):
    """How often a person wants email about the forum."""

    class Meta:
        model = NotificationPreference
        fields = ["frequency"]
        widgets = {"frequency": forms.RadioSelect}
