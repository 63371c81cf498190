"""The directory's models, one module per job; import them from here."""

from .activities import (
    MAX_SESSIONS,
    Activity,
    ActivityQuerySet,
    ActivityRevision,
    Language,
)
from .pages import DirectoryPage
from .travel import TravelRoute, TravelRouteQuerySet

__all__ = [
    "MAX_SESSIONS",
    "Activity",
    "ActivityQuerySet",
    "ActivityRevision",
    "DirectoryPage",
    "Language",
    "TravelRoute",
    "TravelRouteQuerySet",
]
