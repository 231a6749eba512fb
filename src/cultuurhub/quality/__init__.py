"""Quality: completeness rules and scores per record, reports per organisation, duplicates."""

from cultuurhub.quality.duplicates import Candidate, Cluster, find_duplicates, review_list
from cultuurhub.quality.rules import RULES, Rule
from cultuurhub.quality.scoring import (
    Advice,
    QualityReport,
    Score,
    advice_for,
    quality_report,
    score,
)

__all__ = [
    "RULES",
    "Advice",
    "Candidate",
    "Cluster",
    "QualityReport",
    "Rule",
    "Score",
    "advice_for",
    "find_duplicates",
    "quality_report",
    "review_list",
    "score",
]
