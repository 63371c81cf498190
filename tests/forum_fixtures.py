"""The forum TIA Skåne, its members at a level and a convener: fixtures the
calendar's and the knowledge room's tests share (imported by their conftest)."""

import pytest

from tests.factories import (
    ForumFactory,
    MembershipFactory,
    ParticipationFactory,
    UserFactory,
)


@pytest.fixture
def forum(db):
    return ForumFactory(slug="tia-skane")


@pytest.fixture
def convener(forum):
    """A convener of the forum (plans, changes and cancels its meetings)."""
    user = UserFactory()
    forum.conveners.add(user)
    return user


@pytest.fixture
def member(forum):
    """A person whose organisation takes part at the given level."""

    def make(level, in_forum=None):
        participation = ParticipationFactory(forum=in_forum or forum, level=level)
        return MembershipFactory(organisation=participation.organisation).user

    return make
