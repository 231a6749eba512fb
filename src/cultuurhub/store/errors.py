"""What can go wrong in the store, as specific exceptions the interfaces turn into messages."""

from __future__ import annotations

from uuid import UUID


class StoreError(Exception):
    """Base of every store error."""


class RecordNotFound(StoreError):
    """No record (or no such version of it) exists with this id."""


class BatchTooLarge(StoreError):
    """A batch holds more records than ``max_batch_size`` allows."""


class DocumentTooLarge(StoreError):
    """A record's JSON document is larger than ``max_document_bytes`` allows."""


class DuplicateInBatch(StoreError):
    """The same record appears twice in one batch."""


class OrganisationNotFound(StoreError):
    """No organisation exists with this id."""


class VersionConflict(StoreError):
    """A record changed between reading it and writing a new version made from it."""

    def __init__(self, record_id: UUID, expected: int, current: int) -> None:
        super().__init__(
            f"record {record_id} is at version {current}, not {expected} as the writer expected"
        )
        self.record_id, self.expected, self.current = record_id, expected, current
