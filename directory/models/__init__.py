"""The directory's models, one module per job; import them from here."""

from .activities import (
    LISTED_FOR,
    MAX_SESSIONS,
    WARN_BEFORE,
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
    "LISTED_FOR",
    "MAX_SESSIONS",
    "WARN_BEFORE",
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
