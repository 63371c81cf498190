"""Agendas: Dialog members propose items, conveners decide, the agenda shows them."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.utils import timezone

from events.models import AgendaItem, AgendaProposal, Event
from forum.models import Level, Visibility
from tests.factories import (
    ForumFactory,
    MembershipFactory,
    ParticipationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def make_meeting(forum, days=14, **fields):
    start = timezone.now() + datetime.timedelta(days=days)
    return Event.objects.create(
        forum=forum,
        kind=Event.Kind.FORUM_MEETING,
        title=fields.pop("title", "Forummöte"),
        visibility=fields.pop("visibility", Visibility.INFORMATION),
        start=start,
        end=start + datetime.timedelta(hours=2),
        **fields,
    )


def member(forum, level, **organisation):
    participation = ParticipationFactory(
        forum=forum,
        level=level,
        **{f"organisation__{k}": v for k, v in organisation.items()},
    )
    return MembershipFactory(organisation=participation.organisation).user


@pytest.fixture
def setting():
    forum = ForumFactory(slug="tia-skane")
    convener = UserFactory(email="convener@lansstyrelsen.example")
    forum.conveners.add(convener)
    dialog = member(forum, Level.DIALOG, name="Studieförbundet Vuxenskolan")
    return forum, convener, dialog, make_meeting(forum)


def propose(client, meeting, title="Språkcaféer i Lund"):
    return client.post(
        f"/kalender/{meeting.pk}/dagordning/",
        {"title": title, "description": "Hur når vi fler deltagare?"},
    )


def decide(client, proposal, decision, reason=""):
    return client.post(
        f"/kalender/{proposal.event_id}/dagordning/forslag/{proposal.pk}/",
        {"decision": decision, "reason": reason},
    )


def test_dialog_member_proposes_an_item(client, setting):
    forum, convener, dialog, meeting = setting
    client.force_login(dialog)
    response = propose(client, meeting)
    assert response.status_code == 302
    proposal = AgendaProposal.objects.get()
    assert proposal.proposed_by == dialog
    assert proposal.organisation.name == "Studieförbundet Vuxenskolan"
    assert proposal.status == AgendaProposal.Status.PENDING
    assert mail.outbox[-1].to == [convener.email]
    page = client.get(f"/kalender/{meeting.pk}/dagordning/")
    assert "Språkcaféer i Lund" in page.content.decode()
    assert "Väntar på beslut" in page.content.decode()


def test_samrad_member_may_not_propose(client, setting):
    forum, _, _, meeting = setting
    client.force_login(member(forum, Level.SAMRAD))
    page = client.get(f"/kalender/{meeting.pk}/dagordning/")
    assert page.status_code == 200
    assert page.context["form"] is None
    assert propose(client, meeting).status_code == 403
    assert not AgendaProposal.objects.exists()


def test_anonymous_proposal_goes_to_sign_in_and_hidden_meeting_is_404(client, setting):
    forum, _, _, meeting = setting
    # Not public: an anonymous visitor does not learn that the meeting exists.
    assert client.get(f"/kalender/{meeting.pk}/dagordning/").status_code == 404
    public = make_meeting(forum, visibility=Visibility.PUBLIC)
    response = propose(client, public)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert not AgendaProposal.objects.exists()


def test_proposal_for_a_past_or_cancelled_meeting_is_refused(client, setting):
    forum, _, dialog, _ = setting
    client.force_login(dialog)
    for meeting in (make_meeting(forum, days=-3), make_meeting(forum, cancelled=True)):
        response = propose(client, meeting)
        assert response.status_code == 200
        assert response.context["form"].non_field_errors()
    assert not AgendaProposal.objects.exists()


def test_accept_puts_the_item_last_on_the_agenda_and_tells_the_proposer(
    client, setting
):
    forum, convener, dialog, meeting = setting
    AgendaItem.objects.create(event=meeting, position=1, title="Välkommen")
    client.force_login(dialog)
    propose(client, meeting)
    proposal = AgendaProposal.objects.get()
    client.force_login(convener)
    assert (
        client.get(
            f"/kalender/{meeting.pk}/dagordning/forslag/{proposal.pk}/"
        ).status_code
        == 200
    )
    assert decide(client, proposal, "accept").status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == AgendaProposal.Status.ACCEPTED
    assert proposal.decided_by == convener
    item = meeting.agenda.last()
    assert item.proposal == proposal
    assert item.position == 2
    assert mail.outbox[-1].to == [dialog.email]
    assert "kommer med" in mail.outbox[-1].subject
    page = client.get(f"/kalender/{meeting.pk}/dagordning/").content.decode()
    assert "föreslagen av Studieförbundet Vuxenskolan" in page


def test_decline_needs_a_reason_which_the_proposer_sees(client, setting):
    forum, convener, dialog, meeting = setting
    proposal = AgendaProposal.objects.create(
        event=meeting, title="Budget", proposed_by=dialog
    )
    client.force_login(convener)
    response = decide(client, proposal, "decline")
    assert response.status_code == 200
    assert "reason" in response.context["form"].errors
    proposal.refresh_from_db()
    assert proposal.status == AgendaProposal.Status.PENDING
    decide(client, proposal, "decline", "Tas upp i partnerskapsgruppen i stället.")
    proposal.refresh_from_db()
    assert proposal.status == AgendaProposal.Status.DECLINED
    assert not meeting.agenda.exists()
    assert mail.outbox[-1].to == [dialog.email]
    assert "partnerskapsgruppen" in mail.outbox[-1].body
    client.force_login(dialog)
    page = client.get(f"/kalender/{meeting.pk}/dagordning/").content.decode()
    assert "Tas upp i partnerskapsgruppen i stället." in page
    assert "Inte med" in page


def test_deciding_twice_changes_nothing(client, setting):
    forum, convener, dialog, meeting = setting
    proposal = AgendaProposal.objects.create(
        event=meeting, title="Budget", proposed_by=dialog
    )
    client.force_login(convener)
    decide(client, proposal, "accept")
    sent = len(mail.outbox)
    response = decide(client, proposal, "decline", "Ändrade mig.")
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == AgendaProposal.Status.ACCEPTED
    assert meeting.agenda.count() == 1
    assert len(mail.outbox) == sent


def test_of_two_conveners_deciding_at_once_only_the_first_decides(setting):
    forum, convener, dialog, meeting = setting
    other = UserFactory()
    forum.conveners.add(other)
    proposal = AgendaProposal.objects.create(
        event=meeting, title="Budget", proposed_by=dialog
    )
    # Both conveners opened the proposal while it was pending.
    mine = AgendaProposal.objects.get(pk=proposal.pk)
    theirs = AgendaProposal.objects.get(pk=proposal.pk)
    assert mine.decide(accept=True, by=convener)
    assert not theirs.decide(accept=False, reason="Nej.", by=other)
    proposal.refresh_from_db()
    assert proposal.status == AgendaProposal.Status.ACCEPTED
    assert proposal.decided_by == convener
    assert proposal.reason == ""
    assert meeting.agenda.count() == 1


def test_a_decision_that_comes_too_late_gets_a_message(client, setting, monkeypatch):
    forum, convener, dialog, meeting = setting
    other = UserFactory()
    forum.conveners.add(other)
    proposal = AgendaProposal.objects.create(
        event=meeting, title="Budget", proposed_by=dialog
    )
    decide_once = AgendaProposal.decide

    def other_convener_first(self, **decision):
        # The other convener's decision lands after this page loaded the
        # proposal as pending, before this one is saved.
        same = AgendaProposal.objects.get(pk=self.pk)
        decide_once(same, accept=False, reason="Hann före.", by=other)
        return decide_once(self, **decision)

    monkeypatch.setattr(AgendaProposal, "decide", other_convener_first)
    client.force_login(convener)
    sent = len(mail.outbox)
    response = decide(client, proposal, "accept")
    assert response.status_code == 302
    assert response["Location"] == f"/kalender/{meeting.pk}/dagordning/"
    shown = [str(message) for message in get_messages(response.wsgi_request)]
    assert shown == ["Det är redan beslutat om förslaget."]
    proposal.refresh_from_db()
    assert proposal.status == AgendaProposal.Status.DECLINED
    assert proposal.decided_by == other
    assert not meeting.agenda.exists()
    assert len(mail.outbox) == sent


def test_members_may_not_decide_or_edit(client, setting):
    forum, _, dialog, meeting = setting
    proposal = AgendaProposal.objects.create(event=meeting, title="Budget")
    client.force_login(dialog)
    assert decide(client, proposal, "accept").status_code == 403
    assert client.get(f"/kalender/{meeting.pk}/dagordning/redigera/").status_code == 403
    outsider = member(ForumFactory(), Level.PARTNERSKAP)
    client.force_login(outsider)
    assert decide(client, proposal, "accept").status_code == 404
    assert AgendaProposal.objects.get().status == AgendaProposal.Status.PENDING


def test_convener_edits_and_reorders_the_agenda(client, setting):
    forum, convener, _, meeting = setting
    first = AgendaItem.objects.create(event=meeting, position=1, title="Välkommen")
    second = AgendaItem.objects.create(event=meeting, position=2, title="Övrigt")
    client.force_login(convener)
    assert client.get(f"/kalender/{meeting.pk}/dagordning/redigera/").status_code == 200
    data = {
        "items-TOTAL_FORMS": "3",
        "items-INITIAL_FORMS": "2",
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "1000",
        "items-0-id": first.pk,
        "items-0-position": "3",
        "items-0-title": "Välkommen",
        "items-1-id": second.pk,
        "items-1-position": "2",
        "items-1-title": "Övrigt",
        "items-1-DELETE": "on",
        "items-2-position": "1",
        "items-2-title": "Lägesbild",
        "items-2-starts_at": "13:15",
        "items-2-presenter": "Länsstyrelsen",
        "items-2-duration_minutes": "20",
    }
    response = client.post(f"/kalender/{meeting.pk}/dagordning/redigera/", data)
    assert response.status_code == 302
    assert list(meeting.agenda.values_list("title", flat=True)) == [
        "Lägesbild",
        "Välkommen",
    ]
    page = client.get(f"/kalender/{meeting.pk}/dagordning/").content.decode()
    assert "13:15" in page


def test_broken_agenda_post_is_a_form_error_not_a_crash(client, setting):
    forum, convener, _, meeting = setting
    client.force_login(convener)
    response = client.post(
        f"/kalender/{meeting.pk}/dagordning/redigera/", {"items-TOTAL_FORMS": "x"}
    )
    assert response.status_code == 200
    assert response.context["formset"].non_form_errors()
