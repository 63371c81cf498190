"""Fixtures for the public activity directory: the page and published activities."""

import datetime

import factory
import pytest
from django.utils import timezone
from wagtail.models import Page

from core.geography.models import County, Municipality, SubRegion
from core.geography.reference import load_subregions
from directory.models import Activity, DirectoryPage, Language
from tests.factories import OrganisationFactory


def today():
    return timezone.localdate()


class ActivityFactory(factory.django.DjangoModelFactory):
    """A published, current activity in Malmö, taught in Swedish unless told."""

    class Meta:
        model = Activity
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Aktivitet {n}")
    slug = factory.Sequence(lambda n: f"aktivitet-{n}")
    summary = "Vi ses och pratar svenska."
    organisation = factory.SubFactory(OrganisationFactory)
    category = Activity.Category.SWEDISH
    municipality = factory.LazyFunction(lambda: Municipality.objects.get(slug="malmoe"))
    start_date = factory.LazyFunction(lambda: today() + datetime.timedelta(days=3))
    end_date = factory.LazyAttribute(lambda o: o.start_date)
    start_time = datetime.time(17, 0)
    end_time = datetime.time(19, 0)
    status = Activity.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def languages(obj, create, extracted, **kwargs):
        """Instruction languages by code; Swedish when none are given."""
        if create:
            codes = extracted if extracted is not None else ["sv"]
            obj.instruction_languages.set(Language.objects.filter(code__in=codes))

    @factory.post_generation
    def support(obj, create, extracted, **kwargs):
        """Support languages by code."""
        if create and extracted:
            obj.support_languages.set(Language.objects.filter(code__in=extracted))


class WeeklyActivityFactory(ActivityFactory):
    """Every week on the weekday of ``start_date`` until ``end_date``."""

    rrule = "FREQ=WEEKLY"
    end_date = factory.LazyAttribute(
        lambda o: o.start_date + datetime.timedelta(days=120)
    )


@pytest.fixture
def directory_page(db):
    home = Page.objects.get(depth=2, locale__language_code="sv").specific
    page = home.add_child(
        instance=DirectoryPage(title="Aktiviteter", slug="aktiviteter")
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def skane_subregions(db):
    """Skåne's shipped sub-regions (the migrations load counties and kommuner only)."""
    load_subregions(County, SubRegion, Municipality)


@pytest.fixture
def activity_factory(db):
    return ActivityFactory


@pytest.fixture
def weekly_activity_factory(db):
    return WeeklyActivityFactory
