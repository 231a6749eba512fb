"""Data in: importers that turn what organisations already have into canonical records.

Every reader follows the contract in ``base.py``: bytes in, source records and findings out.
"""

from cultuurhub.ingest.base import Finding, Limits, Reader, Severity, SourceRecord
from cultuurhub.ingest.decoding import DecodedText, decode_text
from cultuurhub.ingest.harvesting import harvest
from cultuurhub.ingest.heritage_files import EdmReader, LidoReader
from cultuurhub.ingest.ical import IcalReader
from cultuurhub.ingest.jobs import (
    FORMATS,
    JobRefused,
    JobRequest,
    JobSettings,
    UploadTooLarge,
    UrlSource,
    check_default_type,
    check_mapping,
    mapping_text,
    reader_named,
    submit_upload,
    submit_url,
)
from cultuurhub.ingest.jobs_findings import FindingFilter, finding_json, findings_csv
from cultuurhub.ingest.jobs_run import ImportWorker, run_job, run_queued
from cultuurhub.ingest.jsonld import JsonLdReader
from cultuurhub.ingest.oaipmh import HarvestOptions, OaiPmhError, OaiPmhHarvester
from cultuurhub.ingest.oaipmh_state import HarvestState, HarvestStateStore
from cultuurhub.ingest.service import (
    ImportOptions,
    ImportReport,
    UnknownFormat,
    import_file,
    reader_for,
)
from cultuurhub.ingest.tabular import CsvReader, ExcelReader
from cultuurhub.ingest.ticketing import (
    AvailabilityError,
    AvailabilityUpdate,
    apply_availability,
    event_for,
)
from cultuurhub.ingest.uitdatabank import UitdatabankReader

__all__ = [
    "FORMATS",
    "AvailabilityError",
    "AvailabilityUpdate",
    "CsvReader",
    "DecodedText",
    "EdmReader",
    "ExcelReader",
    "Finding",
    "FindingFilter",
    "HarvestOptions",
    "HarvestState",
    "HarvestStateStore",
    "IcalReader",
    "ImportOptions",
    "ImportReport",
    "ImportWorker",
    "JobRefused",
    "JobRequest",
    "JobSettings",
    "JsonLdReader",
    "LidoReader",
    "Limits",
    "OaiPmhError",
    "OaiPmhHarvester",
    "Reader",
    "Severity",
    "SourceRecord",
    "UitdatabankReader",
    "UnknownFormat",
    "UploadTooLarge",
    "UrlSource",
    "apply_availability",
    "check_default_type",
    "check_mapping",
    "decode_text",
    "event_for",
    "finding_json",
    "findings_csv",
    "harvest",
    "import_file",
    "mapping_text",
    "reader_for",
    "reader_named",
    "run_job",
    "run_queued",
    "submit_upload",
    "submit_url",
]
