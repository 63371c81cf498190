from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.urls import reverse

from core.pagination import pagination
from core.query import nearest_page, reads_query
from core.site_search import kinds
from directory.models import DirectoryPage

# Results of each kind on the page of every kind; a kind's own list has pages.
PER_KIND = 5
PER_PAGE = 10


def link(**params):
    params = {name: value for name, value in params.items() if value}
    return reverse("search") + ("?" + urlencode(params) if params else "")


@reads_query("website.search.forms.SearchForm")
def search(request, query_form):
    """Everything public that matches, grouped by kind, with counts and filters."""
    form = query_form()
    query = form.site_query(request)
    chosen = form.chosen_kind()
    used = form.used()
    groups = []
    if query:
        for kind in kinds():
            # A filter a kind does not know (an activity's municipality) leaves
            # the kind out: nothing of it is in that municipality.
            if not set(query.filters) <= set(kind.fields()):
                continue
            rows = kind.find(query)
            groups.append(
                {
                    "kind": kind,
                    "rows": rows,
                    "count": rows.count(),
                    "url": link(**{**used, "typ": kind.key}),
                    "current": kind is chosen,
                }
            )
    total = sum(group["count"] for group in groups)
    shown = [
        group
        for group in groups
        if group["count"] and (chosen is None or group["kind"] is chosen)
    ]
    context = {"page_not_found": False}
    if chosen is not None:
        for group in shown:
            paginator = Paginator(group["rows"], PER_PAGE)
            page, context["page_not_found"] = nearest_page(
                paginator, form.page_number()
            )
            group["results"] = chosen.results(list(page.object_list), query)
            context.update(
                pagination(
                    page,
                    lambda number: link(**used, sida=number if number > 1 else None),
                )
            )
    else:
        for group in shown:
            group["results"] = group["kind"].results(
                list(group["rows"][:PER_KIND]), query
            )
            group["more"] = group["count"] > PER_KIND
    directory = None
    if not shown:
        directory = DirectoryPage.live_localized()
    return TemplateResponse(
        request,
        "search/search.html",
        {
            **context,
            "form": form,
            "search_query": form.cleaned_data.get("q", ""),
            "searched": query is not None,
            "groups": groups,
            "shown": shown,
            "chosen": chosen,
            "total": total,
            "all_url": link(**{**used, "typ": None}),
            "filter_fields": [form[name] for name in form.filter_names()],
            "ignored_filters": form.ignored(),
            "truncated": form.truncated,
            "directory_url": directory.get_url(request) if directory else "",
        },
    )
