"""The follow-up room's models, one module per job; every name is importable here."""

from .participation import ParticipantCount, ParticipationReport
from .settings import FollowUpSettings, Scope
from .statistics import (
    Accommodation,
    AgeBand,
    Category,
    Sex,
    StatisticsImport,
    TargetGroupFigure,
)

__all__ = [
    "Accommodation",
    "AgeBand",
    "Category",
    "FollowUpSettings",
    "Scope",
    "Sex",
    "StatisticsImport",
    "TargetGroupFigure",
    "ParticipantCount",
    "ParticipationReport",
]
