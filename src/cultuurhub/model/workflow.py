"""Workflow status of a record and the transitions between them."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema


class WorkflowStatus(StrEnum):
    """Where a record is in its editorial life; UiTdatabank writes these in capitals."""

    DRAFT = "draft"
    READY_FOR_VALIDATION = "readyforvalidation"
    APPROVED = "approved"
    REJECTED = "rejected"
    DELETED = "deleted"

    @property
    def wire(self) -> str:
        """Return the UiTdatabank wire form, such as ``READY_FOR_VALIDATION``."""
        return _WIRE[self]


_WIRE = {
    WorkflowStatus.DRAFT: "DRAFT",
    WorkflowStatus.READY_FOR_VALIDATION: "READY_FOR_VALIDATION",
    WorkflowStatus.APPROVED: "APPROVED",
    WorkflowStatus.REJECTED: "REJECTED",
    WorkflowStatus.DELETED: "DELETED",
}
# UiTdatabank organizers are ACTIVE rather than APPROVED: the same published state.
_ALIASES = {"active": WorkflowStatus.APPROVED}
_NEXT: dict[WorkflowStatus, frozenset[WorkflowStatus]] = {
    WorkflowStatus.DRAFT: frozenset({WorkflowStatus.READY_FOR_VALIDATION}),
    WorkflowStatus.READY_FOR_VALIDATION: frozenset(
        {WorkflowStatus.APPROVED, WorkflowStatus.REJECTED}
    ),
    WorkflowStatus.APPROVED: frozenset(),
    WorkflowStatus.REJECTED: frozenset(),
    WorkflowStatus.DELETED: frozenset(),
}


def can_transition(old: WorkflowStatus, new: WorkflowStatus) -> bool:
    """Tell whether a record may move from ``old`` to ``new`` (never back, always to deleted)."""
    if new is WorkflowStatus.DELETED:
        return old is not WorkflowStatus.DELETED
    return new in _NEXT[old]


def parse_workflow_status(value: object) -> object:
    """Read ``READY_FOR_VALIDATION``, ``readyforvalidation`` or ``ACTIVE`` as a status."""
    if isinstance(value, str):
        key = value.replace("_", "").replace("-", "").lower()
        return _ALIASES.get(key, key)
    return value


WireWorkflowStatus = Annotated[
    WorkflowStatus,
    BeforeValidator(parse_workflow_status),
    PlainSerializer(lambda status: _WIRE[status], return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "enum": [*_WIRE.values(), "ACTIVE"]}),
]
