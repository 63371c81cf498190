"""The events room's models, one module per job; every name is importable here."""

from .agenda import AgendaItem, AgendaProposal
from .calendar import (
    MAX_OCCURRENCES,
    STOCKHOLM,
    Event,
    EventAttachment,
    EventAttachmentQuerySet,
    EventQuerySet,
    OccurrenceOverride,
)
from .minutes import (
    ActionItem,
    ActionItemQuerySet,
    Minutes,
    MinutesComment,
    MinutesItem,
    MinutesQuerySet,
    minutes_visibility,
)
from .rsvp import RSVP
from .tokens import CalendarToken, new_calendar_token

__all__ = [
    "MAX_OCCURRENCES",
    "RSVP",
    "STOCKHOLM",
    "ActionItem",
    "ActionItemQuerySet",
    "AgendaItem",
    "AgendaProposal",
    "CalendarToken",
    "Event",
    "EventAttachment",
    "EventAttachmentQuerySet",
    "EventQuerySet",
    "Minutes",
    "MinutesComment",
    "MinutesItem",
    "MinutesQuerySet",
    "OccurrenceOverride",
    "minutes_visibility",
    "new_calendar_token",
]
