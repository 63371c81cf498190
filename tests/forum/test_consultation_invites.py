"""Inviting organisations to an open consultation after it opened, and what the
consultation page says about the deadline and the responses."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.formats import date_format

from forum.consultations import invited_organisations
from forum.models import ConsultationResponse, Level
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    ParticipationFactory,
)
from tests.forum.consultation_helpers import (
    NOW,
    answer_data,
    client_for,
    make_consultation,
    url,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def late(s):
    """An organisation that joined the forum at Samråd after ``s.open`` opened."""
    s.open = make_consultation(s.forum)
    s.late = ParticipationFactory(
        forum=s.forum, level=Level.SAMRAD, organisation__name="Nya föreningen"
    ).organisation
    s.dora = MembershipFactory(organisation=s.late).user
    return s


def invite(client, consultation, *organisations):
    """POST the invitation; a refusal or success is said on the consultation's
    page, where the response has been redirected to."""
    return client.post(
        url(consultation, "bjud-in/"),
        {"organisations": [getattr(o, "pk", o) for o in organisations]},
        follow=True,
    )


def back_on_the_page(response, consultation):
    return response.redirect_chain == [(url(consultation), 302)]


def said(response):
    return [str(message) for message in response.context["messages"]]


def not_invited(client, consultation):
    form = client.get(url(consultation)).context["invite_form"]
    return form.invitable if form else None


# -- inviting ---------------------------------------------------------------------


def test_convener_invites_a_late_organisation_which_can_then_respond(late):
    s = late
    convener = client_for(s.convener)
    assert not_invited(convener, s.open) == [s.late]
    page = convener.get(url(s.open)).content.decode()
    assert "Nya föreningen" in page and "Bjud in valda organisationer" in page
    assert client_for(s.dora).get(url(s.open, "svar/")).status_code == 403

    response = invite(convener, s.open, s.late)
    assert back_on_the_page(response, s.open)
    assert said(response) == [
        "Nya föreningen är inbjuden och medlemmarna har fått besked."
    ]
    assert set(invited_organisations(s.open)) == {s.sensus, s.abf, s.late}
    [notice] = s.sent
    assert notice["kind"] == "new_consultation"
    assert notice["users"] == {s.dora}
    assert notice["url"].endswith(url(s.open))
    assert not_invited(convener, s.open) == []
    page = convener.get(url(s.open)).content.decode()
    assert "Alla organisationer som deltar i forumet på samrådets nivå" in page

    dora = client_for(s.dora)
    assert dora.get(url(s.open, "svar/")).status_code == 200
    dora.post(url(s.open, "svar/"), answer_data(s.open, 0))
    assert ConsultationResponse.objects.get(consultation=s.open).organisation == (
        s.late
    )


def test_several_at_once_and_an_explicit_list_keeps_its_choice(late):
    s = late
    s.open.invited.add(s.sensus)  # the convener asked Sensus only
    other = ParticipationFactory(
        forum=s.forum, level=Level.DIALOG, organisation__name="Andra föreningen"
    ).organisation
    convener = client_for(s.convener)
    assert not_invited(convener, s.open) == [s.abf, other, s.late]
    response = invite(convener, s.open, s.late, other)
    assert said(response) == [
        "Andra föreningen, Nya föreningen är inbjudna och medlemmarna har fått besked."
    ]
    assert set(invited_organisations(s.open)) == {s.sensus, s.late, other}
    assert not_invited(convener, s.open) == [s.abf]


@pytest.mark.parametrize("who", ["anna", "carl", "ivar", "dora"])
def test_only_conveners_invite(late, who):
    s = late
    response = invite(client_for(getattr(s, who)), s.open, s.late)
    assert response.status_code == 403
    assert not s.open.invited.exists() and not s.sent
    assert s.late not in set(invited_organisations(s.open))
    # Members see no invitation form.
    assert "Bjud in valda organisationer" not in (
        client_for(s.anna).get(url(s.open)).content.decode()
    )


def test_a_get_is_not_an_invitation(late):
    s = late
    assert client_for(s.convener).get(url(s.open, "bjud-in/")).status_code == 405
    assert not s.open.invited.exists()


def test_no_invitations_after_the_deadline(late):
    s = late
    with time_machine.travel(s.open.deadline + datetime.timedelta(minutes=1)):
        # Signed in then: a convener's session ends after 30 idle minutes.
        convener = client_for(s.convener)
        assert not_invited(convener, s.open) is None
        response = invite(convener, s.open, s.late)
    assert back_on_the_page(response, s.open)
    assert said(response) == [
        "Organisationer kan bara bjudas in medan samrådet är öppet."
    ]
    assert not s.open.invited.exists() and not s.sent


def test_no_invitations_to_a_draft_or_one_not_open_yet(late):
    s = late
    draft = make_consultation(s.forum, published=False)
    coming = make_consultation(
        s.forum,
        opens_at=NOW() + datetime.timedelta(days=1),
        deadline=NOW() + datetime.timedelta(days=10),
    )
    convener = client_for(s.convener)
    for consultation in (draft, coming):
        response = invite(convener, consultation, s.late)
        assert back_on_the_page(response, consultation)
        assert said(response) == [
            "Organisationer kan bara bjudas in medan samrådet är öppet."
        ]
        assert not consultation.invited.exists()
    assert not s.sent


def test_an_organisation_already_invited_is_refused_by_name(late):
    s = late
    convener = client_for(s.convener)
    invite(convener, s.open, s.late)
    for organisation in (s.late, s.sensus):
        response = invite(convener, s.open, organisation)
        assert back_on_the_page(response, s.open)
        assert said(response) == [f"Redan inbjudna: {organisation.name}."]
    # Together with one that may be invited: nothing is done.
    newcomer = ParticipationFactory(forum=s.forum, level=Level.SAMRAD).organisation
    response = invite(convener, s.open, newcomer, s.sensus)
    assert said(response) == ["Redan inbjudna: Sensus."]
    assert newcomer not in set(invited_organisations(s.open))
    assert len(s.sent) == 1


@pytest.mark.parametrize("value", ["info", "outsider", "nonsense", "missing", None])
def test_organisations_that_may_not_be_invited_are_refused(late, value):
    s = late
    choices = {
        "info": s.info.pk,  # Information: below the consultation's level
        "outsider": OrganisationFactory().pk,  # not in the forum
        "nonsense": "x' OR 1=1",
        "missing": 10**9,
    }
    chosen = [choices[value]] if value else []
    response = invite(client_for(s.convener), s.open, *chosen)
    assert back_on_the_page(response, s.open)
    [message] = said(response)
    if value:
        assert message.startswith("Organisationen kan inte bjudas in")
    else:
        assert message == "Välj minst en organisation att bjuda in."
    assert not s.open.invited.exists() and not s.sent


def test_an_organisation_above_the_consultation_level_only(late):
    s = late
    dialog_only = make_consultation(s.forum, visibility=Level.DIALOG)
    convener = client_for(s.convener)
    assert not_invited(convener, dialog_only) == []  # late is at Samråd
    response = invite(convener, dialog_only, s.late)
    assert said(response)[0].startswith("Organisationen kan inte bjudas in")


# -- the deadline and the responses on the page -------------------------------------


def test_page_shows_the_deadline_and_the_time_left(late):
    s = late
    now = timezone.now()
    consultation = make_consultation(
        s.forum, deadline=now + datetime.timedelta(days=3, hours=2)
    )
    deadline = date_format(timezone.localtime(consultation.deadline), "j F Y H:i")
    with time_machine.travel(now, tick=False):
        for user in (s.convener, s.anna):
            page = client_for(user).get(url(consultation)).content.decode()
            assert f"{deadline} (3 dagar kvar)" in page
    with time_machine.travel(now + datetime.timedelta(days=3, hours=1), tick=False):
        page = client_for(s.anna).get(url(consultation)).content.decode()
        assert f"{deadline} (1 timme kvar)" in page
    with time_machine.travel(now + datetime.timedelta(days=4), tick=False):
        page = client_for(s.anna).get(url(consultation)).content.decode()
        assert f"{deadline} (Sista dag har passerat)" in page


def test_page_counts_the_invited_organisations_that_answered(late):
    s = late
    # Sensus and ABF were invited at opening; the late organisation is not.
    for user in (s.convener, s.anna, s.carl):
        page = client_for(user).get(url(s.open)).content.decode()
        assert "0 av 2 inbjudna organisationer har svarat" in page
    client_for(s.anna).post(url(s.open, "svar/"), answer_data(s.open, 0))
    page = client_for(s.carl).get(url(s.open)).content.decode()
    assert "1 av 2 inbjudna organisationer har svarat" in page
    invite(client_for(s.convener), s.open, s.late)
    page = client_for(s.carl).get(url(s.open)).content.decode()
    assert "1 av 3 inbjudna organisationer har svarat" in page
    # A response that was never submitted is not counted.
    ConsultationResponse.objects.create(
        consultation=s.open, organisation=s.abf, version=1
    )
    page = client_for(s.carl).get(url(s.open)).content.decode()
    assert "1 av 3 inbjudna organisationer har svarat" in page


def test_one_invited_organisation_is_said_in_the_singular(s):
    consultation = make_consultation(s.forum)
    consultation.invited.add(s.sensus)
    page = client_for(s.anna).get(url(consultation)).content.decode()
    assert "0 av 1 inbjuden organisation har svarat" in page


def test_detail_queries_do_not_grow_with_organisations(late):
    s = late
    convener = client_for(s.convener)

    def add(count):
        for _ in range(count):
            organisation = ParticipationFactory(
                forum=s.forum, level=Level.SAMRAD
            ).organisation
            ConsultationResponse.objects.create(
                consultation=s.open,
                organisation=organisation,
                version=1,
                submitted_at=NOW(),
            )
            # Joined after opening: listed for the convener to invite.
            ParticipationFactory(forum=s.forum, level=Level.DIALOG)

    add(2)
    convener.get(url(s.open))  # warm the caches (site, session)
    with CaptureQueriesContext(connection) as small:
        convener.get(url(s.open))
    add(20)
    with CaptureQueriesContext(connection) as large:
        response = convener.get(url(s.open))
    assert len(response.context["invite_form"].invitable) == 1 + 2 * 22
    assert len(large) == len(small)
