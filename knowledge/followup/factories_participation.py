"""Factories for participation reports, shared by tests and the demo data."""

import datetime

import factory
from django.utils import timezone

from directory.factories import ActivityFactory

from .models import AgeBand, ParticipantCount, ParticipationReport, Sex
from .models.participation import month_end


def last_month_start(today=None):
    today = today or timezone.localdate()
    return (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)


class ParticipationReportFactory(factory.django.DjangoModelFactory):
    """A report for last month, of an activity that began before it; cells
    are given with ``grid={(sex, age_band): count}``."""

    class Meta:
        model = ParticipationReport
        skip_postgeneration_save = True

    activity = factory.SubFactory(
        ActivityFactory,
        start_date=factory.LazyFunction(
            lambda: last_month_start() - datetime.timedelta(days=40)
        ),
    )
    period_start = factory.LazyFunction(last_month_start)
    period_end = factory.LazyAttribute(lambda report: month_end(report.period_start))
    started = 0
    completed = 0
    dropped_out = 0

    @factory.post_generation
    def grid(obj, create, extracted, **kwargs):
        if not create or not extracted:
            return
        ParticipantCount.objects.bulk_create(
            ParticipantCount(report=obj, sex=sex, age_band=band, count=count)
            for (sex, band), count in extracted.items()
        )


class ParticipantCountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ParticipantCount

    report = factory.SubFactory(ParticipationReportFactory)
    sex = Sex.WOMEN
    age_band = AgeBand.FROM_25
    count = 0
