"""The convener's form for planning a meeting: times, place and repetition in words."""

import datetime
import re

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from core.identity_numbers import no_identity_numbers
from core.recurrence import local_timezone, validate_rule
from core.single_line import single_line

from .calendar import _ordinal, _weekday_names
from .models import Event
from .models.calendar import MAX_OCCURRENCES
from .planning import (
    POSITIONS,
    Ending,
    Repeat,
    build_rule,
    holidays_in_series,
    rule_choices,
    series_starts,
)

DATE_SEPARATORS = re.compile(r"[\s,;]+")
# Where a model's error lands when the model field is not on the form.
MODEL_ERROR_FIELDS = {"start": "start_date", "end": "end_date", "rrule": "repeat"}


def _weekday_choices():
    return [(str(n), name.capitalize()) for n, name in enumerate(_weekday_names())]


def _position_choices():
    return [(str(n), _ordinal(n)) for n in POSITIONS]


class DateListField(forms.CharField):
    """Dates as ÅÅÅÅ-MM-DD, one a line (or separated by commas), cleaned to a set."""

    widget = forms.Textarea(attrs={"rows": 3})

    def to_python(self, value):
        text = super().to_python(value)
        dates, bad = set(), []
        for word in DATE_SEPARATORS.split(text):
            if not word:
                continue
            try:
                dates.add(datetime.date.fromisoformat(word))
            except ValueError:
                bad.append(word)
        if bad:
            raise ValidationError(
                _("Skriv datumen som ÅÅÅÅ-MM-DD. Det här går inte att läsa: %(bad)s"),
                code="invalid",
                params={"bad": ", ".join(bad[:5])},
            )
        return dates


class PlanningForm(forms.ModelForm):
    """Plan or change a meeting; the repetition is built into an RRULE."""

    start_date = forms.DateField(
        label=_("Datum"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_(
            "För ett återkommande möte: det första tillfället blir det första "
            "som passar upprepningen från och med det här datumet."
        ),
    )
    start_time = forms.TimeField(
        label=_("Börjar kl."),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    end_date = forms.DateField(
        label=_("Slutdatum"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Lämna tomt om mötet slutar samma dag."),
    )
    end_time = forms.TimeField(
        label=_("Slutar kl."),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    all_day = forms.BooleanField(label=_("Heldag"), required=False)
    online_url = forms.URLField(
        label=_("Länk till digitalt möte"),
        required=False,
        max_length=200,
        assume_scheme="https",
        help_text=_("Visas bara för inloggade medlemmar i forumet."),
    )
    repeat = forms.ChoiceField(
        label=_("Upprepning"),
        choices=[c for c in Repeat.choices if c[0] != Repeat.KEEP],
        initial=Repeat.NONE,
    )
    weekdays = forms.TypedMultipleChoiceField(
        label=_("Veckodagar"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("För varje vecka och varannan vecka."),
    )
    position = forms.TypedChoiceField(
        label=_("Vilken i månaden"), required=False, coerce=int, empty_value=None
    )
    month_weekday = forms.TypedChoiceField(
        label=_("Veckodag i månaden"), required=False, coerce=int, empty_value=None
    )
    month_day = forms.IntegerField(
        label=_("Dag i månaden"),
        required=False,
        min_value=1,
        max_value=31,
        help_text=_("Månader som saknar den dagen hoppas över."),
    )
    ending = forms.ChoiceField(
        label=_("Upprepningen slutar"), choices=Ending.choices, initial=Ending.NEVER
    )
    count = forms.IntegerField(
        label=_("Antal gånger"),
        required=False,
        min_value=1,
        max_value=MAX_OCCURRENCES,
        error_messages={
            "min_value": _("Mötet måste bli av minst en gång."),
            "max_value": _("Serien får ha högst %(limit_value)s tillfällen."),
        },
    )
    until = forms.DateField(
        label=_("Sista datum"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    exception_dates = DateListField(
        label=_("Inställda datum"),
        required=False,
        help_text=_("Datum då mötet inte blir av, ÅÅÅÅ-MM-DD, ett per rad."),
    )
    skip_holidays = forms.BooleanField(
        label=_("Hoppa över helgdagar"),
        required=False,
        help_text=_(
            "Svenska allmänna helgdagar blir inställda datum (för en serie utan "
            "slut de närmaste fem åren)."
        ),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Event
        fields = [
            "title",
            "kind",
            "visibility",
            "venue",
            "online_url",
            "capacity",
            "description",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}
        help_texts = {
            "description": _("Enkel formatering (stycken, listor, länkar) behålls."),
            "capacity": _("Lämna tomt om antalet inte är begränsat."),
        }
        error_messages = {
            "capacity": {"min_value": _("Antalet platser kan inte vara negativt.")}
        }

    def __init__(self, *args, forum, **kwargs):
        super().__init__(*args, **kwargs)
        self.forum = forum
        self.fields["weekdays"].choices = _weekday_choices()
        self.fields["month_weekday"].choices = [("", "---")] + _weekday_choices()
        self.fields["position"].choices = [("", "---")] + _position_choices()
        event = self.instance
        self.kept_rule = ""
        self.holiday_dates = {}
        if event.pk:
            self._fill_from(event)

    def _fill_from(self, event):
        tz = local_timezone()
        start = timezone.localtime(event.start, tz)
        end = timezone.localtime(event.end, tz)
        if event.all_day:
            end -= datetime.timedelta(days=1)
        initial = {
            "start_date": start.date(),
            "start_time": None if event.all_day else start.time(),
            "end_date": end.date() if end.date() != start.date() else None,
            "end_time": None if event.all_day else end.time(),
            "all_day": event.all_day,
            "skip_holidays": event.skip_holidays,
            "version": event.sequence,
        }
        choices = rule_choices(event.rrule)
        if choices is None:
            # A rule from the admin that the words cannot say: shown, and kept.
            self.kept_rule = event.rrule
            self.fields["repeat"].choices = [
                (Repeat.KEEP, Repeat.KEEP.label)
            ] + self.fields["repeat"].choices
            choices = {"repeat": Repeat.KEEP}
        initial |= choices
        exdates = {d for d in event.exdates or [] if _is_date(d)}
        if event.skip_holidays and event.rrule:
            holidays = holidays_in_series(event.rrule, start.replace(tzinfo=None))
            exdates -= {day.isoformat() for day in holidays}
        initial["exception_dates"] = "\n".join(sorted(exdates))
        self.initial |= initial

    def _update_errors(self, errors):
        # The model's clean() names model fields; this form asks for them
        # under other names (or not at all).
        if hasattr(errors, "error_dict"):
            moved = {}
            for field, messages in errors.error_dict.items():
                field = MODEL_ERROR_FIELDS.get(field, field)
                if field not in self.fields:
                    field = NON_FIELD_ERRORS
                moved.setdefault(field, []).extend(messages)
            errors = ValidationError(moved)
        super()._update_errors(errors)

    def clean(self):
        cleaned = super().clean()
        times = self._clean_times(cleaned)
        if times is None:
            return cleaned
        start, end = times
        rule = self._clean_rule(cleaned, start)
        if rule is None:
            return cleaned
        local_start = start.replace(tzinfo=None)
        starts = series_starts(rule, local_start)
        if not starts:
            self.add_error("repeat", _("Upprepningen ger inga tillfällen."))
            return cleaned
        if rule and len(starts) > MAX_OCCURRENCES and "COUNT" not in rule:
            if cleaned.get("ending") == Ending.UNTIL:
                self.add_error(
                    "until",
                    _(
                        "Serien får ha högst %(max)s tillfällen. Välj ett tidigare "
                        "sista datum."
                    )
                    % {"max": MAX_OCCURRENCES},
                )
                return cleaned
        # The series starts on its first occurrence, as iCalendar requires.
        shift = starts[0] - local_start
        start, end = start + shift, end + shift
        local_start = starts[0]
        exdates = self._clean_exdates(cleaned, rule, starts)
        if exdates is None:
            return cleaned
        skip = bool(rule) and cleaned.get("skip_holidays")
        if skip:
            self.holiday_dates = holidays_in_series(rule, local_start)
            exdates |= set(self.holiday_dates)
        event = self.instance
        event.forum = self.forum
        event.start, event.end = start, end
        event.all_day = cleaned.get("all_day", False)
        event.rrule = rule
        event.exdates = sorted(day.isoformat() for day in exdates)
        event.skip_holidays = bool(skip)
        return cleaned

    def _clean_times(self, cleaned):
        """Aware (start, end) in the site's zone, or None after adding errors."""
        day = cleaned.get("start_date")
        if day is None:
            return None
        tz = local_timezone()
        end_day = cleaned.get("end_date") or day
        if cleaned.get("all_day"):
            if end_day < day:
                self.add_error("end_date", _("Slutdatumet kan inte vara före datumet."))
                return None
            start = datetime.datetime.combine(day, datetime.time(), tz)
            end = datetime.datetime.combine(
                end_day + datetime.timedelta(days=1), datetime.time(), tz
            )
            return start, end
        start_time, end_time = cleaned.get("start_time"), cleaned.get("end_time")
        if start_time is None:
            self.add_error(
                "start_time", _("Skriv när mötet börjar, eller välj heldag.")
            )
        if end_time is None:
            self.add_error("end_time", _("Skriv när mötet slutar, eller välj heldag."))
        if start_time is None or end_time is None:
            return None
        start = datetime.datetime.combine(day, start_time, tz)
        end = datetime.datetime.combine(end_day, end_time, tz)
        if end <= start:
            self.add_error("end_time", _("Mötet måste sluta efter att det börjar."))
            return None
        return start, end

    def _clean_rule(self, cleaned, start):
        """The RRULE, "" for none, or None after adding errors."""
        repeat = cleaned.get("repeat")
        if repeat is None:
            return None
        if repeat == Repeat.KEEP:
            rule = self.kept_rule
        else:
            rule = self._rule_from_words(cleaned, repeat, start.date())
            if rule is None:
                return None
        try:
            return validate_rule(rule, start.date())
        except ValidationError as error:
            self.add_error("repeat", error)
            return None

    def _rule_from_words(self, cleaned, repeat, first_day):
        ok = True
        if repeat in (Repeat.WEEKLY, Repeat.BIWEEKLY) and not cleaned.get("weekdays"):
            self.add_error("weekdays", _("Välj minst en veckodag."))
            ok = False
        if repeat == Repeat.MONTHLY_WEEKDAY:
            if cleaned.get("position") is None:
                self.add_error("position", _("Välj vilken veckodag i månaden."))
                ok = False
            if cleaned.get("month_weekday") is None:
                self.add_error("month_weekday", _("Välj en veckodag."))
                ok = False
        if repeat == Repeat.MONTHLY_DAY and not cleaned.get("month_day"):
            self.add_error("month_day", _("Skriv vilken dag i månaden (1–31)."))
            ok = False
        ending = cleaned.get("ending")
        if (
            repeat != Repeat.NONE
            and ending == Ending.COUNT
            and not cleaned.get("count")
        ):
            if "count" not in self.errors:
                self.add_error("count", _("Skriv hur många gånger mötet blir av."))
            ok = False
        until = cleaned.get("until")
        if repeat != Repeat.NONE and ending == Ending.UNTIL:
            if until is None:
                if "until" not in self.errors:
                    self.add_error("until", _("Skriv det sista datumet."))
                ok = False
            elif until < first_day:
                self.add_error(
                    "until",
                    _("Det sista datumet kan inte vara före mötets första datum."),
                )
                ok = False
        if not ok or ending is None:
            return None
        return build_rule(
            repeat,
            weekdays=cleaned.get("weekdays") or (),
            position=cleaned.get("position"),
            weekday=cleaned.get("month_weekday"),
            month_day=cleaned.get("month_day"),
            ending=ending,
            count=cleaned.get("count"),
            until=until,
        )

    def _clean_exdates(self, cleaned, rule, starts):
        """The cancelled dates as a set, or None after adding errors."""
        dates = cleaned.get("exception_dates")
        if dates is None:
            return None
        if dates and not rule:
            self.add_error(
                "exception_dates",
                _("Ett möte som inte upprepas har inga tillfällen att ställa in."),
            )
            return None
        # Dates stored before (from the admin) are kept as they are.
        stored = {d for d in self.instance.exdates or [] if _is_date(d)}
        occurring = {start.date() for start in starts}
        open_ended = len(starts) > MAX_OCCURRENCES
        strangers = sorted(
            day
            for day in dates
            if day.isoformat() not in stored
            and day not in occurring
            and not (open_ended and day > max(occurring))
        )
        if strangers:
            self.add_error(
                "exception_dates",
                _("Mötet har inget tillfälle de här datumen: %(dates)s")
                % {
                    "dates": ", ".join(
                        date_format(day, "j F Y") for day in strangers[:5]
                    )
                },
            )
            return None
        return set(dates)


def _is_date(value):
    try:
        datetime.date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


class CancelForm(forms.Form):
    note = forms.CharField(
        validators=[single_line, no_identity_numbers],
        label=_("Varför mötet är inställt"),
        max_length=300,
        help_text=_(
            "Visas på mötets sida och i kalenderprenumerationerna, till exempel "
            "”Inställt på grund av sjukdom, nytt datum kommer.”"
        ),
        error_messages={"required": _("Skriv varför mötet är inställt.")},
        widget=forms.Textarea(attrs={"rows": 3}),
    )
