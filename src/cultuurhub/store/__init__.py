"""The store: records, versions, the global change sequence, organisations and API keys.

The only code that writes SQL. See ``docs/store.md``.
"""

from cultuurhub.store.canonical import draft_from_record, id_from_uri
from cultuurhub.store.drafts import (
    Change,
    PutResult,
    RawRecord,
    RecordDraft,
    SourceRef,
    StoredRecord,
    VersionInfo,
)
from cultuurhub.store.errors import (
    BatchTooLarge,
    DocumentTooLarge,
    DuplicateInBatch,
    OrganisationNotFound,
    RecordNotFound,
    StoreError,
)
from cultuurhub.store.organisations import SCOPES, ApiKey, Organisation
from cultuurhub.store.service import Store
from cultuurhub.store.writes import Limits

__all__ = [
    "SCOPES",
    "ApiKey",
    "BatchTooLarge",
    "Change",
    "DocumentTooLarge",
    "DuplicateInBatch",
    "Limits",
    "Organisation",
    "OrganisationNotFound",
    "PutResult",
    "RawRecord",
    "RecordDraft",
    "RecordNotFound",
    "SourceRef",
    "Store",
    "StoreError",
    "StoredRecord",
    "VersionInfo",
    "draft_from_record",
    "id_from_uri",
]
