"""Permission-matrix rows for the participation pages of the follow-up room.

An organisation's page, its report form and a report are for its active
members (in the matrix, sensus's only member is its admin) and the county
administrators. The county's totals open with the follow-up's detail scope:
from Samråd up in the county's first forum (``tia-skane``), its conveners and
the county administrators; a visitor is asked to sign in.
"""

import datetime

from django.utils import timezone

from core.geography.models import Municipality
from directory.models import Activity
from knowledge.followup.factories_participation import ParticipationReportFactory
from partners.models import Organisation
from tests.matrix_roles import COUNTY_ADMINS, LOGIN, ORG_ADMINS, ROLES

DETAIL = (
    dict.fromkeys(ROLES, 403)
    | {
        "anonymous": LOGIN,
        "samrad": 200,
        "dialog": 200,
        "partnerskap": 200,
        "org_admin": 200,
        "convener": 200,
    }
    | COUNTY_ADMINS
)

ROWS = {
    "followup:participation_county": ("/uppfoljning/deltagande/", DETAIL),
    "followup:participation_county_csv": (
        "/uppfoljning/deltagande/export.csv",
        DETAIL,
    ),
    "followup:participation_organisation": (
        "/uppfoljning/deltagande/sensus/",
        ORG_ADMINS,
    ),
    "followup:participation_report_create": (
        "/uppfoljning/deltagande/sensus/{participation_activity}/ny/",
        ORG_ADMINS,
    ),
    "followup:participation_report_edit": (
        "/uppfoljning/deltagande/sensus/{participation_activity}/"
        "{participation_report}/",
        ORG_ADMINS,
    ),
}


def populate(people, forum):
    today = timezone.localdate()
    activity = Activity.objects.create(
        organisation=Organisation.objects.get(slug="sensus"),
        title="Svenska för nybörjare",
        slug="svenska-nyborjare",
        summary="Grundkurs i svenska.",
        category=Activity.Category.SWEDISH,
        municipality=Municipality.objects.get(code="1281"),
        start_date=today - datetime.timedelta(days=90),
        status=Activity.Status.PUBLISHED,
    )
    report = ParticipationReportFactory(
        activity=activity,
        started=9,
        completed=2,
        dropped_out=1,
        grid={("women", "25-34"): 4, ("men", "25-34"): 7},
    )
    people["_participation_activity"] = activity.slug
    people["_participation_report"] = report.pk
