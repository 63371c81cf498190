"""Forms of the dialog: start a thread, reply (both with files), hide or show a post."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.attachments import AttachmentsField
from core.identity_numbers import no_identity_numbers
from core.sanitizer import clean_html, plain_text
from core.single_line import single_line

from .models import Visibility

BODY_MAX_LENGTH = 20000


def body_field():
    return forms.CharField(
        validators=[no_identity_numbers],
        label=_("Inlägg"),
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Du kan använda enkel formatering: stycken, fetstil, listor och länkar."
        ),
    )


class ThreadForm(forms.Form):
    """A member starts a thread: a title, who sees it, and the opening post."""

    title = forms.CharField(
        validators=[single_line, no_identity_numbers], label=_("Rubrik"), max_length=200
    )
    visibility = forms.TypedChoiceField(
        label=_("Vilka ser tråden"),
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("Du kan bara välja nivåer som din organisation själv har."),
    )
    body = body_field()
    attachments = AttachmentsField()

    def __init__(self, *args, max_level, **kwargs):
        super().__init__(*args, **kwargs)
        # Only levels the author reaches: nobody starts a thread they cannot read.
        self.fields["visibility"].choices = [
            (value, label)
            for value, label in Visibility.choices
            if Visibility.DIALOG <= value <= max_level
        ]
        self.fields["visibility"].initial = Visibility.DIALOG

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError(_("Skriv en rubrik."))
        return title

    def clean_body(self):
        return clean_body(self.cleaned_data["body"])


class PostForm(forms.Form):
    """A reply in a thread."""

    body = body_field()
    attachments = AttachmentsField()

    def clean_body(self):
        return clean_body(self.cleaned_data["body"])


def clean_body(body):
    # A post that is empty once sanitised (only a <script>, say) is no post.
    if not plain_text(clean_html(body)).strip():
        raise forms.ValidationError(_("Skriv något i inlägget."))
    return body


class ModerationForm(forms.Form):
    """A convener hides a post, or shows it again, and says why."""

    action = forms.ChoiceField(
        label=_("Åtgärd"),
        choices=[("hidden", _("Dölj inlägget")), ("shown", _("Visa inlägget igen"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Skäl"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Visas för forumets medlemmar i stället för det dolda inlägget."),
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Skriv ett skäl."))
        return reason
