"""Where an OAI-PMH harvest stands, and the small store interface that keeps it between runs."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Protocol

__all__ = ["HarvestState", "HarvestStateStore"]


@dataclass(frozen=True, slots=True)
class HarvestState:
    """The state of harvesting one repository.

    ``last_response_date`` is the responseDate that began the last complete harvest: the next
    harvest asks for records changed ``from`` that day. While a harvest runs,
    ``resumption_token`` is the next page to ask for and ``harvest_started`` the responseDate of
    its first page, so an interrupted harvest resumes where it stopped.
    """

    metadata_prefix: str
    set_spec: str | None = None
    last_response_date: str | None = None
    resumption_token: str | None = None
    harvest_started: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the state as a JSON-ready dict."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> HarvestState:
        """Rebuild a state saved with :meth:`to_dict`, ignoring unknown keys."""
        known: dict[str, Any] = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        return cls(**known)


class HarvestStateStore(Protocol):
    """Keeps one :class:`HarvestState` per repository base URL."""

    def load(self, source_url: str) -> HarvestState | None:
        """Return the saved state of ``source_url``, or None before its first harvest."""

    def save(self, source_url: str, state: HarvestState) -> None:
        """Save the state of ``source_url``, replacing the previous one."""
