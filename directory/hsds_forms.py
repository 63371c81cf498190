"""The query parameters of the HSDS API, as HSDS's OpenAPI names them.

A value that does not validate answers 400 with the form's errors
(``hsds_views``); a parameter the OpenAPI lists but the directory has no use
for (``postcode``, ``proximity``, ``minimal``) is not read.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200
SEARCH_MAX_LENGTH = 200


class BooleanParameter(forms.Field):
    """``true`` or ``false`` as OpenAPI writes booleans in a query string."""

    default_error_messages = {"invalid": _("Skriv true eller false.")}

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value):
        text = (value or "").strip().lower()
        if text in ("", "false", "0"):
            return False
        if text in ("true", "1"):
            return True
        raise forms.ValidationError(self.error_messages["invalid"], code="invalid")


class PageForm(forms.Form):
    """``page``, ``per_page`` and ``format`` (JSON only) of every list."""

    page = forms.IntegerField(required=False, min_value=1)
    per_page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PER_PAGE)
    format = forms.ChoiceField(required=False, choices=[("json", "json")])

    def page_number(self):
        return self.cleaned_data.get("page") or 1

    def page_size(self):
        return self.cleaned_data.get("per_page") or DEFAULT_PER_PAGE


class SearchForm(PageForm):
    search = forms.CharField(required=False, max_length=SEARCH_MAX_LENGTH)


class TaxonomyTermListForm(SearchForm):
    taxonomy_id = forms.UUIDField(required=False)
    top_only = BooleanParameter()
    parent_id = forms.UUIDField(required=False)


class ServiceFilterForm(SearchForm):
    """What narrows a list of services, organisations or services at locations."""

    taxonomy_term_id = forms.UUIDField(required=False)
    taxonomy_id = forms.UUIDField(required=False)
    full = BooleanParameter()


class ServiceListForm(ServiceFilterForm):
    organization_id = forms.UUIDField(required=False)
    modified_after = forms.DateTimeField(required=False)


class ServiceAtLocationListForm(ServiceListForm):
    pass


class OrganizationListForm(ServiceFilterForm):
    full_service = BooleanParameter()


class OrganizationForm(forms.Form):
    full_service = BooleanParameter()
