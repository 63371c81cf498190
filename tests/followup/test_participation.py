"""Participation counts: an organisation sees its own as they are, everybody
else sees them summed and masked; the rules hold on the server."""

import pytest
from django.urls import reverse

from core.geography.models import County, Municipality
from forum.factories import ForumFactory
from knowledge.followup.factories_participation import ParticipationReportFactory
from knowledge.followup.models import AgeBand, Sex
from knowledge.followup.participation import StaleReport, save_report
from partners.models import Membership
from tests.factories import MembershipFactory, county_admin


@pytest.fixture
def report(db):
    ForumFactory(county=County.objects.get(code="12"))
    return ParticipationReportFactory(
        activity__municipality=Municipality.objects.get(name="Lomma"),
        started=43,
        completed=30,
        dropped_out=2,
        grid={(Sex.WOMEN, AgeBand.FROM_18): 3, (Sex.MEN, AgeBand.FROM_25): 40},
    )


def test_the_organisation_sees_its_own_small_counts(client, report):
    membership = MembershipFactory(
        organisation=report.activity.organisation, status=Membership.Status.ACTIVE
    )
    client.force_login(membership.user)
    url = reverse(
        "followup:participation_organisation",
        args=[report.activity.organisation.slug],
    )
    html = client.get(url).content.decode()
    assert report.activity.title in html
    assert ">3<" in html or " 3 " in html or "3 kvinnor" in html


def test_the_county_sees_them_masked_on_the_page_and_in_the_csv(client, report):
    client.force_login(county_admin())
    month = report.period_start.strftime("%Y-%m")
    query = {"lan": "12", "fran": month, "till": month}
    page = client.get(reverse("followup:participation_county"), query)
    assert page.status_code == 200
    html = page.content.decode()
    assert "&lt;6" in html or "<6" in html
    assert ">3<" not in html and ">2<" not in html
    csv = client.get(reverse("followup:participation_county_csv"), query)
    text = csv.content.decode("utf-8-sig")
    assert "<6" in text
    cells = {cell for line in text.splitlines() for cell in line.split(";")}
    assert not cells & {"1", "2", "3", "4", "5"}


def test_someone_else_is_turned_away(client, report):
    membership = MembershipFactory(status=Membership.Status.ACTIVE)
    client.force_login(membership.user)
    url = reverse(
        "followup:participation_organisation",
        args=[report.activity.organisation.slug],
    )
    assert client.get(url).status_code == 403


def test_a_save_from_an_old_version_is_refused(report):
    fields = {
        "period_start": report.period_start,
        "period_end": report.period_end,
        "started": 43,
        "completed": 30,
        "dropped_out": 2,
    }
    with pytest.raises(StaleReport):
        save_report(
            report.activity,
            **fields,
            counts={(Sex.WOMEN, AgeBand.FROM_18): 4},
            version=report.version - 1,
            by=None,
            report=report,
        )
    report.refresh_from_db()
    assert report.counts.get(sex=Sex.WOMEN).count == 3
