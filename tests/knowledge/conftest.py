"""Fixtures for the knowledge room: the forum TIA Skåne with members at a
level, its public knowledge index and the forum's own index below it."""

import pytest
from wagtail.models import Page

from knowledge.factories import KnowledgeIndexFactory
from tests import forum_fixtures

forum = forum_fixtures.forum
convener = forum_fixtures.convener
member = forum_fixtures.member


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
