"""Forms as everyone can use them: the error summary at the top of a page
(WCAG 2.1 3.3.1 and 3.3.3) and a field's input without a placeholder.

``{% form_errors as errors %}`` in ``base.html`` finds, in the template's
context, every form and formset that was submitted and has errors, whoever
rendered it (our views, allauth's, Wagtail pages), so no page lists its own.
"""

from django import forms, template
from django.forms.formsets import BaseFormSet

register = template.Library()

# How far into lists, tuples and dicts of the context the forms are looked
# for: (decision, form) rows and {"form": …} groups, not whole object graphs.
DEPTH = 2


@register.simple_tag(takes_context=True)
def form_errors(context):
    """Each error of each submitted form in the context, in page order: a
    dict with ``label`` (the field's, '' for a form-wide error), ``message``
    and ``anchor`` (the id of the input to go to, '' when there is none).

    A form bound to the query string is left out: those pages never fail
    (``core.query``) and say in words what they did not use.
    """
    request = context.get("request")
    query = getattr(request, "GET", None)
    errors = []
    seen = set()
    for layer in context.dicts:
        for value in layer.values():
            for form in _forms_in(value, DEPTH):
                if id(form) in seen:
                    continue
                seen.add(id(form))
                if not form.is_bound or (query is not None and form.data is query):
                    continue
                if isinstance(form, BaseFormSet):
                    errors.extend(_formset_errors(form))
                else:
                    errors.extend(_errors_of(form))
    return errors


def _forms_in(value, depth):
    # type(), not isinstance(): the context holds lazy objects (the CSRF
    # token, the user) that isinstance() would evaluate.
    kind = type(value)
    if issubclass(kind, (forms.BaseForm, BaseFormSet)):
        yield value
    elif depth and kind in (list, tuple):
        for item in value:
            yield from _forms_in(item, depth - 1)
    elif depth and kind is dict:
        for item in value.values():
            yield from _forms_in(item, depth - 1)


def _formset_errors(formset):
    first = next(iter(formset.forms), None)
    anchor = _first_anchor(first) if first is not None else ""
    for message in formset.non_form_errors():
        yield {"label": "", "message": message, "anchor": anchor}
    for form in formset.forms:
        yield from _errors_of(form)


def _errors_of(form):
    if not form.errors:
        return
    first = _first_anchor(form)
    for message in form.non_field_errors():
        yield {"label": "", "message": message, "anchor": first}
    for field in form:
        for message in field.errors:
            if field.is_hidden:  # nothing to go to or correct by hand
                yield {"label": "", "message": message, "anchor": ""}
            else:
                yield {
                    "label": str(field.label or field.name),
                    "message": message,
                    "anchor": anchor(field),
                }


def _first_anchor(form):
    for field in form.visible_fields():
        return anchor(field)
    return ""


def anchor(field):
    """The id of the element that a link to ``field`` should reach: its input,
    or its first one when it has several (radio buttons, a date and a time)."""
    auto_id = field.auto_id
    if not auto_id:
        return ""
    widget = field.field.widget
    if isinstance(widget, forms.MultiWidget):
        return f"{auto_id}_0"
    label_id = widget.id_for_label(auto_id)
    if label_id:
        return label_id
    for subwidget in field.subwidgets:
        return subwidget.id_for_label or auto_id
    return auto_id


@register.simple_tag
def field_widget(field):
    """The field's input as Django renders it (its id, ``aria-invalid`` and
    ``aria-describedby`` naming its help and errors) but without a
    placeholder: the label above it says what to type, and a placeholder
    that repeats it only looks like a filled-in field (allauth sets them)."""
    html = field.as_widget(attrs={"placeholder": False})
    if field.field.show_hidden_initial:
        html += field.as_hidden(only_initial=True)
    return html
