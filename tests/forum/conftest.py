"""Fixtures shared by the forum's tests."""

import datetime

import pytest
from django.utils import timezone

from forum import consultations, notification_texts
from forum.models import Level, LevelChange
from tests.factories import (
    ForumFactory,
    MembershipFactory,
    ParticipationFactory,
    UserFactory,
)
from tests.forum.notices import rendered

NOW = timezone.now


@pytest.fixture
def sent(monkeypatch):
    """The notifications the consultations hand over, as (users, kind, ...)."""
    calls = []

    def capture(users, kind, consultation):
        calls.append(
            {"users": set(users)}
            | rendered(kind, notification_texts.consultation_params(consultation))
        )

    monkeypatch.setattr(consultations, "send_notifications", capture)
    return calls


@pytest.fixture
def s(sent):
    """A forum with organisations at Samråd, Dialog and Information, a year old."""
    forum = ForumFactory(slug="tia-skane", name="TIA Skåne")
    convener = UserFactory()
    forum.conveners.add(convener)
    sensus = ParticipationFactory(
        forum=forum,
        level=Level.SAMRAD,
        organisation__name="Sensus",
        organisation__slug="sensus",
    ).organisation
    abf = ParticipationFactory(
        forum=forum, level=Level.DIALOG, organisation__name="ABF"
    ).organisation
    info = ParticipationFactory(forum=forum, level=Level.INFORMATION).organisation
    # They have all taken part for a year.
    LevelChange.objects.update(changed_at=NOW() - datetime.timedelta(days=365))

    class S:
        pass

    s = S()
    s.forum, s.convener, s.sensus, s.abf, s.info = forum, convener, sensus, abf, info
    s.anna = MembershipFactory(organisation=sensus).user
    s.bo = MembershipFactory(organisation=sensus).user
    s.carl = MembershipFactory(organisation=abf).user
    s.ivar = MembershipFactory(organisation=info).user
    s.sent = sent
    return s
