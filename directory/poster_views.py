"""The poster's pages, called by ``DirectoryPage``'s routes: the form, and the
PDF it asks for. Public: anyone may print a poster of public activities."""

from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control

from . import posters

# Browsers and proxies may keep a poster this long; the server's cache
# follows every change (``posters.pdf_for``).
BROWSER_CACHE_SECONDS = 10 * 60


def form_page(request, page, form, status=200, empty_area=None):
    """The form; with ``empty_area``, the note that it has nothing to list."""
    list_url = page.get_url(request)
    response = page.render(
        request,
        template="directory/poster_form.html",
        context_overrides={
            "poster_form": form,
            "list_url": list_url,
            "pdf_url": list_url + page.reverse_subpage("poster_pdf"),
            "empty_area": empty_area,
        },
    )
    response.status_code = status
    return response


def poster_form(request, page, query_form):
    """Choose the place and the language; the list's municipality comes along."""
    return form_page(request, page, query_form().initial_from())


def poster_pdf(request, page, query_form):
    """The poster as a PDF; the form again, saying why, when it cannot be made."""
    form = query_form()
    if not form.data:
        return poster_form(request, page, query_form)
    if not form.is_valid():
        return form_page(request, page, form, status=400)
    area, language = form.area(), form.language()
    html, count = posters.poster_html(page, area, language, request)
    if not count:
        return form_page(request, page, form.initial_from(), empty_area=area)
    etag = f'"{posters.fingerprint(html)}"'
    not_modified = get_conditional_response(request, etag=etag)
    if not_modified is not None:
        return not_modified
    response = HttpResponse(posters.pdf_for(html), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="{posters.filename(area, language)}"'
    )
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=BROWSER_CACHE_SECONDS)
    return response
