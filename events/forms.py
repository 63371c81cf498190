import re

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from .calendar import CALENDAR_YEARS, find_occurrence, parse_occurrence_key, upcoming
from .models import RSVP, Event

MONTH_PATTERN = re.compile(r"^(\d{4})-(\d{2})$")
# What the public calendar shows (``?typ=``): the forums' events, the
# directory's activity sessions, or, by default, both.
MEETINGS, ACTIVITIES = "moten", "aktiviteter"
NO_SUCH_OCCURRENCE = _("Mötet har inget sådant tillfälle.")


class TrimmedChoiceField(forms.ChoiceField):
    """A choice typed into a URL, read without the spaces around it."""

    def to_python(self, value):
        return super().to_python(value).strip()


class MonthField(forms.CharField):
    """A month as "ÅÅÅÅ-MM", cleaned to (year, month)."""

    default_error_messages = {
        "invalid": _("Månaden går inte att läsa (skriv ÅÅÅÅ-MM). Denna månad visas.")
    }

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        match = MONTH_PATTERN.match(value)
        if match:
            year, month = int(match[1]), int(match[2])
            if 1 <= month <= 12 and year in CALENDAR_YEARS:
                return year, month
        raise forms.ValidationError(self.error_messages["invalid"], code="invalid")


class CalendarQueryForm(forms.Form):
    """A calendar's query string: the month or the list, and the filters.

    A filter value that names nothing in the calendar is left out; its error
    is the note the page shows.
    """

    visa = forms.Field(required=False)  # "lista" for the list; else the month
    manad = MonthField(required=False)
    # One day of the list, every activity session in it (the month grid and
    # the list show the first few a day and link here for the rest).
    dag = forms.DateField(
        required=False,
        input_formats=["%Y-%m-%d"],
        error_messages={
            "invalid": _("Dagen går inte att läsa (skriv ÅÅÅÅ-MM-DD). Listan visas.")
        },
    )
    forum = TrimmedChoiceField(
        required=False,
        error_messages={
            "invalid_choice": _(
                "Forumet i filtret finns inte i kalendern. Alla forum visas."
            )
        },
    )
    slag = TrimmedChoiceField(
        required=False,
        choices=Event.Kind.choices,
        error_messages={
            "invalid_choice": _("Det slaget av möte finns inte. Alla slag visas.")
        },
    )
    delregion = TrimmedChoiceField(
        required=False,
        error_messages={
            "invalid_choice": _(
                "Delregionen i filtret finns inte i kalendern. Alla delregioner visas."
            )
        },
    )

    # The public calendar shows the directory's activity sessions too.
    typ = TrimmedChoiceField(
        required=False,
        choices=[(MEETINGS, _("Möten")), (ACTIVITIES, _("Aktiviteter"))],
        error_messages={
            "invalid_choice": _("Det går inte att visa det urvalet. Allt visas.")
        },
    )
    kommun = TrimmedChoiceField(
        required=False,
        error_messages={
            "invalid_choice": _(
                "Kommunen i filtret har inga aktiviteter. Alla kommuner visas."
            )
        },
    )
    sprak = TrimmedChoiceField(
        required=False,
        error_messages={
            "invalid_choice": _(
                "Språket i filtret har inga aktiviteter. Alla språk visas."
            )
        },
    )

    def __init__(
        self,
        *args,
        forum_options=None,
        subregion_options=(),
        municipality_options=None,
        language_options=(),
        **kwargs,
    ):
        """``forum_options``: the forums to choose from; None in a forum's
        calendar, which has no activities (``municipality_options`` None)."""
        super().__init__(*args, **kwargs)
        if municipality_options is None:
            for name in ("typ", "kommun", "sprak"):
                del self.fields[name]
        else:
            self.fields["kommun"].choices = [
                (municipality.slug, municipality.name)
                for municipality in municipality_options
            ]
            self.fields["sprak"].choices = [
                (language.code, str(language.display)) for language in language_options
            ]
        if forum_options is None:
            del self.fields["forum"]
        else:
            self.forums = {forum.slug: forum for forum in forum_options}
            self.fields["forum"].choices = [
                (forum.slug, forum.name) for forum in forum_options
            ]
        self.fields["delregion"].choices = [
            (subregion.slug, subregion.name) for subregion in subregion_options
        ]

    def clean_forum(self):
        return self.forums.get(self.cleaned_data["forum"])

    def shows(self, kind):
        """Whether the calendar shows ``kind`` (``MEETINGS`` or ``ACTIVITIES``)."""
        if "typ" not in self.fields:
            return kind == MEETINGS
        chosen = self.cleaned_data.get("typ")
        return not chosen or chosen == kind

    @property
    def list_view(self):
        return self.cleaned_data.get("visa") == "lista"

    def notes(self, *names):
        """What the page tells about the values of ``names`` it could not use."""
        return [message for name in names for message in self.errors.get(name, [])]


class OccurrenceKeyField(forms.CharField):
    """An occurrence key (``Occurrence.key``), cleaned to the start it names."""

    default_error_messages = {"invalid": NO_SUCH_OCCURRENCE}

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        start = parse_occurrence_key(value)
        if start is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return start


class EventQueryForm(forms.Form):
    """An event page's query string: the occurrence it is about (``tillfalle``)."""

    tillfalle = OccurrenceKeyField(required=False)

    def chosen(self, event):
        """(occurrence, missing): the occurrence asked for, or None; and whether
        one was asked for that the event does not have."""
        if not self.is_valid():
            return None, True
        start = self.cleaned_data["tillfalle"]
        if start is None:
            return None, False
        occurrence = find_occurrence(event, start)
        return occurrence, occurrence is None


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

    def asked_occurrence(self):
        """The occurrence the posted key names, even one the form refuses."""
        return find_occurrence(
            self.event, parse_occurrence_key(self["occurrence"].data)
        )

    def clean_occurrence(self):
        start = parse_occurrence_key(self.cleaned_data["occurrence"])
        occurrence = find_occurrence(self.event, start)
        if occurrence is None:
            raise forms.ValidationError(NO_SUCH_OCCURRENCE, code="no_occurrence")
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
