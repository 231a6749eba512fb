"""Importer for iCalendar (.ics) feeds: one event per UID, occurrences as subEvents."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

from cultuurhub.formats.ical import map_vevent
from cultuurhub.formats.ical_recurrence import DEFAULT_HORIZON, expand, prop
from cultuurhub.formats.uitdatabank_wire import MappingProblem
from cultuurhub.ingest.base import (
    Finding,
    Limits,
    Reader,
    Severity,
    SourceRecord,
    judged,
    too_many_records,
)
from cultuurhub.ingest.decoding import decode_text


class IcalReader(Reader):
    """Read the VEVENTs of an iCalendar file into events with their occurrences."""

    name = "ical"

    def __init__(self, default_type: str | None = None, horizon: timedelta = DEFAULT_HORIZON):
        self.default_type = default_type
        self.horizon = horizon

    def read(self, data: bytes, filename: str, limits: Limits) -> Iterator[SourceRecord | Finding]:
        """Yield one record per UID and a finding per problem."""
        decoded = decode_text(data, filename, limits)
        yield from decoded.findings
        if decoded.text is None:
            return
        events = _parse(decoded.text, filename)
        if isinstance(events, Finding):
            yield events
            return
        lines = _uid_lines(decoded.text)
        groups = _by_uid(events)
        if not groups:
            yield _empty(filename)
        for count, (uid, group) in enumerate(groups.items(), start=1):
            if count > limits.max_records:
                yield too_many_records(filename, limits, ("evenementen", "events"))
                return
            yield from self._event(uid, group, f"{filename}:{lines.get(uid, 1)}", limits)

    def _event(
        self, uid: str, group: list[Any], location: str, limits: Limits
    ) -> Iterator[SourceRecord | Finding]:
        filename, _, line = location.rpartition(":")
        masters = [event for event in group if event.get("RECURRENCE-ID") is None]
        if not masters:
            masters = group[:1]
        master, overrides = masters[0], [e for e in group if e.get("RECURRENCE-ID") is not None]
        try:
            expansion = expand(master, limits.max_occurrences, self.horizon)
            document, problems = map_vevent(master, overrides, expansion, self.default_type)
        except (ValueError, TypeError, AttributeError, OverflowError, KeyError) as error:
            yield _broken(filename, int(line), uid, error)
            return
        if expansion.truncated:
            yield _truncated(filename, int(line), uid, limits)
        findings = [_finding(problem, filename, int(line), uid) for problem in problems]
        yield from judged(findings, SourceRecord("event", uid, document, location))


def _parse(text: str, filename: str) -> list[Any] | Finding:
    import icalendar

    try:
        calendars = icalendar.Calendar.from_ical(text, multiple=True)
        return [event for cal in calendars for event in cal.walk("VEVENT")]
    except Exception as error:  # icalendar raises many types on damaged input
        return Finding(
            Severity.ERROR,
            f"Het bestand is geen geldig iCalendar-bestand ({type(error).__name__}).",
            f"The file is not a valid iCalendar file ({type(error).__name__}).",
            file=filename,
        )


def _by_uid(events: list[Any]) -> dict[str, list[Any]]:
    groups: dict[str, list[Any]] = {}
    for event in events:
        if event.get("DTSTART") is None:
            continue
        uid = str(prop(event, "UID") or "").strip() or _fallback_uid(event)
        groups.setdefault(uid, []).append(event)
    return groups


def _fallback_uid(event: Any) -> str:
    summary = str(prop(event, "SUMMARY") or "")
    start = str(prop(event, "DTSTART").to_ical())
    return hashlib.sha256(f"{summary}\x1f{start}".encode()).hexdigest()[:24]


def _uid_lines(text: str) -> dict[str, int]:
    lines: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if line.upper().startswith("UID"):
            lines.setdefault(line.split(":", 1)[-1].strip(), number)
    return lines


def _finding(problem: MappingProblem, filename: str, line: int, uid: str) -> Finding:
    return Finding(
        Severity(problem.severity),
        f"Evenement {uid}, {problem.field}: {problem.message_nl}",
        f"Event {uid}, {problem.field}: {problem.message_en}",
        file=filename,
        line=line,
        field=problem.field,
        record=uid,
    )


def _truncated(filename: str, line: int, uid: str, limits: Limits) -> Finding:
    cap = limits.max_occurrences
    return Finding(
        Severity.WARNING,
        f"Evenement {uid} herhaalt zich meer dan {cap} keer of na de horizon; "
        "alleen de eerste data werden overgenomen.",
        f"Event {uid} repeats more than {cap} times or past the horizon; "
        "only the first dates were kept.",
        file=filename,
        line=line,
        field="RRULE",
        record=uid,
    )


def _broken(filename: str, line: int, uid: str, error: Exception) -> Finding:
    return Finding(
        Severity.ERROR,
        f"Evenement {uid} kon niet gelezen worden ({error}).",
        f"Event {uid} could not be read ({error}).",
        file=filename,
        line=line,
        record=uid,
        refused=True,
    )


def _empty(filename: str) -> Finding:
    return Finding(
        Severity.WARNING,
        "Het bestand bevat geen enkel evenement (VEVENT met DTSTART).",
        "The file holds no event (VEVENT with DTSTART).",
        file=filename,
    )
