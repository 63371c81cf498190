"""The follow-up room's models, one module per job; every name is importable here."""

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
    "Sex",
    "StatisticsImport",
    "TargetGroupFigure",
]
