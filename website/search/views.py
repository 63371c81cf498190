from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from wagtail.models import Page

from core.query import reads_query

from .forms import SearchForm

RESULTS_PER_PAGE = 10


@reads_query(SearchForm)
def search(request, query_form):
    """Full-text search over the live, public pages."""
    form = query_form()
    terms = form.terms()
    results = Page.objects.none()
    if terms:
        results = Page.objects.live().public().filter(depth__gt=1).search(terms)
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        page = paginator.page(form.cleaned_data.get("page") or 1)
    except (PageNotAnInteger, EmptyPage):
        page = paginator.page(1)
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "form": form,
            "search_query": form.cleaned_data.get("q", ""),
            "search_results": page,
            "paginator": paginator,
        },
    )
