"""The partner directory of a forum: its organisations, for its members.

A forum page (the organisations' levels in that forum, through the access
rule), so it lives here; ``partners/`` below knows nothing of forums.
"""

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.text import slugify

from core import csv
from core.collation import swedish
from core.query import reads_query
from partners.forms import DirectoryFilterForm
from partners.models import ContactPerson

from .access import forum_for, is_convener, level_in
from .models import Level, LevelChange, Participation


def filtered_participations(forum, filters):
    participations = Participation.objects.filter(forum=forum)
    if filters.get("q"):
        q = filters["q"]
        participations = participations.filter(
            Q(organisation__name__icontains=q)
            | Q(organisation__description__icontains=q)
        )
    if filters.get("subregion"):
        participations = participations.filter(
            organisation__subregions=filters["subregion"]
        )
    if filters.get("municipality"):
        participations = participations.filter(
            organisation__municipalities=filters["municipality"]
        )
    if filters.get("kind"):
        participations = participations.filter(organisation__kind=filters["kind"])
    return participations.distinct()


@login_required
@reads_query(DirectoryFilterForm)
def directory(request, slug, query_form):
    """Members only: the organisations in the forum, grouped by level."""
    forum = forum_for(request, slug, "view_members")
    form = query_form(county=forum.county)
    filters = form.valid_filters()
    participations = (
        filtered_participations(forum, filters)
        .select_related("organisation")
        .prefetch_related("organisation__subregions")
        .order_by("-level", swedish("organisation__name"))
    )
    groups = {level: [] for level in reversed(Level)}
    for participation in participations:
        groups[participation.level].append(participation)
    return TemplateResponse(
        request,
        "forum/partner_directory.html",
        {
            "forum": forum,
            "form": form,
            "ignored": bool(form.errors),
            "groups": [(Level(level), items) for level, items in groups.items()],
            "count": sum(len(items) for items in groups.values()),
            "is_convener": is_convener(request.user, forum),
        },
    )


@login_required
def organisation_detail(request, slug, organisation_slug):
    forum = forum_for(request, slug, "view_members")
    participation = get_object_or_404(
        Participation.objects.select_related("organisation").prefetch_related(
            "organisation__subregions",
            "organisation__municipalities",
            Prefetch(
                "organisation__contact_persons",
                queryset=ContactPerson.objects.order_by("scope", swedish("name")),
            ),
        ),
        forum=forum,
        organisation__slug=organisation_slug,
    )
    history = LevelChange.objects.filter(
        forum=forum, organisation=participation.organisation
    ).select_related("changed_by")
    return TemplateResponse(
        request,
        "forum/partner_detail.html",
        {
            "forum": forum,
            "participation": participation,
            "organisation": participation.organisation,
            "history": history,
            "my_level": Level(level_in(request.user, forum)),
        },
    )


CSV_COLUMNS = [
    "organisation",
    "organisationsnummer",
    "typ",
    "nivå",
    "deltar sedan",
    "delregioner",
    "webbplats",
    "e-post",
    "telefon",
    "kontaktpersoner",
]


@login_required
def directory_csv(request, slug):
    """Conveners only: the forum's organisations as CSV, for a spreadsheet."""
    forum = forum_for(request, slug, "export")
    participations = (
        Participation.objects.filter(forum=forum)
        .select_related("organisation")
        .prefetch_related("organisation__subregions", "organisation__contact_persons")
        .order_by("-level", swedish("organisation__name"))
    )
    rows = (
        [
            participation.organisation.name,
            participation.organisation.organisation_number or "",
            participation.organisation.get_kind_display(),
            participation.get_level_display(),
            participation.since.isoformat(),
            "; ".join(s.name for s in participation.organisation.subregions.all()),
            participation.organisation.website,
            participation.organisation.email,
            participation.organisation.phone,
            "; ".join(
                f"{c.name} <{c.email}>" if c.email else c.name
                for c in participation.organisation.contact_persons.all()
            ),
        ]
        for participation in participations
    )
    return csv.download(f"partner-{slugify(forum.slug)}.csv", CSV_COLUMNS, rows)
