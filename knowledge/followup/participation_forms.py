"""The organiser's report form, and the county view's choice of county and period."""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.geography.models import County

from .models import AgeBand, ParticipationReport, Sex
from .models.participation import MAX_MONTHS, month_end
from .participation import overlap_message, overlapping_report

MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")


class MonthInput(forms.TextInput):
    input_type = "month"


class MonthField(forms.Field):
    """A calendar month typed as ÅÅÅÅ-MM (a month picker where the browser has
    one); the value is the month's first day."""

    widget = MonthInput
    default_error_messages = {
        "invalid": _("Ange en månad som ÅÅÅÅ-MM, till exempel 2026-03."),
    }

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.date):
            return value.replace(day=1)
        match = MONTH.match(str(value))
        if not match:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        year, month = int(match[1]), int(match[2])
        if not (1 <= month <= 12 and 2000 <= year <= 2999):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return datetime.date(year, month, 1)

    def prepare_value(self, value):
        if isinstance(value, datetime.date):
            return f"{value:%Y-%m}"
        return value


def count_field(label, help_text=""):
    return forms.IntegerField(
        label=label,
        help_text=help_text,
        min_value=0,
        max_value=100000,
        required=False,
        error_messages={
            "invalid": _("Ange ett heltal, till exempel 12."),
            "min_value": _("Antalet kan inte vara negativt."),
            "max_value": _("Antalet är orimligt stort."),
        },
        widget=forms.NumberInput(attrs={"min": 0, "inputmode": "numeric"}),
    )


def cell_name(sex, band):
    return f"count_{sex.value}_{band.name.lower()}"


class ReportForm(forms.Form):
    """Counts for one activity and period: a grid of sex × age band and how many
    started, completed and dropped out. Never names."""

    from_month = MonthField(
        label=_("Från och med månad"),
        help_text=_("ÅÅÅÅ-MM. En månad eller en termin: ange samma månad för en."),
    )
    to_month = MonthField(label=_("Till och med månad"), help_text=_("ÅÅÅÅ-MM."))
    started = count_field(
        _("Började"), _("Hur många som började under perioden (nya deltagare).")
    )
    completed = count_field(
        _("Fullföljde"), _("Hur många som fullföljde aktiviteten under perioden.")
    )
    dropped_out = count_field(_("Avbröt"), _("Hur många som avbröt under perioden."))
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)

    def __init__(self, *args, activity, report=None, **kwargs):
        self.activity = activity
        self.report = report
        if report is not None and "initial" not in kwargs:
            kwargs["initial"] = initial_for(report)
        super().__init__(*args, **kwargs)
        if report is None:
            self.fields["version"].initial = 0
        for sex in Sex:
            for band in AgeBand:
                self.fields[cell_name(sex, band)] = count_field(
                    _("%(sex)s, %(age)s") % {"sex": sex.label, "age": band.label}
                )

    def grid(self):
        """Rows of (age band, [bound fields per sex]) for the template."""
        return [
            (band.label, [self[cell_name(sex, band)] for sex in Sex])
            for band in AgeBand
        ]

    def sexes(self):
        return [sex.label for sex in Sex]

    def outcome_fields(self):
        return [self["started"], self["completed"], self["dropped_out"]]

    def clean(self):
        data = super().clean()
        for name, value in list(data.items()):
            if name != "version" and name in self.fields and value is None:
                if isinstance(self.fields[name], forms.IntegerField):
                    data[name] = 0
        start, last = data.get("from_month"), data.get("to_month")
        if start is None or last is None:
            return data
        end = month_end(last)
        data["period_start"], data["period_end"] = start, end
        probe = ParticipationReport(
            activity=self.activity,
            period_start=start,
            period_end=end,
            started=data.get("started") or 0,
            completed=data.get("completed") or 0,
            dropped_out=data.get("dropped_out") or 0,
        )
        try:
            probe.clean()
        except ValidationError as error:
            fields = {"period_start": "from_month", "period_end": "to_month"}
            for name, messages in error.message_dict.items():
                target = fields.get(name, name)
                for message in messages:
                    self.add_error(target if target in self.fields else None, message)
            return data
        participants = sum(data.get(name) or 0 for name in self.cell_names())
        if data.get("started", 0) > participants:
            self.add_error(
                "started",
                _(
                    "Fler har börjat än det finns deltagare i tabellen: de som "
                    "började deltog också under perioden."
                ),
            )
        other = overlapping_report(self.activity, start, end, exclude=self.report)
        if other is not None:
            self.add_error(None, overlap_message(other))
        return data

    def cell_names(self):
        return [cell_name(sex, band) for sex in Sex for band in AgeBand]

    def counts(self):
        return {
            (sex.value, band.value): self.cleaned_data.get(cell_name(sex, band)) or 0
            for sex in Sex
            for band in AgeBand
        }


def initial_for(report):
    initial = {
        "from_month": report.period_start,
        "to_month": report.period_end,
        "started": report.started,
        "completed": report.completed,
        "dropped_out": report.dropped_out,
        "version": report.version,
    }
    cells = {(cell.sex, cell.age_band): cell.count for cell in report.counts.all()}
    for sex in Sex:
        for band in AgeBand:
            initial[cell_name(sex, band)] = cells.get((sex.value, band.value), 0)
    return initial


def last_complete_months(today=None, months=3):
    """The first day of the first and the last day of the last of the
    ``months`` complete months before ``today``'s."""
    today = today or timezone.localdate()
    end = today.replace(day=1) - datetime.timedelta(days=1)
    start = end.replace(day=1)
    for _month in range(months - 1):
        start = (start - datetime.timedelta(days=1)).replace(day=1)
    return start, end


class CountyQueryForm(forms.Form):
    """Which county and months the county view sums (the query string)."""

    lan = forms.ModelChoiceField(
        label=_("Län"),
        queryset=County.objects.filter(forums__isnull=False)
        .distinct()
        .order_by("name"),
        to_field_name="code",
        required=False,
        empty_label=None,
    )
    fran = MonthField(label=_("Från och med månad"), required=False)
    till = MonthField(label=_("Till och med månad"), required=False)

    def period(self):
        """(start, end, note): the months asked for, else the last three complete."""
        start, end = last_complete_months()
        data = self.cleaned_data if self.is_valid() else {}
        asked_start, asked_end = data.get("fran"), data.get("till")
        if asked_start:
            start = asked_start
        if asked_end:
            end = month_end(asked_end)
        if end < start:
            start, end = end.replace(day=1), month_end(start)
        if (end.year - start.year) * 12 + end.month - start.month + 1 > 2 * MAX_MONTHS:
            start = (end.replace(day=1) - datetime.timedelta(days=366 * 2)).replace(
                day=1
            )
        return start, end

    def county(self):
        data = self.cleaned_data if self.is_valid() else {}
        return data.get("lan") or self.fields["lan"].queryset.first()
