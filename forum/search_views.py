"""The members' search page: the words, then what ``forum.search`` finds."""

from django.contrib.auth.decorators import login_required
from django.template.response import TemplateResponse

from core.query import reads_query

from .access import forums_of
from .search import LIMIT, SearchForm, search


@login_required
@reads_query(SearchForm)
def member_search(request, query_form):
    """Search what the person may see in their forums; the form alone without words."""
    form = query_form()
    words = form.words()
    takes_part = forums_of(request.user).exists()
    groups = search(request.user, words) if words and takes_part else []
    return TemplateResponse(
        request,
        "forum/search.html",
        {
            "form": form,
            "query": form.cleaned_data.get("q", "") if form.is_valid() else "",
            "words": words,
            "takes_part": takes_part,
            "groups": groups,
            "limit": LIMIT,
        },
    )
