"""The forum's models, one module per part of the forum, each imported once.

``core`` holds the forum itself (forums, levels, participations, their log,
applications, coordinators). The access rule (``forum.access``) imports only
that module, and the content QuerySet (``forum.querysets``) only the access
rule, so the other modules can build on both without an import circle.
"""

from .consultations import (
    Consultation,
    ConsultationDocument,
    ConsultationDocumentQuerySet,
    ConsultationQuerySet,
    ConsultationQuestion,
    ConsultationResponse,
    FeedbackItem,
    ResponseAnswer,
    ResponseAttachment,
    ResponseVersion,
)
from .core import (
    ApplicationQuerySet,
    Coordinator,
    Forum,
    Level,
    LevelChange,
    Participation,
    ParticipationApplication,
    Visibility,
)
from .dialog import Post, PostAttachment, PostModeration, Thread, ThreadFollow
from .notifications import Notification, NotificationPreference
from .partnership import DecisionAnswer, DelegatedTask, JointDecision

__all__ = [
    "ApplicationQuerySet",
    "Consultation",
    "ConsultationDocument",
    "ConsultationDocumentQuerySet",
    "ConsultationQuerySet",
    "ConsultationQuestion",
    "ConsultationResponse",
    "Coordinator",
    "DecisionAnswer",
    "DelegatedTask",
    "FeedbackItem",
    "Forum",
    "JointDecision",
    "Level",
    "LevelChange",
    "Notification",
    "NotificationPreference",
    "Participation",
    "ParticipationApplication",
    "Post",
    "PostAttachment",
    "PostModeration",
    "ResponseAnswer",
    "ResponseAttachment",
    "ResponseVersion",
    "Thread",
    "ThreadFollow",
    "Visibility",
]
