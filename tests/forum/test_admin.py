"""Conveners change levels in the Wagtail admin; every change is logged."""

import pytest

from forum.models import Level, LevelChange
from tests.factories import ParticipationFactory

pytestmark = pytest.mark.django_db


def test_changing_a_level_in_the_admin_logs_who_from_and_to(client, staff_user):
    participation = ParticipationFactory(level=Level.SAMRAD)
    client.force_login(staff_user)
    url = f"/admin/snippets/forum/participation/edit/{participation.pk}/"
    response = client.post(
        url,
        {
            "organisation": participation.organisation.pk,
            "forum": participation.forum.pk,
            "level": Level.DIALOG,
            "since": participation.since.isoformat(),
        },
    )
    assert response.status_code == 302, response.content.decode()[:1500]
    change = LevelChange.objects.filter(organisation=participation.organisation).first()
    assert (change.from_level, change.to_level) == (Level.SAMRAD, Level.DIALOG)
    assert change.changed_by == staff_user

    response = client.post(
        f"/admin/snippets/forum/participation/delete/{participation.pk}/"
    )
    assert response.status_code == 302
    removal = LevelChange.objects.filter(
        organisation=participation.organisation
    ).first()
    assert (removal.from_level, removal.to_level) == (Level.DIALOG, None)
    assert removal.changed_by == staff_user
