"""Factories for the public activity directory."""

import datetime

import factory
from django.utils import timezone

from core.geography.models import Municipality
from directory.models import Activity, ActivityTranslation, TravelRoute
from partners.factories import OrganisationFactory


def skane_municipality(code="1280"):
    return Municipality.objects.get(code=code)


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Aktivitet {n}")
    slug = factory.Sequence(lambda n: f"aktivitet-{n}")
    summary = "En aktivitet."
    organisation = factory.SubFactory(OrganisationFactory)
    category = Activity.Category.SWEDISH
    municipality = factory.LazyFunction(skane_municipality)
    start_date = factory.LazyFunction(timezone.localdate)

    @factory.post_generation
    def instruction_languages(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.instruction_languages.set(extracted)

    @factory.post_generation
    def support_languages(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.support_languages.set(extracted)


class ActivityTranslationFactory(factory.django.DjangoModelFactory):
    """An activity's text in one interface language (Arabic unless told)."""

    class Meta:
        model = ActivityTranslation

    activity = factory.SubFactory(ActivityFactory)
    language = "ar"
    title = factory.Sequence(lambda n: f"نشاط {n}")
    summary = "نلتقي ونتحدث السويدية."


class TravelRouteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TravelRoute

    from_municipality = factory.LazyFunction(lambda: skane_municipality("1281"))
    to_municipality = factory.LazyFunction(skane_municipality)
    valid_from = factory.LazyFunction(lambda: timezone.localdate().replace(day=1))
    valid_until = factory.LazyAttribute(
        lambda o: o.valid_from + datetime.timedelta(days=365)
    )
