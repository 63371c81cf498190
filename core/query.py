"""Query strings: each view declares the one form that reads its parameters.

``@reads_query(FormClass)`` on a view (a function view, a routable page's
route, a page's ``serve``) binds that form, a Django ``Form`` or a
django-filter ``FilterSet``, to ``request.GET`` and hands it to the view as
``query_form``; the view calls it with the form's own arguments. Nothing else
in the project reads ``request.GET``. The class stays on the view as
``query_form_class``, so ``tests/test_query_params.py`` finds every
parameter of every page and tries any value for each.

A form that reads a query string never fails the page: a value that does not
validate is left out, and the page says so where the visitor would wonder.
"""

import functools

from django import forms
from django.http import HttpRequest
from django.utils.module_loading import import_string


def reads_query(form_class):
    """Declare that a view reads its query string with ``form_class``.

    ``form_class`` may be a dotted path, for a page model whose form module
    imports the models.
    """

    def decorator(view):
        @functools.wraps(view)
        def wrapper(*args, **kwargs):
            # A function view gets the request first, a page's method second.
            request = next(arg for arg in args[:2] if isinstance(arg, HttpRequest))
            bound = functools.partial(query_form_class(wrapper), request.GET)
            return view(*args, query_form=bound, **kwargs)

        wrapper.query_form_class = form_class
        return wrapper

    return decorator


def query_form_class(view):
    """The form class ``view`` reads its query string with, or None."""
    form_class = getattr(view, "query_form_class", None)
    if isinstance(form_class, str):
        form_class = import_string(form_class)
    return form_class


def query_parameters(form_class):
    """The names of the query-string parameters ``form_class`` reads."""
    if form_class is None:
        return frozenset()
    if hasattr(form_class, "base_filters"):  # a django-filter FilterSet
        return frozenset(form_class.base_filters) | frozenset(
            form_class._meta.form.base_fields
        )
    return frozenset(form_class.base_fields)


class PageField(forms.Field):
    """A page number as typed. Never invalid: the paginator finds the nearest page."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value):
        return value.strip() if isinstance(value, str) else ""


def nearest_page(paginator, requested):
    """(page, missing): page ``requested`` (as typed) or the nearest one, and
    whether the visitor asked for a page that is not there."""
    page = paginator.get_page(requested)
    return page, bool(requested) and requested != str(page.number)


class PageQueryForm(forms.Form):
    """A list in pages, ``?sida=2``."""

    sida = PageField()

    def page_number(self):
        """The page asked for, as typed; '' when none."""
        self.is_valid()
        return self.cleaned_data["sida"]
