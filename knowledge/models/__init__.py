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
from .review import REVIEW_WORKFLOW, SecondReviewerTask, may_review
from .subscriptions import KnowledgeSubscription

__all__ = [
    "ArticlePage",
    "Kind",
    "KnowledgeIndexPage",
    "KnowledgePage",
    "KnowledgePageQuerySet",
    "KnowledgePageTag",
    "KnowledgeSubscription",
    "MeetingNotesPage",
    "NeedsAnalysisPage",
    "PageMunicipality",
    "RecommendedAction",
    "REVIEW_WORKFLOW",
    "SecondReviewerTask",
    "may_review",
]
