"""The activity map's points: a route of ``DirectoryPage``, so that they take
the list's filters and the reader's language."""

from django.http import Http404, JsonResponse
from django.utils import timezone

from core.i18n.names import reader_language

from . import maps, views


def activity_points(request, page, query_form):
    """The list's activities that have a place, every page of them, as the
    points the map on the list shows. No map configured: no points either."""
    if not maps.enabled():
        raise Http404
    today = timezone.localdate()
    language = reader_language()
    _filterset, results, _used = views.filtered_list(
        request, query_form, today, language
    )
    base_url = page.get_url(request)
    points = maps.points(
        results.on_map(),
        url_of=lambda activity: views.detail_url(base_url, page, activity),
        language=language,
    )
    return JsonResponse(
        {"count": len(points), "points": points},
        json_dumps_params={"ensure_ascii": False},
    )
