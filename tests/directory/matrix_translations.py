"""Permission-matrix rows for county editors' translations of activities.

A published activity of sensus in Lund, supported in Arabic: the convener
coordinates Lund's sub-region and, with county administrators, translates it
from the review queue; everyone else is refused (tests/matrix_roles.py).
"""

from django.utils import timezone

from core.geography.models import Municipality
from directory.models import Activity, Language
from partners.models import Organisation
from tests.matrix_roles import COUNTY_ADMINS, LOGIN, ROLES

TRANSLATORS = (
    dict.fromkeys(ROLES, 403) | {"anonymous": LOGIN, "convener": 200} | COUNTY_ADMINS
)
# Saved, then back to the queue.
TRANSLATED = TRANSLATORS | {
    "convener": 302,
    "county_admin": 302,
    "superuser": 302,
}
URL = "/granskning/aktiviteter/{published_activity}/oversattning/ar/"

ROWS = {
    "directory:translation_edit": (URL, TRANSLATORS),
    "directory:translation_edit/save": (
        f"POST {URL}",
        TRANSLATED,
        {"title": "مقهى اللغة", "summary": "تدرّب على السويدية."},
    ),
}


def populate(people, forum):
    """Add what the rows need to ``people`` as "_name" keys (used as {name} in URLs)."""
    activity = Activity.objects.create(
        organisation=Organisation.objects.get(slug="sensus"),
        title="Språkcafé på biblioteket",
        slug="sprakcafe-biblioteket",
        summary="Öva svenska.",
        category=Activity.Category.SWEDISH,
        municipality=Municipality.objects.get(code="1281"),
        start_date=timezone.localdate(),
        status=Activity.Status.PUBLISHED,
        published_at=timezone.now(),
    )
    activity.instruction_languages.add(Language.objects.get(code="sv"))
    activity.support_languages.add(Language.objects.get(code="ar"))
    people["_published_activity"] = activity.slug
