"""Factories shared by the tests of the private side."""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from core.geography.models import County
from forum.models import Forum, Participation
from partners.models import Membership, Organisation
from tests.conftest import PASSWORD

# Groups the migrations create: Wagtail's editors, and forum's county
# administrators (forum/migrations/0009), who hold ``forum.administer_forums``.
EDITORS = "Editors"
COUNTY_ADMINISTRATORS = "Länsadministratörer"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        if create:
            obj.save()
            EmailAddress.objects.create(
                user=obj, email=obj.email, verified=True, primary=True
            )


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Förening {n}")
    slug = factory.Sequence(lambda n: f"forening-{n}")
    kind = Organisation.Kind.NON_PROFIT


class ForumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Forum

    name = factory.Sequence(lambda n: f"Forum {n}")
    slug = factory.Sequence(lambda n: f"forum-{n}")
    county = factory.LazyFunction(lambda: County.objects.get(code="12"))


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    organisation = factory.SubFactory(OrganisationFactory)
    forum = factory.SubFactory(ForumFactory)
    level = 1


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)


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
