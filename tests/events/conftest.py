"""Fixtures for the event tests: the forum TIA Skåne, its convener, members at a
level (``tests/forum_fixtures.py``, shared with the knowledge room) and
events in it, and a mix of public and internal events in two forums (the
feed tests use them; a module's own fixture of the same name comes first).
"""

import datetime

import pytest
from django.utils import timezone

from events.models import Event
from forum.models import Visibility
from tests import forum_fixtures
from tests.factories import ForumFactory

forum = forum_fixtures.forum
convener = forum_fixtures.convener
member = forum_fixtures.member


@pytest.fixture
def make_event(forum):
    def make(start=None, hours=2, **fields):
        start = start or timezone.now() + datetime.timedelta(days=3)
        fields = {
            "forum": forum,
            "kind": Event.Kind.FORUM_MEETING,
            "title": "Forummöte",
            "visibility": Visibility.PUBLIC,
            **fields,
        }
        return Event.objects.create(
            start=start, end=start + datetime.timedelta(hours=hours), **fields
        )

    return make


@pytest.fixture
def mixed(make_event, forum):
    other = ForumFactory(slug="annat-forum")
    make_event(title="Offentligt")
    make_event(title="Samråd", visibility=Visibility.SAMRAD)
    make_event(title="Dialog", visibility=Visibility.DIALOG)
    make_event(title="Annat offentligt", forum=other)
    make_event(title="Annat internt", forum=other, visibility=Visibility.INFORMATION)
    return other
