"""An activity nobody has confirmed for 120 days is not public: not in the list,
not on its page, not in its calendar file; its organisation still sees it."""

import datetime

import pytest

from directory.models import Activity
from tests.directory.public import LIST_URL, detail_url, ics_url, listed, today

pytestmark = pytest.mark.django_db


@pytest.fixture
def activities(directory_page, activity_factory):
    kept = activity_factory(
        title="Bekräftad nyss", last_confirmed=today() - datetime.timedelta(days=119)
    )
    gone = activity_factory(
        title="Obekräftad", last_confirmed=today() - datetime.timedelta(days=120)
    )
    return kept, gone


def test_an_unconfirmed_activity_leaves_every_public_page(client, activities):
    kept, gone = activities
    assert listed(client) == {"Bekräftad nyss"}
    assert client.get(detail_url(kept)).status_code == 200
    assert client.get(detail_url(gone)).status_code == 404
    assert client.get(ics_url(None, gone)).status_code == 404
    assert client.get(LIST_URL, {"q": "Obekräftad"}).context["activities"] == []
    # It is still published: confirming is all it takes to bring it back.
    assert gone.status == Activity.Status.PUBLISHED
    gone.confirm()
    gone.save()
    assert listed(client) == {"Bekräftad nyss", "Obekräftad"}
