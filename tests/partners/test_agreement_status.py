"""Agreements: their parties, their status by date, and who reads them where."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from forum.factories import AgreementFactory
from forum.models import Level
from partners.models import Agreement, Membership
from partners.wagtail_hooks import AgreementViewSet
from tests.factories import (
    ForumFactory,
    MembershipFactory,
    OrganisationFactory,
    ParticipationFactory,
)

pytestmark = pytest.mark.django_db

Status = Agreement.Status


def days(n):
    return datetime.timedelta(days=n)


def today():
    return timezone.localdate()


def test_status_goes_from_draft_to_signed_to_in_force_to_ended():
    start = today() + days(10)
    agreement = Agreement(valid_from=start, valid_until=start + days(365))
    assert agreement.status_on(today()) == Status.DRAFT
    agreement.signed_on = today()
    assert agreement.status_on(today()) == Status.UPCOMING
    assert agreement.status_on(start - days(1)) == Status.UPCOMING
    assert agreement.status_on(start) == Status.IN_FORCE
    assert agreement.status_on(start + days(365)) == Status.IN_FORCE
    assert agreement.status_on(start + days(366)) == Status.ENDED
    # An agreement never signed whose period is over has ended all the same.
    agreement.signed_on = None
    assert agreement.status_on(start + days(366)) == Status.ENDED


def test_the_queryset_finds_the_agreements_in_force_and_the_drafts():
    forum = ForumFactory()
    in_force = AgreementFactory(forum=forum, valid_from=today() - days(30))
    draft = AgreementFactory(forum=forum, signed_on=None)
    AgreementFactory(
        forum=forum, valid_from=today() - days(400), valid_until=today() - days(1)
    )
    upcoming = AgreementFactory(forum=forum, valid_from=today() + days(1))
    assert list(Agreement.objects.in_force()) == [in_force]
    assert list(Agreement.objects.drafts()) == [draft]
    assert (in_force.status, upcoming.status) == (Status.IN_FORCE, Status.UPCOMING)
    later = today() + days(2)
    assert set(Agreement.objects.in_force(later)) == {in_force, upcoming}


def test_the_parties_are_the_signatories_with_the_organisation_among_them():
    county_board = OrganisationFactory(name="Länsstyrelsen Skåne")
    agreement = AgreementFactory(
        organisation__name="Malmö stad", parties=[county_board]
    )
    assert [p.name for p in agreement.all_parties()] == [
        "Länsstyrelsen Skåne",
        "Malmö stad",
    ]
    assert list(Agreement.objects.of_organisation(county_board)) == [agreement]
    # One made without parties still names its organisation.
    bare = Agreement.objects.create(
        organisation=OrganisationFactory(name="Lunds kommun"),
        forum=agreement.forum,
        title="Överenskommelse",
        valid_from=today(),
        valid_until=today() + days(30),
    )
    assert [p.name for p in bare.all_parties()] == ["Lunds kommun"]


def test_the_admin_form_keeps_the_organisation_among_the_parties():
    forum = ForumFactory()
    organisation, other = OrganisationFactory(), OrganisationFactory()
    form_class = AgreementViewSet().get_edit_handler().get_form_class()
    form = form_class(
        {
            "title": "Överenskommelse om språkstöd",
            "forum": forum.pk,
            "organisation": organisation.pk,
            "parties": [other.pk],
            "signed_on": "",
            "valid_from": today().isoformat(),
            "valid_until": (today() + days(365)).isoformat(),
            "delegated_tasks": "",
        },
        for_user=None,
    )
    assert form.is_valid(), form.errors
    agreement = form.save()
    assert set(agreement.parties.all()) == {organisation, other}
    assert agreement.status == Status.DRAFT


@pytest.fixture
def signed():
    """An agreement in force of a Samråd organisation and one of Partnerskap."""
    forum = ForumFactory(slug="tia-skane")
    samrad = ParticipationFactory(forum=forum, level=Level.SAMRAD).organisation
    partner = ParticipationFactory(forum=forum, level=Level.PARTNERSKAP).organisation
    doc = get_document_model().objects.create(
        title="Undertecknad", file=ContentFile(b"%PDF-1.4 avtal", name="avtal.pdf")
    )
    agreement = AgreementFactory(
        forum=forum,
        organisation=partner,
        parties=[samrad],
        title="Överenskommelse om tolkstöd",
        valid_from=today() - days(30),
        signed_document=doc,
    )
    return agreement, samrad


def test_a_partys_admins_see_the_agreement_and_its_document_on_the_dashboard(
    client, signed
):
    agreement, samrad = signed
    admin = MembershipFactory(organisation=samrad, role=Membership.Role.ADMIN).user
    client.force_login(admin)
    page = client.get(f"/organisationer/{samrad.slug}/").content.decode()
    assert "Överenskommelse om tolkstöd" in page
    assert "Gäller" in page
    assert agreement.organisation.name in page
    document_url = agreement.signed_document.url
    assert f'href="{document_url}"' in page
    # Samråd opens no partnership workspace, yet the party's admin reads it.
    assert client.get(document_url).status_code == 200


def test_a_member_who_is_not_admin_neither_sees_it_nor_gets_the_document(
    client, signed
):
    agreement, samrad = signed
    client.force_login(MembershipFactory(organisation=samrad).user)
    page = client.get(f"/organisationer/{samrad.slug}/").content.decode()
    assert "Överenskommelse om tolkstöd" not in page
    assert client.get(agreement.signed_document.url).status_code == 404
    # Neither does the admin of an organisation that is no party.
    stranger = MembershipFactory(
        organisation=ParticipationFactory(
            forum=agreement.forum, level=Level.SAMRAD
        ).organisation,
        role=Membership.Role.ADMIN,
    ).user
    client.force_login(stranger)
    assert client.get(agreement.signed_document.url).status_code == 404


def test_the_workspace_lists_the_agreements_in_force_with_their_parties(client, signed):
    agreement, samrad = signed
    AgreementFactory(forum=agreement.forum, title="Utkast om mentorer", signed_on=None)
    partner = MembershipFactory(organisation=agreement.organisation).user
    client.force_login(partner)
    page = client.get("/forum/tia-skane/partnerskap/").content.decode()
    in_force = page.index("Överenskommelser som gäller")
    others = page.index("Utkast, kommande och avslutade överenskommelser")
    row = page.index("Överenskommelse om tolkstöd")
    assert in_force < row < others
    assert samrad.name in page[row:others]
    assert agreement.organisation.name in page[row:others]
    draft = page.index("Utkast om mentorer")
    assert others < draft and "Utkast" in page[draft : page.index("</tr>", draft)]


def test_the_dashboards_queries_do_not_grow_with_the_agreements(
    client, django_assert_max_num_queries
):
    organisation = OrganisationFactory()
    admin = MembershipFactory(
        organisation=organisation, role=Membership.Role.ADMIN
    ).user
    forum = ForumFactory()
    url = f"/organisationer/{organisation.slug}/"
    client.force_login(admin)
    client.get(url)  # warm the site caches
    counts = []
    for count in (2, 20):
        while Agreement.objects.count() < count:
            AgreementFactory(
                forum=forum,
                parties=[organisation, OrganisationFactory()],
                title=f"Nr {Agreement.objects.count()}",
            )
        with django_assert_max_num_queries(30) as queries:
            response = client.get(url)
        assert response.content.decode().count("<td>Nr ") == count
        counts.append(len(queries.captured_queries))
    assert counts[0] == counts[1]
