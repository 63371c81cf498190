"""The query string of a knowledge list: kind, sub-region, municipality, tag,
year and page."""

from django import forms
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from core.collation import sort_key
from core.query import PageField

from .models import Kind, KnowledgePage


class KnowledgeQueryForm(forms.Form):
    """Filters of an index page; each offers only what the reader's list has,
    so a choice never leads to an empty list or names what they may not see.
    A value that names nothing is left out and said so."""

    typ = forms.ChoiceField(label=_("Slag"), required=False)
    delregion = forms.ChoiceField(label=_("Delregion"), required=False)
    kommun = forms.ChoiceField(label=_("Kommun"), required=False)
    tagg = forms.ChoiceField(label=_("Tagg"), required=False)
    ar = forms.ChoiceField(label=_("År"), required=False)
    sida = PageField()

    def __init__(self, *args, index, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.pages = KnowledgePage.objects.descendant_of(index).visible_to(user)
        kinds = set(self.pages.values_list("kind", flat=True).distinct())
        self.fields["typ"].choices = [("", _("Alla slag"))] + [
            (value, label) for value, label in Kind.choices if value in kinds
        ]
        self.fields["delregion"].choices = [("", _("Alla delregioner"))] + self.used(
            "subregion"
        )
        self.fields["kommun"].choices = [("", _("Alla kommuner"))] + self.used(
            "municipalities"
        )
        self.fields["tagg"].choices = [("", _("Alla taggar"))] + self.used("tags")
        years = (
            self.pages.annotate(year=ExtractYear("date"))
            .values_list("year", flat=True)
            .distinct()
            .order_by("-year")
        )
        self.fields["ar"].choices = [("", _("Alla år"))] + [
            (str(year), str(year)) for year in years
        ]

    def used(self, relation):
        """(slug, name) of what the reader's pages name through ``relation``,
        in Swedish order: one query joining from the pages (an IN subquery of
        page ids is planned as nested loops by PostgreSQL when the tables'
        statistics are old, and took minutes at 1,000 pages)."""
        rows = (
            self.pages.filter(**{f"{relation}__isnull": False})
            .order_by()
            .values_list(f"{relation}__slug", f"{relation}__name")
            .distinct()
        )
        return sorted(rows, key=lambda row: sort_key(row[1]))

    def filters(self):
        """The valid filters that are set: name → value."""
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name != "sida" and value
        }

    def ignored(self):
        """Whether a value was given that names nothing in the list."""
        self.is_valid()
        return any(name != "sida" for name in self.errors)

    def filtered(self):
        """The reader's pages, narrowed by the filters."""
        pages = self.pages
        chosen = self.filters()
        if "typ" in chosen:
            pages = pages.filter(kind=chosen["typ"])
        if "delregion" in chosen:
            pages = pages.filter(subregion__slug=chosen["delregion"])
        if "kommun" in chosen:
            pages = pages.filter(municipalities__slug=chosen["kommun"])
        if "tagg" in chosen:
            pages = pages.filter(tags__slug=chosen["tagg"])
        if "ar" in chosen:
            pages = pages.filter(date__year=int(chosen["ar"]))
        return pages.distinct()
