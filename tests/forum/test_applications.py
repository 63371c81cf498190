"""Applying to a forum at a level; the convener approves, re-levels or declines."""

import pytest
from django.core import mail

from forum import views
from forum.access import level_in
from forum.models import Level, LevelChange, ParticipationApplication
from partners.models import Membership
from tests.factories import (
    ForumFactory,
    MembershipFactory,
    OrganisationFactory,
    ParticipationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    forum = ForumFactory(slug="tia-skane", name="TIA Skåne")
    convener = UserFactory(email="convener@lansstyrelsen.example")
    forum.conveners.add(convener)
    organisation = OrganisationFactory(name="Språkcafé Bron", slug="bron")
    admin = MembershipFactory(
        organisation=organisation, role=Membership.Role.ADMIN
    ).user
    return forum, convener, organisation, admin


def apply(client, organisation, forum, level=Level.SAMRAD):
    return client.post(
        f"/forum/ansok/{organisation.slug}/",
        {
            "forum": forum.pk,
            "requested_level": level,
            "motivation": "Vi ordnar språkcafé i Lund.",
        },
    )


def test_admin_applies_and_the_convener_is_told(client, setting):
    forum, convener, organisation, admin = setting
    client.force_login(admin)
    response = apply(client, organisation, forum)
    assert response.status_code == 302
    application = ParticipationApplication.objects.get()
    assert application.status == "pending"
    assert application.applicant == admin
    assert mail.outbox[-1].to == [convener.email]
    assert "Språkcafé Bron" in mail.outbox[-1].subject
    # Not a member of the forum until the convener decides.
    assert level_in(admin, forum) == 0


def test_a_second_pending_application_is_refused(client, setting):
    forum, _, organisation, admin = setting
    client.force_login(admin)
    apply(client, organisation, forum)
    response = apply(client, organisation, forum)
    assert response.status_code == 200
    assert "forum" in response.context["form"].errors
    assert ParticipationApplication.objects.count() == 1


def test_only_organisation_admins_apply(client, setting):
    forum, _, organisation, _ = setting
    member = MembershipFactory(organisation=organisation).user
    client.force_login(member)
    assert apply(client, organisation, forum).status_code == 403
    assert not ParticipationApplication.objects.exists()


def test_convener_approves_at_another_level(client, setting):
    forum, convener, organisation, admin = setting
    client.force_login(admin)
    apply(client, organisation, forum, Level.DIALOG)
    application = ParticipationApplication.objects.get()
    client.force_login(convener)
    listing = client.get("/forum/tia-skane/ansokningar/").content.decode()
    assert "Språkcafé Bron" in listing
    response = client.post(
        f"/forum/tia-skane/ansokningar/{application.pk}/",
        {"decision": "approve", "level": Level.SAMRAD, "reason": "Börja med samråd."},
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "approved"
    assert application.granted_level == Level.SAMRAD
    assert level_in(admin, forum) == Level.SAMRAD
    change = LevelChange.objects.get(organisation=organisation)
    assert (change.from_level, change.to_level, change.changed_by) == (
        None,
        Level.SAMRAD,
        convener,
    )
    assert mail.outbox[-1].to == [admin.email]
    assert "Välkommen till TIA Skåne" in mail.outbox[-1].subject
    assert "Samråd" in mail.outbox[-1].body
    # The applicant sees the outcome on the organisation's page too.
    client.force_login(admin)
    page = client.get("/organisationer/bron/").content.decode()
    assert "Godkänd" in page and "Börja med samråd." in page


def test_declining_needs_a_reason_and_tells_the_applicant(client, setting):
    forum, convener, organisation, admin = setting
    client.force_login(admin)
    apply(client, organisation, forum)
    application = ParticipationApplication.objects.get()
    client.force_login(convener)
    url = f"/forum/tia-skane/ansokningar/{application.pk}/"
    response = client.post(url, {"decision": "decline", "reason": ""})
    assert response.status_code == 200
    assert "Skriv varför" in str(response.context["form"].errors["reason"])
    client.post(url, {"decision": "decline", "reason": "Verkar inte i länet."})
    application.refresh_from_db()
    assert application.status == "declined"
    assert level_in(admin, forum) == 0
    assert "Verkar inte i länet." in mail.outbox[-1].body


def test_a_decided_application_cannot_be_decided_again(client, setting):
    forum, convener, organisation, admin = setting
    client.force_login(admin)
    apply(client, organisation, forum)
    application = ParticipationApplication.objects.get()
    client.force_login(convener)
    url = f"/forum/tia-skane/ansokningar/{application.pk}/"
    client.post(url, {"decision": "decline", "reason": "Nej."})
    client.post(url, {"decision": "approve", "level": Level.PARTNERSKAP})
    application.refresh_from_db()
    assert application.status == "declined"
    assert level_in(admin, forum) == 0


def test_members_who_are_not_conveners_cannot_decide(client, setting):
    forum, _, organisation, admin = setting
    client.force_login(admin)
    apply(client, organisation, forum)
    application = ParticipationApplication.objects.get()
    partner = MembershipFactory(
        organisation=ParticipationFactory(
            forum=forum, level=Level.PARTNERSKAP
        ).organisation
    ).user
    client.force_login(partner)
    response = client.post(
        f"/forum/tia-skane/ansokningar/{application.pk}/",
        {"decision": "approve", "level": Level.PARTNERSKAP},
    )
    assert response.status_code == 403
    application.refresh_from_db()
    assert application.status == "pending"


def test_of_two_decisions_at_once_only_the_first_is_taken(setting):
    """Two conveners open the same pending application; the second to decide
    is refused by the database, not just by the page."""
    forum, convener, organisation, admin = setting
    other = UserFactory()
    forum.conveners.add(other)
    application = ParticipationApplication.objects.create(
        organisation=organisation,
        forum=forum,
        requested_level=Level.DIALOG,
        motivation="Vi ordnar språkcafé.",
    )
    seen_by_first = ParticipationApplication.objects.get(pk=application.pk)
    seen_by_second = ParticipationApplication.objects.get(pk=application.pk)
    seen_by_first.decide(approve=True, level=Level.DIALOG, by=convener)
    with pytest.raises(ParticipationApplication.AlreadyDecided):
        seen_by_second.decide(approve=False, reason="Nej.", by=other)
    application.refresh_from_db()
    assert (application.status, application.decided_by) == ("approved", convener)
    assert application.reason == ""
    assert level_in(admin, forum) == Level.DIALOG
    assert LevelChange.objects.filter(organisation=organisation).count() == 1


def test_a_convener_deciding_second_is_told_so(client, setting, monkeypatch):
    """The other convener decides after this page read the application as
    pending and before it saves: a message, not an error page, and no email."""
    forum, convener, organisation, admin = setting
    other = UserFactory()
    forum.conveners.add(other)
    client.force_login(admin)
    apply(client, organisation, forum)
    application = ParticipationApplication.objects.get()

    class DecidedMeanwhile(views.DecisionForm):
        def is_valid(self):
            ParticipationApplication.objects.get(pk=application.pk).decide(
                approve=False, reason="Inte i länet.", by=other
            )
            return super().is_valid()

    monkeypatch.setattr(views, "DecisionForm", DecidedMeanwhile)
    sent = len(mail.outbox)
    client.force_login(convener)
    response = client.post(
        f"/forum/tia-skane/ansokningar/{application.pk}/",
        {"decision": "approve", "level": Level.PARTNERSKAP},
        follow=True,
    )
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == "/forum/tia-skane/ansokningar/"
    assert "Ansökan är redan avgjord." in response.content.decode()
    application.refresh_from_db()
    assert (application.status, application.decided_by) == ("declined", other)
    assert level_in(admin, forum) == 0
    assert len(mail.outbox) == sent
