"""Completeness scores per record, and the quality report of an organisation."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from uuid import UUID

from cultuurhub.quality.rules import RULES, Rule

BUCKETS = ("0-19", "20-39", "40-59", "60-79", "80-100")


@dataclass(frozen=True, slots=True)
class Advice:
    """A rule a record does not meet, and how many points meeting it would add."""

    rule: str
    points: int
    hint_nl: str
    hint_en: str


@dataclass(frozen=True, slots=True)
class Score:
    """A record's completeness, 0–100, with what to add to gain points (biggest gain first)."""

    score: int
    advice: tuple[Advice, ...]


def score(record_type: str, document: Mapping[str, Any]) -> Score:
    """Score a record's completeness by the rules of its type."""
    total, ranked = _ranked(record_type)
    lost, advice = 0, []
    for rule, hint in ranked:
        try:
            met = rule.check(document)
        except (AttributeError, TypeError, ValueError, KeyError):  # odd shapes: missing
            met = False
        if not met:
            lost += rule.weight
            advice.append(hint)
    return Score(round(100 * (total - lost) / total), tuple(advice))


def advice_for(record_type: str, rules: Iterable[str]) -> tuple[Advice, ...]:
    """The advice of a type's rules, by their ids (a score's advice, rebuilt from its ids)."""
    by_id = _advice_by_id(record_type)
    return tuple(by_id[rule] for rule in rules)


@cache
def _advice_by_id(record_type: str) -> dict[str, Advice]:
    return {rule.id: hint for rule, hint in _ranked(record_type)[1]}


@cache
def _ranked(record_type: str) -> tuple[int, tuple[tuple[Rule, Advice], ...]]:
    """The rules of a type, heaviest first (a stable sort: equal weights in their order), each
    with the advice it gives when it is not met; and their total weight (1 when there are none).

    Made once per type: every imported record is scored, so a score only runs the checks."""
    rules = RULES.get(record_type, ())
    total = sum(rule.weight for rule in rules) or 1
    ranked = sorted(rules, key=lambda rule: -rule.weight)
    return total, tuple(
        (rule, Advice(rule.id, round(100 * rule.weight / total), rule.hint_nl, rule.hint_en))
        for rule in ranked
    )


@dataclass
class QualityReport:
    """An organisation's data quality: scores, their spread, frequent problems, what to fix."""

    records: int = 0
    average: float = 0.0
    distribution: dict[str, int] = field(default_factory=lambda: dict.fromkeys(BUCKETS, 0))
    problems: list[tuple[str, int]] = field(default_factory=list)
    fix_first: list[dict[str, Any]] = field(default_factory=list)


def quality_report(
    records: Iterable[tuple[UUID, str, Mapping[str, Any]]], fix_first: int = 20
) -> QualityReport:
    """Report on (id, type, document) records: average, distribution, problems, worst first."""
    report, total, problems = QualityReport(), 0, Counter[str]()
    worst: list[tuple[int, str, str, str]] = []
    for record_id, record_type, document in records:
        result = score(record_type, document)
        report.records += 1
        total += result.score
        report.distribution[BUCKETS[min(result.score // 20, 4)]] += 1
        problems.update(f"{record_type}: {advice.hint_nl}" for advice in result.advice)
        worst.append((result.score, str(record_id), record_type, _first_hint(result)))
    report.average = round(total / report.records, 1) if report.records else 0.0
    report.problems = problems.most_common(10)
    report.fix_first = [
        {"id": record_id, "type": kind, "score": value, "first": hint}
        for value, record_id, kind, hint in sorted(worst)[:fix_first]
    ]
    return report


def _first_hint(result: Score) -> str:
    return result.advice[0].hint_nl if result.advice else ""
