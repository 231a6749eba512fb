"""The base of every wire model: camelCase aliases, population by name, strict enough input."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, StringConstraints

_UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
UUID_PATTERN = f"^{_UUID}$"
WebUrl = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^https?://\S+$")]
"""An absolute http(s) address, kept exactly as given (no normalisation)."""
RecordUri = Annotated[
    str, StringConstraints(strip_whitespace=True, pattern=rf"^(https?://\S+|{_UUID})$")
]
"""A record reference: its URI, or (legacy Entry payloads) its bare UUID."""


class WireModel(BaseModel):
    """Base of the canonical types: wire aliases, unknown wire fields ignored."""

    model_config = ConfigDict(
        populate_by_name=True,
        extra="ignore",
        str_strip_whitespace=False,
        validate_default=False,
        ser_json_timedelta="iso8601",
    )


def drop_nulls(value: Any) -> Any:
    """Remove null members and nulls inside lists, as UiTdatabank reads them (absent)."""
    if not isinstance(value, dict):
        return value
    cleaned: dict[str, Any] = {}
    for key, member in value.items():
        if member is None:
            continue
        if isinstance(member, list) and None in member:
            member = [item for item in member if item is not None]
        cleaned[key] = member
    return cleaned
