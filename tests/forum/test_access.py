"""The access rule: level per forum, visibility, conveners, county admins, anonymous."""

import pytest
from django.contrib.auth.models import AnonymousUser

from forum.access import can, forums_of, level_in, visible_q
from forum.models import Level, LevelChange, Participation, Visibility
from partners.models import Membership
from tests.factories import (
    ForumFactory,
    MembershipFactory,
    OrganisationFactory,
    ParticipationFactory,
    UserFactory,
    county_admin,
    editor,
)

pytestmark = pytest.mark.django_db


def member_at(level, forum):
    participation = ParticipationFactory(forum=forum, level=level)
    return MembershipFactory(organisation=participation.organisation).user


def visible_levels(user, forum):
    """Which visibilities of content in ``forum`` the user sees, via the Q filter.

    Participation rows stand in for content: they have a forum, and their
    ``level`` column plays the visibility (1–4), plus a public probe (0).
    """
    rows = Participation.objects.filter(forum=forum).filter(
        visible_q(user, visibility_field="level")
    )
    return sorted(set(rows.values_list("level", flat=True)))


@pytest.mark.parametrize("level", [1, 2, 3, 4])
def test_a_member_sees_content_up_to_their_level(level):
    forum = ForumFactory()
    for visibility in (1, 2, 3, 4):
        ParticipationFactory(forum=forum, level=visibility)
    user = member_at(level, forum)
    assert visible_levels(user, forum) == list(range(1, level + 1))
    assert level_in(user, forum) == level


def test_level_is_the_highest_of_the_persons_organisations():
    forum = ForumFactory()
    user = member_at(Level.SAMRAD, forum)
    partner = ParticipationFactory(forum=forum, level=Level.PARTNERSKAP)
    assert level_in(user, forum) == Level.SAMRAD
    MembershipFactory(user=user, organisation=partner.organisation)
    assert level_in(user, forum) == Level.PARTNERSKAP


def test_levels_do_not_carry_over_between_forums():
    skane, other = ForumFactory(), ForumFactory()
    ParticipationFactory(forum=other, level=Level.PARTNERSKAP)
    user = member_at(Level.PARTNERSKAP, other)
    assert level_in(user, skane) == 0
    assert not can(user, "view_members", skane)
    assert list(forums_of(user)) == [other]


def test_pending_membership_gives_no_level():
    forum = ForumFactory()
    participation = ParticipationFactory(forum=forum, level=Level.DIALOG)
    membership = MembershipFactory(
        organisation=participation.organisation, status=Membership.Status.PENDING
    )
    assert level_in(membership.user, forum) == 0


def test_conveners_and_county_admins_see_everything_in_the_forum():
    forum = ForumFactory()
    ParticipationFactory(forum=forum, level=Level.PARTNERSKAP)
    convener = UserFactory()
    forum.conveners.add(convener)
    for user in (convener, county_admin(), UserFactory(is_superuser=True)):
        assert visible_levels(user, forum) == [4]
        assert can(user, "partnership", forum)
        assert can(user, "export", forum)
        assert list(forums_of(user)) == [forum]


def test_staff_status_gives_nothing_in_the_forum():
    """A Wagtail editor (staff, Editors group) is a signed-in person like any."""
    forum = ForumFactory()
    ParticipationFactory(forum=forum, level=Level.PARTNERSKAP)
    for user in (editor(), UserFactory(is_staff=True)):
        assert visible_levels(user, forum) == []
        assert level_in(user, forum) == 0
        assert not can(user, "view_members", forum)
        assert not can(user, "export", forum)
        assert list(forums_of(user)) == []


def test_anonymous_sees_public_content_only():
    forum = ForumFactory()
    ParticipationFactory(forum=forum, level=Level.INFORMATION)
    anonymous = AnonymousUser()
    assert visible_levels(anonymous, forum) == []
    assert not can(anonymous, "view_members", forum)
    assert list(forums_of(anonymous)) == []


@pytest.mark.parametrize(
    ("level", "allowed"),
    [
        (Level.INFORMATION, {"view_members", "subscribe"}),
        (Level.SAMRAD, {"view_members", "subscribe", "respond"}),
        (
            Level.DIALOG,
            {"view_members", "subscribe", "respond", "post", "propose_agenda_item"},
        ),
        (
            Level.PARTNERSKAP,
            {
                "view_members",
                "subscribe",
                "respond",
                "post",
                "propose_agenda_item",
                "partnership",
            },
        ),
    ],
)
def test_actions_by_level(level, allowed):
    forum = ForumFactory()
    user = member_at(level, forum)
    actions = [
        "view_members",
        "subscribe",
        "respond",
        "post",
        "propose_agenda_item",
        "partnership",
        "export",
        "manage",
    ]
    assert {action for action in actions if can(user, action, forum)} == allowed


def test_public_content_is_visible_to_everyone_through_can():
    forum = ForumFactory()

    class Content:
        visibility = Visibility.PUBLIC

    Content.forum = forum
    assert can(AnonymousUser(), "view", Content())
    Content.visibility = Visibility.DIALOG
    assert not can(AnonymousUser(), "view", Content())
    assert can(member_at(Level.DIALOG, forum), "view", Content())
    assert not can(member_at(Level.SAMRAD, forum), "view", Content())


def test_unknown_action_is_a_programming_error():
    with pytest.raises(ValueError):
        can(AnonymousUser(), "fly", ForumFactory())


def test_removing_a_membership_or_lowering_a_level_applies_at_once():
    forum = ForumFactory()
    participation = ParticipationFactory(forum=forum, level=Level.DIALOG)
    membership = MembershipFactory(organisation=participation.organisation)
    user = membership.user
    assert can(user, "post", forum)
    participation.level = Level.SAMRAD
    participation.save()
    assert not can(user, "post", forum)
    assert can(user, "respond", forum)
    membership.delete()
    assert not can(user, "view_members", forum)


def test_every_level_change_is_logged_with_who_from_and_to():
    forum = ForumFactory()
    organisation = OrganisationFactory()
    convener = UserFactory()
    participation = Participation(
        organisation=organisation, forum=forum, level=Level.SAMRAD
    )
    participation.save(changed_by=convener)
    participation.level = Level.DIALOG
    participation.save(changed_by=convener, note="Aktiv i dialogmötena")
    participation.save(changed_by=convener)  # no change, no log line
    participation.delete(changed_by=convener)
    log = list(
        LevelChange.objects.filter(organisation=organisation).order_by(
            "changed_at", "pk"
        )
    )
    assert [(c.from_level, c.to_level) for c in log] == [
        (None, Level.SAMRAD),
        (Level.SAMRAD, Level.DIALOG),
        (Level.DIALOG, None),
    ]
    assert all(c.changed_by == convener for c in log)
    assert log[1].note == "Aktiv i dialogmötena"
