from django import forms


class SignInTargetQueryForm(forms.Form):
    """Where a person was going when they were sent to sign in (``?next=``)."""

    next = forms.CharField(required=False)

    def target(self):
        """The target as given; '' when none or invalid."""
        return self.cleaned_data["next"] if self.is_valid() else ""
