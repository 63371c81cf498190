"""The knowledge room's models, one module per job; every name is importable here."""

from .analyses import NeedsAnalysisPage, RecommendedAction
from .articles import ArticlePage
from .notes import MeetingNotesPage
from .pages import (
    Kind,
    KnowledgeIndexPage,
    KnowledgePage,
    KnowledgePageQuerySet,
    KnowledgePageTag,
    PageMunicipality,
)

__all__ = [
    "ArticlePage",
    "Kind",
    "KnowledgeIndexPage",
    "KnowledgePage",
    "KnowledgePageQuerySet",
    "KnowledgePageTag",
    "MeetingNotesPage",
    "NeedsAnalysisPage",
    "PageMunicipality",
    "RecommendedAction",
]
