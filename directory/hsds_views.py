"""The Open Referral HSDS API of the directory, at ``/api/hsds/`` (``hsds_urls``).

The read-only endpoints of HSDS's OpenAPI, for the version ``hsds`` pins: the
root with its version, services, organizations, services at locations,
taxonomies and taxonomy terms, each as a paginated list and by id. A machine
endpoint: no language prefix, Swedish texts, JSON, CORS open to every origin
(public data, read only). An unknown id answers 404, a parameter that does not
validate 400, both as JSON.
"""

import functools

from django.conf import settings
from django.db.models import Prefetch, Q
from django.http import JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.collation import swedish
from core.query import reads_query
from partners.models import ContactPerson, Organisation

from . import hsds
from .hsds_forms import (
    OrganizationForm,
    OrganizationListForm,
    SearchForm,
    ServiceAtLocationListForm,
    ServiceListForm,
    TaxonomyTermListForm,
)
from .models import Activity, DirectoryPage
from .views import detail_url


def respond(data, status=200):
    response = JsonResponse(
        data, status=status, json_dumps_params={"ensure_ascii": False}
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


def not_found(kind):
    return respond(
        {
            "error": "not_found",
            "detail": _("Det finns ingen %(kind)s med det id:t.") % {"kind": kind},
        },
        status=404,
    )


def bad_request(form):
    return respond(
        {
            "error": "bad_request",
            "detail": {name: list(errors) for name, errors in form.errors.items()},
        },
        status=400,
    )


def machine_endpoint(view):
    """GET and HEAD only, in the site's language whatever the reader's cookie."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            return view(request, *args, **kwargs)

    return require_safe(wrapper)


class Links:
    """The public page of each activity, found once a request."""

    def __init__(self, request):
        self.request = request
        self.page = DirectoryPage.live_localized()
        self.base_url = self.page.get_url(request) if self.page else None

    def activity(self, activity):
        if self.base_url is None:
            return None
        return self.request.build_absolute_uri(
            detail_url(self.base_url, self.page, activity)
        )

    def open_data(self):
        if self.base_url is None:
            return None
        return self.request.build_absolute_uri(
            self.base_url + self.page.reverse_subpage("open_data")
        )


def services_queryset():
    """The public activities with what a service reads, in a fixed number of queries."""
    return (
        Activity.objects.current()
        .select_related("organisation", "municipality__county", "contact_person")
        .prefetch_related("instruction_languages", "support_languages")
    )


def public_organisations():
    """Organisations arranging a current activity: the API's organizations."""
    return Organisation.objects.filter(
        pk__in=Activity.objects.current().values("organisation_id")
    )


def with_public_contacts(organisations):
    return organisations.prefetch_related(
        Prefetch(
            "contact_persons",
            queryset=ContactPerson.objects.public(),
            to_attr="public_contacts",
        )
    )


def find_by_id(pks, id_of, wanted):
    """The primary key among ``pks`` whose HSDS id is ``wanted``, or None."""
    wanted = str(wanted).lower()
    return next((pk for pk in pks if id_of(pk) == wanted), None)


def organisation_pk(org_id):
    return find_by_id(
        public_organisations().values_list("pk", flat=True),
        lambda pk: hsds.hsds_id("organization", pk),
        org_id,
    )


def filter_activities(activities, data):
    """Narrow ``activities`` by a list form's cleaned ``data`` (all cumulative)."""
    if data.get("search"):
        activities = activities.matching(data["search"])
    if data.get("taxonomy_term_id"):
        taxonomy, value = hsds.find_term(data["taxonomy_term_id"])
        if taxonomy is None:
            return activities.none()
        activities = activities.filter(**{taxonomy.field: value})
    if data.get("taxonomy_id") and hsds.find_taxonomy(data["taxonomy_id"]) is None:
        # Every activity has a term of each of our taxonomies; of others, none.
        return activities.none()
    if data.get("organization_id"):
        pk = organisation_pk(data["organization_id"])
        if pk is None:
            return activities.none()
        activities = activities.filter(organisation_id=pk)
    if data.get("modified_after"):
        activities = activities.filter(updated_at__gte=data["modified_after"])
    return activities


def paginate(form, queryset_or_list, build):
    """The HSDS page asked for; ``build`` turns each row into its object."""
    number, size = form.page_number(), form.page_size()
    start = (number - 1) * size
    if isinstance(queryset_or_list, list):
        total = len(queryset_or_list)
    else:
        total = queryset_or_list.count()
    rows = list(queryset_or_list[start : start + size]) if start < total else []
    return hsds.page(
        [build(row) for row in rows], total=total, number=number, per_page=size
    )


# --- the endpoints -----------------------------------------------------------


@machine_endpoint
def root(request):
    links = Links(request)
    return respond(
        hsds.root(
            profile_url=links.open_data(),
            site_url=request.build_absolute_uri("/"),
        )
    )


@machine_endpoint
@reads_query(ServiceListForm)
def service_list(request, query_form):
    form = query_form()
    if not form.is_valid():
        return bad_request(form)
    links = Links(request)
    full = form.cleaned_data["full"]
    activities = filter_activities(services_queryset(), form.cleaned_data)
    return respond(
        paginate(
            form,
            activities.order_by("pk"),
            lambda activity: hsds.service(
                activity, links.activity(activity), full=full
            ),
        )
    )


def _activity(service_uuid):
    pk = find_by_id(
        Activity.objects.current().values_list("pk", flat=True),
        lambda pk: hsds.hsds_id("service", pk),
        service_uuid,
    )
    if pk is None:
        return None
    return services_queryset().get(pk=pk)


@machine_endpoint
def service_detail(request, id):
    activity = _activity(id)
    if activity is None:
        return not_found("service")
    return respond(hsds.service(activity, Links(request).activity(activity)))


def _organisation_data(organisation, links, *, full, full_service):
    services = None
    if full_service is not None:
        services = [
            hsds.service(activity, links.activity(activity), full=full_service)
            if full_service
            else {
                "id": hsds.service_id(activity),
                "name": activity.title,
                "status": "active",
                "url": links.activity(activity),
            }
            for activity in organisation.current_activities
        ]
    return hsds.organization(organisation, full=full, services=services)


def _with_services(organisations):
    return organisations.prefetch_related(
        Prefetch(
            "activities",
            queryset=services_queryset().order_by("pk"),
            to_attr="current_activities",
        )
    )


@machine_endpoint
@reads_query(OrganizationListForm)
def organization_list(request, query_form):
    form = query_form()
    if not form.is_valid():
        return bad_request(form)
    data = form.cleaned_data
    links = Links(request)
    organisations = public_organisations()
    if data["search"]:
        text = data["search"]
        organisations = organisations.filter(
            Q(name__icontains=text) | Q(description__icontains=text)
        )
    if data["taxonomy_term_id"] or data["taxonomy_id"]:
        narrowed = filter_activities(
            Activity.objects.current(),
            {
                "taxonomy_term_id": data["taxonomy_term_id"],
                "taxonomy_id": data["taxonomy_id"],
            },
        )
        organisations = organisations.filter(pk__in=narrowed.values("organisation_id"))
    organisations = with_public_contacts(organisations).order_by(swedish("name"), "pk")
    full_service = data["full_service"]
    if full_service:
        organisations = _with_services(organisations)
    return respond(
        paginate(
            form,
            organisations,
            lambda organisation: _organisation_data(
                organisation,
                links,
                full=data["full"] or full_service,
                full_service=True if full_service else None,
            ),
        )
    )


@machine_endpoint
@reads_query(OrganizationForm)
def organization_detail(request, id, query_form):
    form = query_form()
    if not form.is_valid():
        return bad_request(form)
    pk = organisation_pk(id)
    if pk is None:
        return not_found("organization")
    organisation = _with_services(with_public_contacts(Organisation.objects)).get(pk=pk)
    return respond(
        _organisation_data(
            organisation,
            Links(request),
            full=True,
            full_service=form.cleaned_data["full_service"],
        )
    )


def _locations_of(activities):
    """(activity pk, kind) for each place each activity is held, in order."""
    modes = activities.order_by("pk").values_list("pk", "mode")
    return [(pk, kind) for pk, mode in modes for kind in hsds.location_kinds(mode)]


def _service_at_location(activity, kind, links, *, full):
    url = links.activity(activity)
    data = hsds.service_at_location(
        activity, kind, url, service=hsds.service(activity, url, full=full)
    )
    if full:
        data["schedules"] = [hsds.schedule(activity, url)]
        data["contacts"] = hsds.service_contacts(activity)
    return data


@machine_endpoint
@reads_query(ServiceAtLocationListForm)
def service_at_location_list(request, query_form):
    form = query_form()
    if not form.is_valid():
        return bad_request(form)
    links = Links(request)
    full = form.cleaned_data["full"]
    places = _locations_of(
        filter_activities(Activity.objects.current(), form.cleaned_data)
    )
    number, size = form.page_number(), form.page_size()
    start = (number - 1) * size
    shown = places[start : start + size]
    activities = services_queryset().in_bulk([pk for pk, _kind in shown])
    contents = [
        _service_at_location(activities[pk], kind, links, full=full)
        for pk, kind in shown
    ]
    return respond(hsds.page(contents, total=len(places), number=number, per_page=size))


@machine_endpoint
def service_at_location_detail(request, id):
    places = _locations_of(Activity.objects.current())
    wanted = str(id).lower()
    found = next(
        (
            (pk, kind)
            for pk, kind in places
            if hsds.hsds_id("service_at_location", pk, kind) == wanted
        ),
        None,
    )
    if found is None:
        return not_found("service_at_location")
    pk, kind = found
    activity = services_queryset().get(pk=pk)
    return respond(_service_at_location(activity, kind, Links(request), full=True))


def _matches(text, *values):
    text = (text or "").casefold()
    return not text or any(text in str(value).casefold() for value in values)


@machine_endpoint
@reads_query(SearchForm)
def taxonomy_list(request, query_form):
    form = query_form()
    if not form.is_valid():
        return bad_request(form)
    found = [
        taxonomy.data()
        for taxonomy in hsds.taxonomies()
        if _matches(form.cleaned_data["search"], taxonomy.name, taxonomy.description)
    ]
    return respond(paginate(form, found, lambda data: data))


@machine_endpoint
def taxonomy_detail(request, id):
    taxonomy = hsds.find_taxonomy(str(id).lower())
    if taxonomy is None:
        return not_found("taxonomy")
    return respond(taxonomy.data())


@machine_endpoint
@reads_query(TaxonomyTermListForm)
def taxonomy_term_list(request, query_form):
    form = query_form()
    if not form.is_valid():
        return bad_request(form)
    data = form.cleaned_data
    terms = hsds.all_terms()
    if data["taxonomy_id"]:
        terms = [t for t in terms if t["taxonomy_id"] == str(data["taxonomy_id"])]
    if data["parent_id"]:
        terms = []  # our taxonomies are flat: no term has a parent
    terms = [t for t in terms if _matches(data["search"], t["name"], t["code"])]
    return respond(paginate(form, terms, lambda term: term))


@machine_endpoint
def taxonomy_term_detail(request, id):
    taxonomy, value = hsds.find_term(str(id).lower())
    if taxonomy is None:
        return not_found("taxonomy_term")
    return respond(taxonomy.term(value))
