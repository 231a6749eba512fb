"""Data in: importers that turn what organisations already have into canonical records."""

from cultuurhub.ingest.base import Finding, Limits, Reader, Severity, SourceRecord

__all__ = ["Finding", "Limits", "Reader", "Severity", "SourceRecord"]
