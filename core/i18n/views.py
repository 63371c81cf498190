"""The language switcher's choice."""

from django import forms
from django.http import Http404, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache

from core.query import reads_query
from core.users.language import is_supported, set_language_cookie, url_in_language


class NextForm(forms.Form):
    """Where the switcher's link came from."""

    next = forms.CharField(required=False, max_length=2000)


@never_cache
@reads_query(NextForm)
def choose(request, code, query_form):
    """Go to the page ``next`` in language ``code`` and keep the choice.

    A plain link (GET), so that the switcher works without script and without
    a form on every page; what it changes is only the reader's own language
    cookie. ``next`` must be an address of this site.
    """
    if not is_supported(code):
        raise Http404
    form = query_form()
    target = (form.cleaned_data["next"] if form.is_valid() else "") or "/"
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = HttpResponseRedirect(url_in_language(target, code))
    return set_language_cookie(response, code)
