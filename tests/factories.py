"""The rooms' factories, as the tests use them: people sign in with PASSWORD."""

import factory
from django.contrib.auth.models import Group

from core.users import factories as users
from directory.factories import ActivityTranslationFactory
from forum.factories import ForumFactory, ParticipationFactory
from partners import factories as partners
from partners.factories import OrganisationFactory
from tests.conftest import PASSWORD

__all__ = [
    "ActivityTranslationFactory",
    "ForumFactory",
    "MembershipFactory",
    "OrganisationFactory",
    "ParticipationFactory",
    "UserFactory",
    "county_admin",
    "editor",
    "staff_user",
]

# Groups the migrations create: Wagtail's editors, and forum's county
# administrators (forum/migrations/0009), who hold ``forum.administer_forums``.
EDITORS = "Editors"
COUNTY_ADMINISTRATORS = "Länsadministratörer"


class UserFactory(users.UserFactory):
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)


class MembershipFactory(partners.MembershipFactory):
    user = factory.SubFactory(UserFactory)


def staff_user(*groups, **fields):
    """A staff account (it may sign in to the admin) in the named groups."""
    user = UserFactory(is_staff=True, **fields)
    user.groups.add(*(Group.objects.get(name=name) for name in groups))
    return user


def editor(**fields):
    """A Wagtail editor: edits public pages, and that gives nothing private."""
    return staff_user(EDITORS, **fields)


def county_admin(**fields):
    """A county administrator through the group, not a superuser."""
    return staff_user(COUNTY_ADMINISTRATORS, **fields)
