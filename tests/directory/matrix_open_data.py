"""Permission-matrix rows for the directory's HSDS API (tests/matrix_roles.py).

Public data, public to everyone: each list and each object of a published,
current activity of sensus in Lund answers 200 whoever asks, signed in or not.
"""

import datetime

from django.utils import timezone

from core.geography.models import Municipality
from directory import hsds
from directory.models import Activity, Language
from partners.models import Organisation
from tests.matrix_roles import EVERYONE

ROWS = {
    "hsds:root": ("/api/hsds/", EVERYONE),
    "hsds:service_list": ("/api/hsds/services", EVERYONE),
    "hsds:service_detail": ("/api/hsds/services/{hsds_service}", EVERYONE),
    "hsds:organization_list": ("/api/hsds/organizations", EVERYONE),
    "hsds:organization_detail": (
        "/api/hsds/organizations/{hsds_organization}",
        EVERYONE,
    ),
    "hsds:service_at_location_list": ("/api/hsds/service_at_locations", EVERYONE),
    "hsds:service_at_location_detail": (
        "/api/hsds/service_at_locations/{hsds_service_at_location}",
        EVERYONE,
    ),
    "hsds:taxonomy_list": ("/api/hsds/taxonomies", EVERYONE),
    "hsds:taxonomy_detail": ("/api/hsds/taxonomies/{hsds_taxonomy}", EVERYONE),
    "hsds:taxonomy_term_list": ("/api/hsds/taxonomy_terms", EVERYONE),
    "hsds:taxonomy_term_detail": (
        "/api/hsds/taxonomy_terms/{hsds_taxonomy_term}",
        EVERYONE,
    ),
}


def populate(people, forum):
    """Add what the rows need to ``people`` as "_name" keys (used as {name} in URLs)."""
    today = timezone.localdate()
    activity = Activity.objects.create(
        organisation=Organisation.objects.get(slug="sensus"),
        title="Läxhjälp på biblioteket",
        slug="laxhjalp-pa-biblioteket",
        summary="Hjälp med läxor och studier.",
        category=Activity.Category.SWEDISH,
        municipality=Municipality.objects.get(code="1281"),
        start_date=today + datetime.timedelta(days=7),
        status=Activity.Status.PUBLISHED,
        published_at=timezone.now(),
    )
    activity.instruction_languages.add(Language.objects.get(code="sv"))
    taxonomy = hsds.taxonomies()[0]
    people["_hsds_service"] = hsds.service_id(activity)
    people["_hsds_organization"] = hsds.organization_id(activity.organisation)
    people["_hsds_service_at_location"] = hsds.service_at_location_id(
        activity, hsds.PHYSICAL
    )
    people["_hsds_taxonomy"] = taxonomy.id
    people["_hsds_taxonomy_term"] = taxonomy.term_id(activity.category)
