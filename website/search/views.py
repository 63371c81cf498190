from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page

from core.i18n.content import mark_content_languages
from core.query import reads_query

from .forms import SearchForm

RESULTS_PER_PAGE = 10


@reads_query(SearchForm)
def search(request, query_form):
    """Full-text search over the live, public pages in the reader's language.

    Every language has its copy of the page tree (translations, and aliases of
    the Swedish pages not translated yet), so each page is found once.
    """
    form = query_form()
    terms = form.terms()
    results = Page.objects.none()
    if terms:
        results = (
            Page.objects.live()
            .public()
            .filter(depth__gt=1, locale=Locale.get_active())
            .search(terms)
        )
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        page = paginator.page(form.cleaned_data.get("page") or 1)
    except (PageNotAnInteger, EmptyPage):
        page = paginator.page(1)
    # Which results are in the reader's language ({% content_lang result %}).
    page.object_list = mark_content_languages(page.object_list)
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
