from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _


class SignInTargetQueryForm(forms.Form):
    """Where a person was going when they were sent to sign in (``?next=``)."""

    next = forms.CharField(required=False)

    def target(self):
        """The target as given; '' when none or invalid."""
        return self.cleaned_data["next"] if self.is_valid() else ""


class NameFields(forms.Form):
    """First and last name, both required, as members see them on the site."""

    first_name = forms.CharField(label=_("Förnamn"), max_length=150)
    last_name = forms.CharField(label=_("Efternamn"), max_length=150)


class SignupForm(NameFields):
    """What allauth's sign-up asks besides email and password
    (``ACCOUNT_SIGNUP_FORM_CLASS``): a name, so that others see "Fatima Ali"
    rather than an address."""

    def signup(self, request, user):
        # allauth's adapter has already copied first_name and last_name.
        pass


class NameForm(forms.ModelForm):
    """The person's display name, edited on the account pages."""

    class Meta:
        model = get_user_model()
        fields = ["first_name", "last_name"]
        labels = {"first_name": _("Förnamn"), "last_name": _("Efternamn")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = True


class LanguageForm(forms.ModelForm):
    """The language the site switches to when the person signs in."""

    language = forms.ChoiceField(label=_("Språk"), required=False, choices=())

    class Meta:
        model = get_user_model()
        fields = ["language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [
            ("", _("Inget särskilt (svenska, eller det språk du väljer)")),
            *settings.LANGUAGES,
        ]
        self.fields["language"].help_text = _(
            "Webbplatsen visas på det här språket när du har loggat in."
        )


class DeleteAccountForm(forms.Form):
    """The password (or, without one, the email address) and the word, so
    that nobody deletes an account by one click or on an unattended screen."""

    confirmation = forms.CharField(
        label=_("Skriv TA BORT för att bekräfta"), max_length=20
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if user.has_usable_password():
            self.fields["password"] = forms.CharField(
                label=_("Ditt lösenord"), widget=forms.PasswordInput, max_length=200
            )
        else:
            self.fields["email"] = forms.EmailField(label=_("Din e-postadress"))
        self.order_fields(["password", "email", "confirmation"])

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Lösenordet stämmer inte."))
        return password

    def clean_email(self):
        email = self.cleaned_data["email"]
        if email.casefold() != self.user.email.casefold():
            raise forms.ValidationError(_("Det är inte ditt kontos e-postadress."))
        return email

    def clean_confirmation(self):
        confirmation = self.cleaned_data["confirmation"].strip()
        if confirmation.upper() != "TA BORT":
            raise forms.ValidationError(
                _("Skriv TA BORT, med stora eller små bokstäver.")
            )
        return confirmation
