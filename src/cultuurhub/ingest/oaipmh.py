"""Harvest an OAI-PMH 2.0 repository (oai_dc, LIDO or EDM) into heritage source records.

``OaiPmhHarvester.harvest()`` pages through ListRecords with resumption tokens, maps each record
through the crosswalk of its metadataPrefix, turns deleted headers into deletions, retries 503s
(honouring Retry-After) and connection errors with exponential back-off, and keeps its place in
a :class:`HarvestStateStore`: the next harvest is incremental (``from`` the last one), and an
interrupted harvest resumes from its saved resumption token. Like every reader it never raises
on what the repository sends; problems come out as findings.

Example::

    with OaiPmhHarvester("https://collectie.example.be/oai", state_store=store) as harvester:
        for item in harvester.harvest():
            ...
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from types import TracebackType

import httpx
from lxml import etree

from cultuurhub.access.egress import guarded_transport
from cultuurhub.formats.xml_safety import XmlError, parse_xml
from cultuurhub.ingest.base import Finding, Limits, Severity, SourceRecord
from cultuurhub.ingest.heritage_files import mapped_to_items, xml_error_finding
from cultuurhub.ingest.oaipmh_protocol import (
    MetadataFormat,
    OaiRecord,
    OaiSet,
    RepositoryInfo,
    map_metadata,
    oai_errors,
    read_formats,
    read_identify,
    read_records,
    read_sets,
    response_date,
    resumption,
)
from cultuurhub.ingest.oaipmh_state import HarvestState, HarvestStateStore

__all__ = ["HarvestOptions", "OaiPmhError", "OaiPmhHarvester"]

_RETRY_STATUSES = frozenset({429, 502, 503, 504})
_MESSAGES = {
    "badArgument": ("het verzoek bevat een ongeldig argument", "the request has a bad argument"),
    "badResumptionToken": (
        "het vervolgtoken is verlopen of ongeldig; de volgende oogst begint opnieuw",
        "the resumption token expired or is invalid; the next harvest starts over",
    ),
    "cannotDisseminateFormat": (
        "de bron levert dit metadataformaat niet",
        "the repository does not offer this metadata format",
    ),
    "noSetHierarchy": ("de bron kent geen sets", "the repository has no sets"),
    "badVerb": ("de bron kent dit verzoek niet", "the repository does not know this verb"),
}


class OaiPmhError(Exception):
    """A repository that could not be reached or answered an OAI error (Identify, sets, formats)."""


@dataclass(frozen=True, slots=True)
class HarvestOptions:
    """What to harvest and how patiently; ``sleep`` is injectable so tests need not wait."""

    metadata_prefix: str = "oai_dc"
    set_spec: str | None = None
    from_date: str | None = None
    until: str | None = None
    default_language: str = "nl"
    limits: Limits = field(default_factory=Limits)
    max_attempts: int = 5
    backoff_seconds: float = 1.0
    max_backoff_seconds: float = 120.0
    timeout_seconds: float = 60.0
    on_page: Callable[[int, int | None], None] | None = None
    sleep: Callable[[float], None] = time.sleep
    #: Whether the repository may be on loopback or a private network (an operator's own
    #: harvest may; a harvest registered by a user as an import job follows the hub's setting).
    allow_private: bool = True


class _Unreachable(Exception):
    """The repository did not answer usefully within the allowed attempts."""


class OaiPmhHarvester:
    """A client for one OAI-PMH repository: Identify, formats, sets, and incremental harvests."""

    def __init__(
        self,
        base_url: str,
        client: httpx.Client | None = None,
        state_store: HarvestStateStore | None = None,
        options: HarvestOptions | None = None,
    ) -> None:
        self.base_url = base_url
        self.options = options or HarvestOptions()
        self._own_client = client is None
        self._client = client or httpx.Client(
            timeout=self.options.timeout_seconds,
            transport=guarded_transport(self.options.allow_private),
        )
        self._store = state_store
        self._last_url: httpx.URL | str = base_url

    def __enter__(self) -> OaiPmhHarvester:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the HTTP client if this harvester made it."""
        if self._own_client:
            self._client.close()

    # -- the simple verbs ---------------------------------------------------------------------

    def identify(self) -> RepositoryInfo:
        """Ask the repository who it is (Identify)."""
        return read_identify(self._request_or_raise({"verb": "Identify"}))

    def list_metadata_formats(self) -> list[MetadataFormat]:
        """List the metadata formats the repository offers."""
        return read_formats(self._request_or_raise({"verb": "ListMetadataFormats"}))

    def list_sets(self) -> list[OaiSet]:
        """List all sets of the repository, following resumption tokens."""
        sets: list[OaiSet] = []
        params = {"verb": "ListSets"}
        while True:
            root = self._request_or_raise(params)
            sets += read_sets(root)
            token, _size = resumption(root)
            if not token:
                return sets
            params = {"verb": "ListSets", "resumptionToken": token}

    def _request_or_raise(self, params: dict[str, str]) -> etree._Element:
        try:
            root = self._request(params)
        except (_Unreachable, XmlError) as error:
            raise OaiPmhError(str(error)) from error
        errors = oai_errors(root)
        if errors:
            raise OaiPmhError("; ".join(f"{code}: {text}".strip(": ") for code, text in errors))
        return root

    # -- harvesting ---------------------------------------------------------------------------

    def harvest(self) -> Iterator[SourceRecord | Finding]:
        """Yield the records changed since the last harvest (or all), resuming if interrupted."""
        state = self._load_state()
        params = self._first_params(state)
        started = state.harvest_started if state.resumption_token else None
        count = 0
        while True:
            try:
                root = self._request(params)
            except _Unreachable as error:
                yield self._finding(f"de bron antwoordt niet ({error})", f"no answer ({error})")
                return
            except XmlError as error:
                yield xml_error_finding(error, self.base_url)
                return
            if errors := oai_errors(root):
                yield from self._on_oai_error(errors, state, started or response_date(root))
                return
            started = started or response_date(root)
            page = str(self._last_url)
            for record in read_records(root):
                if count >= self.options.limits.max_records:
                    yield self._finding("te veel records", "too many records")
                    return
                count += 1
                yield from self._items(record, page)
            token, size = resumption(root)
            if self.options.on_page:
                self.options.on_page(count, size)
            if not token:
                self._save(replace(state, last_response_date=started, resumption_token=None))
                return
            state = replace(state, resumption_token=token, harvest_started=started)
            self._save(state)
            params = {"verb": "ListRecords", "resumptionToken": token}

    def _load_state(self) -> HarvestState:
        fresh = HarvestState(self.options.metadata_prefix, self.options.set_spec)
        saved = self._store.load(self.base_url) if self._store else None
        same = saved and (saved.metadata_prefix, saved.set_spec) == (
            fresh.metadata_prefix,
            fresh.set_spec,
        )
        return saved if saved and same else fresh

    def _first_params(self, state: HarvestState) -> dict[str, str]:
        if state.resumption_token:
            return {"verb": "ListRecords", "resumptionToken": state.resumption_token}
        params = {"verb": "ListRecords", "metadataPrefix": self.options.metadata_prefix}
        # Day granularity is the one every repository must accept; from is inclusive, and
        # re-reading part of a day is harmless because imports are idempotent.
        since = self.options.from_date or (state.last_response_date or "")[:10]
        for key, value in (("set", self.options.set_spec), ("from", since)):
            if value:
                params[key] = value
        if self.options.until:
            params["until"] = self.options.until
        return params

    def _on_oai_error(
        self, errors: list[tuple[str, str]], state: HarvestState, now: str | None
    ) -> Iterator[Finding]:
        codes = {code for code, _ in errors}
        if "noRecordsMatch" in codes:
            self._save(replace(state, last_response_date=now, resumption_token=None))
            return
        if "badResumptionToken" in codes:
            self._save(replace(state, resumption_token=None, harvest_started=None))
        for code, text in errors:
            nl, en = _MESSAGES.get(
                code, ("de bron meldt een fout", "the repository reports an error")
            )
            yield self._finding(f"{code}: {nl} {text}".strip(), f"{code}: {en} {text}".strip())

    def _items(self, record: OaiRecord, page: str) -> Iterator[SourceRecord | Finding]:
        location = f"{page}:{record.xpath}"
        if record.deleted:
            yield SourceRecord("object", record.identifier, {}, location, deleted=True)
            return
        if record.metadata is None:
            yield self._finding(
                f"record {record.identifier} heeft geen metadata",
                f"record {record.identifier} has no metadata",
            )
            return
        prefix, language = self.options.metadata_prefix, self.options.default_language
        mapped = map_metadata(record.metadata, prefix, language)
        yield from mapped_to_items(mapped, page, self.options.limits, record.identifier)

    def _save(self, state: HarvestState) -> None:
        if self._store:
            self._store.save(self.base_url, state)

    def _finding(self, nl: str, en: str) -> Finding:
        return Finding(
            Severity.ERROR,
            f"OAI-PMH-oogst van {self.base_url}: {nl}.",
            f"OAI-PMH harvest of {self.base_url}: {en}.",
            file=self.base_url,
        )

    # -- HTTP with retries --------------------------------------------------------------------

    def _request(self, params: dict[str, str]) -> etree._Element:
        return parse_xml(self._get(params), self.options.limits.max_bytes)

    def _get(self, params: dict[str, str]) -> bytes:
        problem = ""
        for attempt in range(self.options.max_attempts):
            try:
                response = self._client.get(self.base_url, params=params)
            except httpx.TransportError as error:
                problem, wait = f"{type(error).__name__}: {error}", self._backoff(attempt)
            else:
                self._last_url = response.url
                if response.status_code < 400:
                    return response.content
                problem = f"HTTP {response.status_code}"
                if response.status_code not in _RETRY_STATUSES:
                    raise _Unreachable(problem)
                wait = _retry_after(response) or self._backoff(attempt)
            if attempt + 1 < self.options.max_attempts:
                self.options.sleep(min(wait, self.options.max_backoff_seconds))
        raise _Unreachable(f"{problem} after {self.options.max_attempts} attempts")

    def _backoff(self, attempt: int) -> float:
        return float(self.options.backoff_seconds * 2**attempt)


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After", "").strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - datetime.now(UTC)).total_seconds())
