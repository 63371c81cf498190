"""The directory's models, one module per job; import them from here."""

from .activities import (
    MAX_SESSIONS,
    Activity,
    ActivityQuerySet,
    ActivityRevision,
    Language,
)
from .pages import DirectoryPage
from .translations import (
    SOURCE_LANGUAGE,
    TRANSLATED_FIELDS,
    ActivityText,
    ActivityTranslation,
    translation_languages,
)
from .travel import TravelRoute, TravelRouteQuerySet

__all__ = [
    "MAX_SESSIONS",
    "SOURCE_LANGUAGE",
    "TRANSLATED_FIELDS",
    "Activity",
    "ActivityQuerySet",
    "ActivityRevision",
    "ActivityText",
    "ActivityTranslation",
    "DirectoryPage",
    "Language",
    "TravelRoute",
    "TravelRouteQuerySet",
    "translation_languages",
]
