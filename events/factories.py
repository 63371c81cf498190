"""Factories for the calendars: events, agendas, minutes."""

import datetime

import factory
from django.utils import timezone

from core.users.factories import UserFactory
from events.models import (
    RSVP,
    ActionItem,
    AgendaItem,
    AgendaProposal,
    Event,
    Minutes,
    MinutesComment,
    MinutesItem,
    OccurrenceOverride,
)
from forum.factories import ForumFactory
from partners.factories import OrganisationFactory


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    forum = factory.SubFactory(ForumFactory)
    kind = Event.Kind.NETWORK_MEETING
    title = factory.Sequence(lambda n: f"Möte {n}")
    start = factory.LazyFunction(
        lambda: timezone.now().replace(microsecond=0) + datetime.timedelta(days=7)
    )
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=2))


class OccurrenceOverrideFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OccurrenceOverride

    event = factory.SubFactory(EventFactory)
    original_start = factory.SelfAttribute("event.start")


class AgendaProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaProposal

    event = factory.SubFactory(EventFactory)
    title = factory.Sequence(lambda n: f"Förslag {n}")


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    event = factory.SubFactory(EventFactory)
    position = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Punkt {n}")


class MinutesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Minutes

    event = factory.SubFactory(EventFactory)


class MinutesItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MinutesItem

    minutes = factory.SubFactory(MinutesFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Paragraf {n}")


class ActionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionItem

    minutes = factory.SubFactory(MinutesFactory)
    description = factory.Sequence(lambda n: f"Uppgift {n}")
    owner = factory.SubFactory(OrganisationFactory)


class MinutesCommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MinutesComment

    minutes = factory.SubFactory(MinutesFactory)
    author = factory.SubFactory(UserFactory)
    body = "En kommentar."


class RSVPFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RSVP

    event = factory.SubFactory(EventFactory)
    occurrence_start = factory.SelfAttribute("event.start")
    user = factory.SubFactory(UserFactory)
