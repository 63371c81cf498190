"""Public views of the activity directory, called by ``DirectoryPage``'s routes."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.collation import sort_key
from core.feeds import subscription
from core.i18n.names import reader_language
from core.pagination import pagination
from core.query import nearest_page
from core.seo import absolute, script_content
from partners.models import ContactPerson

from . import ical, jsonld, maps
from .filters import SORT_SOONEST
from .models.activities import Activity
from .models.translations import SOURCE_LANGUAGE
from .models.travel import TravelRoute

PER_PAGE = 20
SESSIONS_ON_DETAIL = 10
NEARBY_ON_EMPTY = 5

WEEKDAYS = {
    "MO": gettext_lazy("måndag"),
    "TU": gettext_lazy("tisdag"),
    "WE": gettext_lazy("onsdag"),
    "TH": gettext_lazy("torsdag"),
    "FR": gettext_lazy("fredag"),
    "SA": gettext_lazy("lördag"),
    "SU": gettext_lazy("söndag"),
}
WEEKDAY_CODES = list(WEEKDAYS)


def join_names(names):
    """'Lund, Eslöv och Höör': a list the way a sentence says it."""
    names = [str(name) for name in names]
    if len(names) < 2:
        return "".join(names)
    return _("%(items)s och %(last)s") % {
        "items": ", ".join(names[:-1]),
        "last": names[-1],
    }


def time_range(activity):
    """'17.00–19.00', '17.00' or '' when the activity has no time of day."""
    if not activity.start_time:
        return ""
    text = activity.start_time.strftime("%H.%M")
    if activity.end_time:
        text += "–" + activity.end_time.strftime("%H.%M")
    return text


def schedule_text(activity):
    """The recurrence in words, e.g. 'varje tisdag 17.00–19.00'; '' for one session."""
    try:
        recur = ical.recurrence(activity)
    except (ValueError, TypeError):
        recur = None
    if recur is None:
        return ""
    frequency = str(recur["FREQ"][0]).upper()
    interval = int(recur.get("INTERVAL", [1])[0] or 1)
    if frequency == "WEEKLY":
        codes = [str(day).upper()[-2:] for day in recur.get("BYDAY", [])]
        codes = [code for code in codes if code in WEEKDAYS] or [
            WEEKDAY_CODES[activity.start_date.weekday()]
        ]
        days = join_names(WEEKDAYS[code] for code in codes)
        if interval == 1:
            text = _("varje %(days)s") % {"days": days}
        elif interval == 2:
            text = _("varannan %(days)s") % {"days": days}
        else:
            text = _("var %(interval)s:e vecka på %(days)s") % {
                "interval": interval,
                "days": days,
            }
    elif frequency == "DAILY":
        if interval == 1:
            text = _("varje dag")
        else:
            text = _("var %(interval)s:e dag") % {"interval": interval}
    elif frequency == "MONTHLY":
        if interval == 1:
            text = _("en gång i månaden")
        else:
            text = _("var %(interval)s:e månad") % {"interval": interval}
    else:
        text = _("återkommande")
    return f"{text} {time_range(activity)}".strip()


def detail_url(base_url, page, activity):
    return base_url + page.reverse_subpage(
        "activity_detail", kwargs={"slug": activity.slug}
    )


def with_links(activities, base_url, page, today, language=SOURCE_LANGUAGE):
    """Give each activity what its card shows: its link, its next session and
    its text for a reader of ``language`` (``shown``)."""
    for activity in activities:
        activity.detail_url = detail_url(base_url, page, activity)
        activity.shown = activity.text_in(language)
        sessions = ical.upcoming_sessions(activity, today, limit=1)
        activity.next_session = sessions[0] if sessions else None
    return activities


def query_string(params, **changes):
    params = {**params, **changes}
    params = {name: value for name, value in params.items() if value}
    return "?" + urlencode(params) if params else ""


def public_activity(slug, language=SOURCE_LANGUAGE):
    """A published, current activity, or 404: drafts and ended ones are not
    public; with its translation into ``language`` when it has one."""
    return get_object_or_404(
        Activity.objects.current().with_public_relations().with_translation(language),
        slug=slug,
    )


def filtered_list(request, query_form, today, language):
    """(filterset, activities, used): the list's filters bound to the query
    string, the current activities they select in the list's order (every
    page's, with what a card or an export reads), and the filters in use as
    the visitor typed them. The page, its CSV and its JSON share it."""
    filterset = query_form(
        queryset=Activity.objects.current(today), request=request, today=today
    )
    results = filterset.qs.with_public_relations().with_translation(language)
    form = filterset.form
    cleaned = form.cleaned_data
    # The filters in use, as the visitor typed them, for every link we build.
    used = {
        name: form[name].data.strip()
        for name in filterset.filters
        if cleaned.get(name) not in (None, "")
    }
    return filterset, results, used


def activity_list(request, page, query_form):
    """The public list with filters, sort order, pagination and an empty state.

    ``query_form`` binds ``ActivityFilter``, which the page's route declares.
    """
    today = timezone.localdate()
    language = reader_language()
    base_url = page.get_url(request)
    filterset, results, used = filtered_list(request, query_form, today, language)
    form = filterset.form
    cleaned = form.cleaned_data
    active_filters = []
    for name in used:
        if name == "sortering":
            continue
        field = form.fields[name]
        value = cleaned[name]
        if name == "q":
            shown = f"”{value}”"
        elif hasattr(field, "queryset"):
            shown = field.label_from_instance(value)
        else:
            shown = dict(field.choices).get(value, value)
        others = {key: raw for key, raw in used.items() if key != name}
        active_filters.append(
            {
                "label": field.label,
                "value": shown,
                "remove_url": base_url + query_string(others),
            }
        )

    paginator = Paginator(results, PER_PAGE)
    page_obj, page_not_found = nearest_page(paginator, form.page_number)
    activities = with_links(list(page_obj.object_list), base_url, page, today, language)

    def page_url(number):
        return base_url + query_string(used, sida=number if number > 1 else None)

    suggestion = None
    municipality = cleaned.get("kommun")
    if not paginator.count and municipality and municipality.subregion_id:
        subregion = municipality.subregion
        params = {k: v for k, v in used.items() if k not in ("kommun", "delregion")}
        nearby = filterset.sort(
            Activity.objects.current(today)
            .filter(municipality__subregion=subregion)
            .with_public_relations()
            .with_translation(language),
            "sortering",
            SORT_SOONEST,
        )[:NEARBY_ON_EMPTY]
        suggestion = {
            "municipality": municipality,
            "subregion": subregion,
            "url": base_url + query_string(params, delregion=subregion.slug),
            "activities": with_links(list(nearby), base_url, page, today, language),
        }

    feed_params = {k: v for k, v in used.items() if k not in ("sida", "sortering")}
    feed = subscription(
        request.build_absolute_uri(reverse("activities_ics"))
        + query_string(feed_params)
    )

    activity_map = None
    if maps.enabled():
        activity_map = {
            **maps.tile_source(),
            "points_url": base_url
            + page.reverse_subpage("activity_points")
            + query_string(feed_params),
        }

    data = jsonld.list_data(
        page,
        # The canonical address: the page number kept, the filters not.
        url=absolute(
            base_url
            + query_string({}, sida=page_obj.number if page_obj.number > 1 else None)
        ),
        activities=activities,
        count=paginator.count,
        offset=page_obj.start_index() - 1 if activities else 0,
    )
    response = page.render(
        request,
        context_overrides={
            "activity_map": activity_map,
            "jsonld": script_content(data),
            "canonical_url": data["url"],
            "feed": feed,
            "form": form,
            "filter_fields": [
                form[name] for name in filterset.filters if name != "sortering"
            ],
            "sort_field": form["sortering"],
            "list_url": base_url,
            "travel_routes_url": base_url + page.reverse_subpage("travel_routes"),
            # The downloads keep the filters, not the page: every row at once.
            "csv_url": base_url
            + page.reverse_subpage("activity_csv")
            + query_string(used),
            "json_url": base_url
            + page.reverse_subpage("activity_json")
            + query_string(used),
            "open_data_url": base_url + page.reverse_subpage("open_data"),
            # The poster form, with the list's municipality (else sub-region).
            "poster_url": base_url
            + page.reverse_subpage("poster")
            + query_string(
                {"kommun": used["kommun"]}
                if "kommun" in used
                else {"delregion": used.get("delregion")}
            ),
            "activities": activities,
            **pagination(page_obj, page_url),
            "active_filters": active_filters,
            "ignored_filters": [form.fields[name].label for name in form.errors],
            "page_not_found": page_not_found,
            "suggestion": suggestion,
        },
    )
    if activity_map:
        # The tile server's images, on this page only (django-csp's csp_update).
        response._csp_update = maps.csp_update()
    return response


def activity_detail(request, page, slug):
    """Everything a visitor needs to go to one activity."""
    language = reader_language()
    activity = public_activity(slug, language)
    shown = activity.text_in(language)
    today = timezone.localdate()
    base_url = page.get_url(request)
    url = detail_url(base_url, page, activity)
    contact = activity.contact_person
    if contact and contact.visibility != ContactPerson.Visibility.PUBLIC:
        contact = None
    # The organisation's other public contact persons; members-only ones are
    # for the forum's partner directory.
    other_contacts = activity.organisation.contact_persons.public().exclude(
        pk=contact.pk if contact else None
    )
    travel_from = []
    if activity.mode != Activity.Mode.ONLINE:
        travel_from = list(TravelRoute.objects.reimbursed_to(activity.municipality))
    osm_url = ""
    if activity.latitude is not None and activity.longitude is not None:
        lat, lon = activity.latitude, activity.longitude
        osm_url = (
            f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"
        )
    data = jsonld.activity_data(activity, url=absolute(url), shown=shown, today=today)
    ics_url = reverse("activity_ics", args=[activity.slug])
    if language != SOURCE_LANGUAGE:
        # The calendar file has one address; the reader's language is a choice.
        ics_url += "?" + urlencode({"sprak": language})
    return page.render(
        request,
        template="directory/activity_detail.html",
        context_overrides={
            "activity": activity,
            "shown": shown,
            "list_url": base_url,
            "detail_url": url,
            "ics_url": ics_url,
            "travel_routes_url": base_url + page.reverse_subpage("travel_routes"),
            "sessions": ical.upcoming_sessions(
                activity, today, limit=SESSIONS_ON_DETAIL
            ),
            "cancelled": sorted(
                day for day in ical.excluded_dates(activity) if day >= today
            ),
            "schedule": schedule_text(activity),
            "time_range": time_range(activity),
            "contact": contact,
            "other_contacts": list(other_contacts),
            "travel_from": travel_from,
            "travel_places": join_names(m.name for m in travel_from),
            "osm_url": osm_url,
            "jsonld": script_content(data),
        },
    )


def travel_routes(request, page):
    """The municipality pairs between which travel is reimbursed today."""
    routes = TravelRoute.objects.in_force().select_related(
        "from_municipality", "to_municipality"
    )
    # A route is reimbursed both ways, so it is listed under both municipalities:
    # a visitor looks up their own in the first column.
    rows = [
        {"municipality": one, "other": other, "route": route}
        for route in routes
        for one, other in [
            (route.from_municipality, route.to_municipality),
            (route.to_municipality, route.from_municipality),
        ]
    ]
    rows.sort(
        key=lambda row: (
            sort_key(row["municipality"].name),
            sort_key(row["other"].name),
        )
    )
    return page.render(
        request,
        template="directory/travel_routes.html",
        context_overrides={"rows": rows, "list_url": page.get_url(request)},
    )
