"""The public activity list's filters, read from the query string so URLs can be shared.

A value that does not validate (an unknown municipality, a made-up category)
is left out by django-filter; the view tells the visitor which ones.
"""

import datetime

import django_filters
from django import forms
from django.db.models import DateField, F, Q, Value
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_filters import fields

from core.collation import swedish
from core.geography.models import Municipality, SubRegion
from core.query import PageField

from .ical import upcoming_sessions
from .models import Activity, Language

WEEK = "vecka"
MONTH = "manad"

SORT_SOONEST = "start"
SORT_TITLE = "titel"
SORT_NEWEST = "nyast"


def period_bounds(period, today):
    """The first and last date of ``period`` that are still to come."""
    if period == WEEK:
        return today, today + datetime.timedelta(days=6 - today.weekday())
    next_month = (today.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return today, next_month - datetime.timedelta(days=1)


def directory_counties():
    """Counties that have current activities: their places are worth choosing."""
    return Municipality.objects.filter(
        activities__in=Activity.objects.current()
    ).values("county")


def language_label(language):
    """'arabiska – العربية' on a Swedish page, 'Arabic – العربية' on an English one."""
    return str(language.display)


class NamedLanguageIterator(fields.ModelChoiceIterator):
    """The options in the order of their names in the reader's language."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        choices = [self.choice(obj) for obj in self.queryset]
        yield from sorted(choices, key=lambda choice: str(choice[1]).casefold())


class LanguageChoiceField(fields.ModelChoiceField):
    """A language choice whose options read e.g. 'arabiska – العربية'."""

    iterator = NamedLanguageIterator

    def label_from_instance(self, obj):
        return language_label(obj)


class LanguageFilter(django_filters.ModelChoiceFilter):
    field_class = LanguageChoiceField


class ActivityFilterForm(forms.Form):
    """The list's form: the filters below, and the page of the list (``sida``)."""

    sida = PageField()

    def clean(self):
        cleaned = super().clean()
        # Not a filter: django-filter applies every cleaned value as one.
        self.page_number = cleaned.pop("sida", "")
        return cleaned


class ActivityFilter(django_filters.FilterSet):
    """Filters and sort order of the public list, named as in the query string."""

    q = django_filters.CharFilter(
        label=_("Sök"),
        method="filter_text",
        max_length=100,
        widget=forms.SearchInput,
    )
    kommun = django_filters.ModelChoiceFilter(
        label=_("Kommun"),
        field_name="municipality",
        to_field_name="slug",
        queryset=Municipality.objects.none(),
        empty_label=_("Alla kommuner"),
    )
    delregion = django_filters.ChoiceFilter(
        label=_("Delregion"),
        method="filter_subregion",
        empty_label=_("Alla delregioner"),
    )
    omrade = django_filters.ChoiceFilter(
        label=_("Område"),
        field_name="category",
        choices=Activity.Category.choices,
        empty_label=_("Alla områden"),
    )
    sprak = LanguageFilter(
        label=_("Språk"),
        method="filter_language",
        to_field_name="code",
        queryset=Language.objects.all(),
        empty_label=_("Alla språk"),
    )
    malgrupp = django_filters.ChoiceFilter(
        label=_("För"),
        method="filter_target_group",
        choices=[
            (Activity.TargetGroup.WOMEN, _("Kvinnor")),
            (Activity.TargetGroup.MEN, _("Män")),
        ],
        empty_label=_("Alla"),
    )
    period = django_filters.ChoiceFilter(
        label=_("När"),
        method="filter_period",
        choices=[(WEEK, _("Den här veckan")), (MONTH, _("Den här månaden"))],
        empty_label=_("När som helst"),
    )
    sortering = django_filters.ChoiceFilter(
        label=_("Sortera"),
        method="sort",
        choices=[
            (SORT_SOONEST, _("Det som börjar snart först")),
            (SORT_TITLE, _("Rubrik A–Ö")),
            (SORT_NEWEST, _("Senast publicerade först")),
        ],
        empty_label=None,
    )

    class Meta:
        model = Activity
        fields = []
        form = ActivityFilterForm

    def __init__(self, *args, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()
        counties = directory_counties()
        self.filters["kommun"].queryset = Municipality.objects.filter(
            county__in=counties
        ).order_by(swedish("name"))
        # Sub-region slugs are unique within a county only: the slug selects
        # every sub-region that has it, so no lookup can find two and fail.
        self.filters["delregion"].extra["choices"] = lambda: list(
            SubRegion.objects.filter(county__in=counties)
            .order_by(swedish("name"))
            .values_list("slug", "name")
            .distinct()
        )

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if not self.form.cleaned_data.get("sortering"):
            queryset = self.sort(queryset, "sortering", SORT_SOONEST)
        return queryset

    def filter_text(self, queryset, name, value):
        return queryset.matching(value)

    def filter_subregion(self, queryset, name, value):
        return queryset.filter(municipality__subregion__slug=value)

    def filter_language(self, queryset, name, value):
        return queryset.in_language([value])

    def filter_target_group(self, queryset, name, value):
        return queryset.filter(target_group__in=[value, Activity.TargetGroup.EVERYONE])

    def filter_period(self, queryset, name, value):
        start, end = period_bounds(value, self.today)
        narrowed = queryset.overlapping(start, end)
        # Which recurring activities meet in the period is decided by their
        # rule, in Python; the answer goes back to SQL as ids, so that the
        # count and the pagination stay right.
        recurring = narrowed.exclude(rrule="").only(
            "pk", "start_date", "end_date", "start_time", "rrule", "exdates"
        )
        meeting = [
            activity.pk
            for activity in recurring
            if upcoming_sessions(activity, start, end, limit=1)
        ]
        return narrowed.filter(
            Q(rrule="", start_date__gte=start, start_date__lte=end) | Q(pk__in=meeting)
        )

    def sort(self, queryset, name, value):
        if value == SORT_TITLE:
            return queryset.order_by(swedish("title"), "pk")
        if value == SORT_NEWEST:
            return queryset.order_by(F("published_at").desc(nulls_last=True), "-pk")
        # Activities already running sort as if they started today.
        return queryset.alias(
            begins=Greatest("start_date", Value(self.today, output_field=DateField()))
        ).order_by(
            "begins", F("start_time").asc(nulls_last=True), swedish("title"), "pk"
        )


class FeedFilter(ActivityFilter):
    """The list's filters for a calendar subscription (``/ical/aktiviteter.ics``).

    A subscription lives for years: a municipality or sub-region that has no
    activities today gives an empty calendar rather than an error, and only a
    value that names nothing at all is refused.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["kommun"].queryset = Municipality.objects.all()
        self.filters["delregion"].extra["choices"] = lambda: list(
            SubRegion.objects.order_by("slug").values_list("slug", "name").distinct()
        )

    def described(self):
        """What the filters in use pick, in words ("Ystad, arabiska")."""
        cleaned = self.form.cleaned_data
        words = []
        for name in ("q", "kommun", "delregion", "omrade", "sprak", "malgrupp"):
            value = cleaned.get(name)
            if not value:
                continue
            field = self.form.fields[name]
            if name == "q":
                words.append(f"”{value}”")
            elif hasattr(field, "queryset"):
                words.append(field.label_from_instance(value))
            else:
                words.append(str(dict(field.choices).get(value, value)))
        return ", ".join(words)
