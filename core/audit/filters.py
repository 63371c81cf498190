"""The admin listing's filters: person, organisation, forum, action, dates."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from core.collation import sort_key

from .models import Action, AuditEntry


def _named(id_field, name_field):
    """The organisations (or forums) the log mentions, by their latest name."""

    def choices():
        names = dict(
            AuditEntry.objects.filter(**{f"{id_field}__isnull": False})
            .order_by("when")
            .values_list(id_field, name_field)
        )
        return sorted(names.items(), key=lambda item: sort_key(item[1]))

    return choices


class AuditEntryFilterSet(WagtailFilterSet):
    person = django_filters.CharFilter(
        label=_("Person (e-post)"),
        method="filter_person",
        help_text=_("Den som gjorde något eller som det gällde."),
    )
    action = django_filters.ChoiceFilter(label=_("Händelse"), choices=Action.choices)
    organisation = django_filters.TypedChoiceFilter(
        label=_("Organisation"),
        field_name="organisation_id",
        choices=_named("organisation_id", "organisation_name"),
        coerce=int,
    )
    forum = django_filters.TypedChoiceFilter(
        label=_("Forum"),
        field_name="forum_id",
        choices=_named("forum_id", "forum_name"),
        coerce=int,
    )
    when = django_filters.DateFromToRangeFilter(
        label=_("Datum"), widget=DateRangePickerWidget
    )

    class Meta:
        model = AuditEntry
        fields = []

    def filter_person(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(actor_email__icontains=value)
            | Q(subject_email__icontains=value)
            | Q(details__email__icontains=value)
        )
