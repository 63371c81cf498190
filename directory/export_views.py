"""The directory's open data for people: its list as CSV and JSON, and the page
that explains the downloads and the HSDS API (``docs/open-data.md``).

Routes of ``DirectoryPage``, so that the downloads take the list's filters
and language; the HSDS API is a machine endpoint of its own (``hsds_views``).
"""

from django.http import JsonResponse
from django.urls import reverse
from django.utils import timezone

from core.i18n.names import reader_language

from . import exports, hsds, views


def _rows(request, page, query_form):
    today = timezone.localdate()
    language = reader_language()
    _filterset, results, used = views.filtered_list(
        request, query_form, today, language
    )
    base_url = page.get_url(request)

    def url_of(activity):
        return request.build_absolute_uri(views.detail_url(base_url, page, activity))

    rows = exports.rows(results, language=language, url_of=url_of, today=today)
    list_url = request.build_absolute_uri(base_url + views.query_string(used))
    return rows, used, list_url


def activity_csv(request, page, query_form):
    """The list a visitor is looking at, every page of it, as a spreadsheet."""
    rows, _used, _list_url = _rows(request, page, query_form)
    return exports.csv_response(rows, "aktiviteter.csv")


def activity_json(request, page, query_form):
    """The same list as JSON, with stable keys (``docs/open-data.md``)."""
    rows, used, list_url = _rows(request, page, query_form)
    activities = list(exports.json_rows(rows))
    data = {
        "source": list_url,
        "filters": used,
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "licence": {"name": hsds.LICENCE_NAME, "url": hsds.LICENCE_URL},
        "count": len(activities),
        "activities": activities,
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response


def open_data(request, page):
    """What a developer or an analyst can take out, in what format, under
    which licence."""
    base_url = page.get_url(request)
    return page.render(
        request,
        template="directory/open_data.html",
        context_overrides={
            "list_url": base_url,
            "csv_url": base_url + page.reverse_subpage("activity_csv"),
            "json_url": base_url + page.reverse_subpage("activity_json"),
            "hsds_url": request.build_absolute_uri(reverse("hsds:root")),
            "hsds_version": hsds.HSDS_VERSION,
            "hsds_spec_url": hsds.SPECIFICATION_URL,
            "licence_name": hsds.LICENCE_NAME,
            "licence_url": hsds.LICENCE_URL,
        },
    )
