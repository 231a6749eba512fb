"""Quality: completeness rules and scores per record, reports per organisation, duplicates."""

from cultuurhub.quality.rules import RULES, Rule
from cultuurhub.quality.scoring import Advice, QualityReport, Score, quality_report, score

__all__ = ["RULES", "Advice", "QualityReport", "Rule", "Score", "quality_report", "score"]
