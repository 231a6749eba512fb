"""Kernel exceptions of the model: a record that does not validate, with its problems."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from pydantic_core import PydanticCustomError

# Plain-language messages for the pydantic error types people meet most.
_MESSAGES: dict[str, tuple[str, str]] = {
    "missing": ("Dit veld is verplicht.", "This field is required."),
    "extra_forbidden": ("Dit veld is niet toegestaan.", "This field is not allowed."),
    "string_type": ("Hier hoort tekst.", "This should be text."),
    "string_too_short": ("Deze tekst is te kort.", "This text is too short."),
    "string_too_long": ("Deze tekst is te lang.", "This text is too long."),
    "string_pattern_mismatch": (
        "Deze waarde heeft niet de verwachte vorm.",
        "This value does not have the expected form.",
    ),
    "int_type": ("Hier hoort een geheel getal.", "This should be a whole number."),
    "int_parsing": ("Hier hoort een geheel getal.", "This should be a whole number."),
    "int_from_float": ("Hier hoort een geheel getal.", "This should be a whole number."),
    "float_type": ("Hier hoort een getal.", "This should be a number."),
    "float_parsing": ("Hier hoort een getal.", "This should be a number."),
    "decimal_type": ("Hier hoort een getal.", "This should be a number."),
    "decimal_parsing": ("Hier hoort een getal.", "This should be a number."),
    "bool_type": ("Hier hoort ja of nee.", "This should be yes or no."),
    "bool_parsing": ("Hier hoort ja of nee.", "This should be yes or no."),
    "greater_than_equal": (
        "Deze waarde is te klein.",
        "This value is too small.",
    ),
    "less_than_equal": ("Deze waarde is te groot.", "This value is too large."),
    "greater_than": ("Deze waarde is te klein.", "This value is too small."),
    "less_than": ("Deze waarde is te groot.", "This value is too large."),
    "literal_error": (
        "Deze waarde is niet een van de toegelaten keuzes.",
        "This value is not one of the allowed choices.",
    ),
    "enum": (
        "Deze waarde is niet een van de toegelaten keuzes.",
        "This value is not one of the allowed choices.",
    ),
    "list_type": ("Hier hoort een lijst.", "This should be a list."),
    "dict_type": ("Hier hoort een groep velden.", "This should be a group of fields."),
    "model_type": ("Hier hoort een groep velden.", "This should be a group of fields."),
    "model_attributes_type": (
        "Hier hoort een groep velden.",
        "This should be a group of fields.",
    ),
    "too_short": ("Hier ontbreken waarden.", "Values are missing here."),
    "too_long": ("Hier staan te veel waarden.", "There are too many values here."),
    "datetime_type": ("Hier hoort een datum met tijd.", "This should be a date and time."),
    "datetime_parsing": (
        "Dit is geen geldige datum met tijd (bv. 2025-05-17T20:00:00+02:00).",
        "This is not a valid date and time (e.g. 2025-05-17T20:00:00+02:00).",
    ),
    "datetime_from_date_parsing": (
        "Dit is geen geldige datum met tijd (bv. 2025-05-17T20:00:00+02:00).",
        "This is not a valid date and time (e.g. 2025-05-17T20:00:00+02:00).",
    ),
    "timezone_aware": (
        "Vermeld ook de tijdzone (bv. +02:00).",
        "Include the time zone (e.g. +02:00).",
    ),
    "date_type": ("Hier hoort een datum.", "This should be a date."),
    "date_parsing": (
        "Dit is geen geldige datum (bv. 2025-05-17).",
        "This is not a valid date (e.g. 2025-05-17).",
    ),
    "date_from_datetime_parsing": (
        "Dit is geen geldige datum (bv. 2025-05-17).",
        "This is not a valid date (e.g. 2025-05-17).",
    ),
    "time_parsing": (
        "Dit is geen geldig uur (bv. 09:30).",
        "This is not a valid time (e.g. 09:30).",
    ),
    "time_type": ("Dit is geen geldig uur (bv. 09:30).", "This is not a valid time (e.g. 09:30)."),
    "url_parsing": ("Dit is geen geldig webadres.", "This is not a valid web address."),
    "url_scheme": ("Dit is geen geldig webadres.", "This is not a valid web address."),
    "value_error": ("Deze waarde is ongeldig.", "This value is not valid."),
}
_FALLBACK = ("Deze waarde is ongeldig.", "This value is not valid.")


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """One problem with one field, said so a museum employee understands it."""

    field: str
    message_nl: str
    message_en: str


class InvalidRecord(ValueError):
    """A record that does not satisfy the canonical model."""

    def __init__(self, problems: Sequence[FieldProblem]) -> None:
        self.problems: list[FieldProblem] = list(problems)
        summary = "; ".join(f"{p.field or '(record)'}: {p.message_en}" for p in self.problems)
        super().__init__(f"invalid record: {summary}")

    @property
    def fields(self) -> list[str]:
        """Return the dotted paths of the fields that have a problem."""
        return [problem.field for problem in self.problems]


def rule_error(field: str, message_nl: str, message_en: str) -> PydanticCustomError:
    """Build a validation error for a hub rule, naming the field relative to where it is raised."""
    return PydanticCustomError(
        "hub_rule", "{en}", {"field": field, "nl": message_nl, "en": message_en}
    )


def field_path(location: Sequence[int | str]) -> str:
    """Render a pydantic error location as a dotted path such as ``priceInfo[0].price``."""
    path = ""
    for part in location:
        if isinstance(part, int):
            path += f"[{part}]"
        elif part.startswith(("function-", "json-or-python")):
            continue
        else:
            path += f".{part}" if path else part
    return path


def problems_from(error: ValidationError) -> list[FieldProblem]:
    """Translate a pydantic ``ValidationError`` into plain-language field problems."""
    return [_problem(detail) for detail in error.errors(include_url=False, include_input=False)]


def _problem(detail: Any) -> FieldProblem:
    location: list[int | str] = list(detail["loc"])
    context = detail.get("ctx") or {}
    if detail["type"] == "hub_rule":
        if context.get("field"):
            location.extend(_split(str(context["field"])))
        return FieldProblem(field_path(location), str(context["nl"]), str(context["en"]))
    message_nl, message_en = _MESSAGES.get(detail["type"], _FALLBACK)
    return FieldProblem(field_path(location), message_nl, message_en)


def _split(dotted: str) -> list[int | str]:
    parts: list[int | str] = []
    for piece in dotted.replace("[", ".[").split("."):
        if piece.startswith("[") and piece.endswith("]"):
            parts.append(int(piece[1:-1]))
        elif piece:
            parts.append(piece)
    return parts
