from django import forms

from .models import NotificationPreference


class NotificationPreferenceForm(forms.ModelForm):
    """How often a person wants email about the forum."""

    class Meta:
        model = NotificationPreference
        fields = ["frequency"]
        widgets = {"frequency": forms.RadioSelect}


# Further choices of the rooms above the forum (what to be told about), each a
# form class ``Form(data, user=user)`` with ``save()``; registered from the
# room's ``AppConfig.ready`` (the knowledge room's new pages), since the forum
# imports no room above it.
CHOICES = []


def register(form_class):
    """Add ``form_class``'s choices to the person's notification settings."""
    if form_class not in CHOICES:
        CHOICES.append(form_class)
    return form_class


def choice_forms(data, user):
    return [form_class(data, user=user) for form_class in CHOICES]
