"""Fixtures for the knowledge room: the forum TIA Skåne with members at a
level, its public knowledge index and the forum's own index below it."""

import pytest
from wagtail.models import Page

from knowledge.factories import KnowledgeIndexFactory
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
def member(forum):
    """A person whose organisation takes part at the given level."""

    def make(level, in_forum=None):
        participation = ParticipationFactory(forum=in_forum or forum, level=level)
        return MembershipFactory(organisation=participation.organisation).user

    return make


@pytest.fixture
def convener(forum):
    user = UserFactory()
    forum.conveners.add(user)
    return user


@pytest.fixture
def home(db):
    return Page.objects.get(depth=2, locale__language_code="sv")


@pytest.fixture
def public_index(home):
    return KnowledgeIndexFactory(
        parent=home, title="Kunskap", slug="kunskap", show_in_menus=True
    )


@pytest.fixture
def forum_index(public_index, forum):
    return KnowledgeIndexFactory(
        parent=public_index, title="Kunskap i TIA Skåne", slug="tia-skane", forum=forum
    )
