"""Permission-matrix rows for the situation report (lägesbild) and its downloads.

Skåne keeps the default settings (a public summary, the detail from Samråd),
so everyone gets the report; Stockholm opens its summary only from Dialog in
a forum it does not have, so only county administrators read it: a visitor
is asked to sign in, everyone else gets 403.
"""

from django.utils import timezone

from core.geography.models import County, Municipality
from forum.models import Visibility
from knowledge.followup.factories_report import figures
from knowledge.followup.models import FollowUpSettings
from tests.matrix_roles import COUNTY_ADMINS, EVERYONE, LOGIN, ROLES

CLOSED = dict.fromkeys(ROLES, 403) | {"anonymous": LOGIN} | COUNTY_ADMINS

ROWS = {
    "followup:report": ("/uppfoljning/lagesbild/?lan=12", EVERYONE),
    "followup:report_csv": ("/uppfoljning/lagesbild/lagesbild.csv?lan=12", EVERYONE),
    "followup:report_xlsx": (
        "/uppfoljning/lagesbild/lagesbild.xlsx?lan=12",
        EVERYONE,
    ),
    "followup:report/closed_county": ("/uppfoljning/lagesbild/?lan=01", CLOSED),
    "followup:report_csv/closed_county": (
        "/uppfoljning/lagesbild/lagesbild.csv?lan=01",
        CLOSED,
    ),
    "followup:report_xlsx/closed_county": (
        "/uppfoljning/lagesbild/lagesbild.xlsx?lan=01",
        CLOSED,
    ),
}


def populate(people, forum):
    month = timezone.localdate().replace(day=1)
    figures(Municipality.objects.filter(code__in=["1280", "1281"]), [month])
    figures(Municipality.objects.filter(code="0180"), [month])
    FollowUpSettings.objects.update_or_create(
        county=County.objects.get(code="01"),
        defaults={
            "summary_visibility": Visibility.DIALOG,
            "detail_visibility": Visibility.PARTNERSKAP,
        },
    )
