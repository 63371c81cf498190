"""Permission-matrix rows for what an organisation's admins keep and read.

Only the admins of ``sensus`` (and county administrators) keep its contacts;
its admins read the agreements it is party to (tests/matrix_roles.py).
"""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from forum.factories import AgreementFactory
from partners.models import ContactPerson, Organisation
from tests.matrix_roles import COUNTY_ADMINS, LOGIN, ORG_ADMINS, ROLES

# Removed, then a redirect to the dashboard.
ORG_ADMIN_POSTED = ORG_ADMINS | dict.fromkeys(
    ["org_admin", "county_admin", "superuser"], 302
)
BASE = "/organisationer/sensus/kontaktpersoner/"

# Signed by sensus (at Samråd) and the organisation of "partnerskap": its
# admins (dashboard) and whoever opens the forum's partnership workspace.
PARTY_ADMINS_AND_PARTNERS = (
    dict.fromkeys(ROLES, 404)
    | {"anonymous": LOGIN, "org_admin": 200, "partnerskap": 200, "convener": 200}
    | COUNTY_ADMINS
)

ROWS = {
    "partners:contact_person_create": (f"{BASE}ny/", ORG_ADMINS),
    "partners:contact_person_edit": (f"{BASE}{{contact_person}}/", ORG_ADMINS),
    "partners:contact_person_delete": (
        f"POST {BASE}{{contact_person}}/ta-bort/",
        ORG_ADMIN_POSTED,
        {},
    ),
    "document_serve/agreement_party": (
        "/documents/{party_agreement_document}",
        PARTY_ADMINS_AND_PARTNERS,
    ),
}


def populate(people, forum):
    """Add what the rows need to ``people`` as "_name" keys (used as {name} in URLs)."""
    sensus = Organisation.objects.get(slug="sensus")
    people["_contact_person"] = ContactPerson.objects.create(
        organisation=sensus,
        name="Leila Nasser",
        email="leila.nasser@sensus.example",
    ).pk
    signed = get_document_model().objects.create(
        title="Undertecknad av Sensus",
        file=ContentFile(b"%PDF-1.4 avtal", name="avtal.pdf"),
    )
    AgreementFactory(
        forum=forum,
        organisation=people["partnerskap"].memberships.get().organisation,
        parties=[sensus],
        valid_from=timezone.localdate() - datetime.timedelta(days=30),
        signed_document=signed,
    )
    people["_party_agreement_document"] = f"{signed.pk}/{signed.filename}"
