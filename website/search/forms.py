"""The site search's query string.

``SearchForm`` has the words (``q``), the kind of thing (``typ``), the page
(``sida``) and the filters of every registered kind (the directory's
``kommun`` and ``sprak``). The kinds register when the apps are ready, so
the class is made on first use (:func:`search_form`); ``SearchForm`` is that
class, for ``@reads_query("website.search.forms.SearchForm")``.
"""

from functools import cache

from django import forms
from django.utils.translation import gettext_lazy as _

from core.i18n.names import reader_language
from core.query import PageField
from core.site_search import SiteQuery, kinds, words_of

MAX_QUERY_LENGTH = 200


def kind_choices():
    return [("", _("Allt"))] + [(kind.key, kind.title) for kind in kinds()]


class BaseSearchForm(forms.Form):
    """The words, the kind and the page; :func:`search_form` adds the filters."""

    # A CharField refuses NUL bytes, which no database can search for.
    q = forms.CharField(label=_("Sökord"), required=False)
    typ = forms.ChoiceField(label=_("Visa"), required=False, choices=kind_choices)
    sida = PageField()

    truncated = False

    def clean_q(self):
        text = self.cleaned_data["q"]
        if len(text) > MAX_QUERY_LENGTH:
            self.truncated = True
            text = text[:MAX_QUERY_LENGTH]
        return text

    def filter_names(self):
        return [name for name in self.fields if name not in BaseSearchForm.base_fields]

    def words(self):
        """The words to search for; () when there are none or ``q`` is invalid."""
        self.is_valid()
        return words_of(self.cleaned_data.get("q", ""))

    def filters(self):
        """The filters that are set and valid: name → value."""
        self.is_valid()
        return {
            name: self.cleaned_data[name]
            for name in self.filter_names()
            if self.cleaned_data.get(name) not in (None, "")
        }

    def chosen_kind(self):
        self.is_valid()
        key = self.cleaned_data.get("typ")
        return next((kind for kind in kinds() if kind.key == key), None)

    def page_number(self):
        self.is_valid()
        return self.cleaned_data.get("sida", "")

    def ignored(self):
        """Labels of the choices whose value does not exist (left out)."""
        self.is_valid()
        return [self.fields[name].label for name in self.errors if name != "q"]

    def site_query(self, request):
        """What to search for, or None when the visitor has asked nothing."""
        words, filters = self.words(), self.filters()
        if not words and not filters:
            return None
        return SiteQuery(
            words=words, filters=filters, language=reader_language(), request=request
        )

    def used(self):
        """The valid parameters as typed, for the links that keep them."""
        self.is_valid()
        return {
            name: self.data.get(name)
            for name in self.fields
            if name != "sida" and self.cleaned_data.get(name) not in (None, "")
        }


@cache
def search_form():
    """The search form with the filters of every registered kind."""
    fields = {}
    for kind in kinds():
        fields.update(kind.fields())
    return type("SearchForm", (BaseSearchForm,), fields)


def __getattr__(name):
    if name == "SearchForm":
        return search_form()
    raise AttributeError(name)
