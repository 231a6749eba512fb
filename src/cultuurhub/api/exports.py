"""Bulk exports over HTTP: a record type as CSV, JSON Lines, Parquet or Turtle; events as iCalendar.

Thin: the routes parse the request, ask ``cultuurhub.publish`` for the chunks and stream them.
What a caller gets follows the read rules: public records for everyone, an organisation's
private records too for its own key, everything for an admin key.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from enum import StrEnum
from typing import Annotated, Any
from uuid import UUID
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import StreamingResponse

from cultuurhub.api.auth import principal
from cultuurhub.api.problems import problem
from cultuurhub.model import RecordType
from cultuurhub.publish import (
    ExportFormat,
    ExportOptions,
    ExportUnavailable,
    FeedOptions,
    calendar_chunks,
    export_chunks,
    export_filename,
    export_selection,
    store_feed_events,
)
from cultuurhub.store import Store

BRUSSELS = ZoneInfo("Europe/Brussels")
CALENDAR_MEDIA_TYPE = "text/calendar; charset=utf-8"

router = APIRouter(prefix="/exports", tags=["exports"])


class ExportedType(StrEnum):
    """The record types that can be exported, as they appear in the path."""

    EVENTS = "events"
    PLACES = "places"
    ORGANIZERS = "organizers"
    OBJECTS = "objects"

    @property
    def record_type(self) -> RecordType:
        """Return the record type of this path segment."""
        return next(kind for kind in RecordType if kind.path == self.value)


class FileExtension(StrEnum):
    """The file name extensions of the exports, one per format."""

    CSV = "csv"
    JSONL = "jsonl"
    PARQUET = "parquet"
    TTL = "ttl"

    @property
    def export_format(self) -> ExportFormat:
        """Return the export format written under this extension."""
        return next(kind for kind in ExportFormat if kind.extension == self.value)


Owner = Annotated[
    UUID | None,
    Query(description="Alleen records van deze organisatie. / Only this organisation's records."),
]
Since = Annotated[
    datetime | None,
    Query(
        description=(
            "Alleen records gewijzigd vanaf dit moment (ISO 8601; een datum of een tijd zonder "
            "zone geldt in Brussel). / Only records modified at or after this moment (ISO 8601; "
            "a date or a time without offset is read in Brussels)."
        ),
        examples=["2026-11-01", "2026-11-01T08:00:00+01:00"],
    ),
]

_EXPORT_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": (
            "The export, streamed. CSV: UTF-8, a header row, text quoted, cells that a "
            "spreadsheet would run as a formula neutralised. JSON Lines: the JSON-LD of one "
            "record per line. Parquet: typed columns (timestamps in UTC), zstd row groups. "
            "Turtle: OSLO Cultuurparticipatie RDF (events, places and organisers). The columns are "
            "listed in docs/exports.md."
        ),
        "content": {
            ExportFormat.CSV.media_type: {"example": '"id","uri","owner_id","name_nl"\r\n'},
            ExportFormat.JSONL.media_type: {"example": '{"@id":"…","name":{"nl":"…"}}\n'},
            ExportFormat.PARQUET.media_type: {"schema": {"type": "string", "format": "binary"}},
            ExportFormat.TURTLE.media_type: {"example": "@prefix cp: <…> .\n"},
        },
    },
    400: {"description": "A moment out of range (problem details)."},
    404: {
        "description": (
            "No organisation with the given owner id, or no such export (objects have no OSLO "
            "Turtle): problem details."
        )
    },
}


def _moment(value: datetime | None) -> datetime | None:
    """Read a moment without offset in Brussels time."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=BRUSSELS)


def _in_range(moment: datetime | None) -> bool:
    try:
        return moment is None or moment.astimezone(UTC).year >= 1
    except OverflowError:  # 0001-01-01 in Brussels lies before the first UTC moment
        return False


def _refusal(store: Store, owner: UUID | None, *moments: datetime | None) -> Response | None:
    """Say why the request cannot be answered (a moment out of range, an unknown owner)."""
    if not all(_in_range(moment) for moment in moments):
        detail = "Dit moment valt buiten het bereik. / This moment is out of range."
        return problem(400, "Bad request", detail)
    if owner is None or store.get_organisation(owner) is not None:
        return None
    detail = f"Er is geen organisatie met id {owner}. / There is no organisation with id {owner}."
    return problem(404, "Not found", detail)


def _cache_headers(request: Request) -> dict[str, str]:
    private = principal(request).organisation_id is not None
    return {"Cache-Control": "private, no-store" if private else "public, max-age=300"}


@router.get(
    "/events.ics",
    summary="Events as an iCalendar feed to subscribe to",
    description=(
        "One VEVENT per occurrence, times in Europe/Brussels; periodic and permanent events "
        "as weekly rules from their opening hours; cancelled occurrences have "
        "STATUS:CANCELLED. See docs/exports.md."
    ),
    response_class=Response,
    responses={
        200: {"content": {CALENDAR_MEDIA_TYPE: {"example": "BEGIN:VCALENDAR\r\n…"}}},
        400: {"description": "A moment out of range (problem details)."},
        404: {"description": "No organisation with the given owner id (problem details)."},
    },
    operation_id="export_events_calendar",
)
def events_calendar(
    request: Request,
    owner: Owner = None,
    since: Since = None,
    ends_after: Annotated[
        date | None,
        Query(
            description=(
                "Laat activiteiten weg die voor deze dag eindigden. / Leave out events that "
                "ended before this day."
            )
        ),
    ] = None,
) -> Response:
    """Stream the events (of one owner) as a VCALENDAR."""
    store: Store = request.app.state.store
    start = None if ends_after is None else datetime.combine(ends_after, time(0), BRUSSELS)
    refusal = _refusal(store, owner, _moment(since), start)
    if refusal is not None:
        return refusal
    selection = export_selection(principal(request), RecordType.EVENT, owner, _moment(since), start)
    chunks = calendar_chunks(store_feed_events(store, selection), FeedOptions())
    headers = {
        "Content-Disposition": 'inline; filename="cultuurhub-events.ics"',
        **_cache_headers(request),
    }
    return StreamingResponse(chunks, media_type=CALENDAR_MEDIA_TYPE, headers=headers)


@router.get(
    "/{record_path}.{extension}",
    summary="A whole record type as CSV, JSON Lines, Parquet or Turtle",
    response_class=Response,
    responses=_EXPORT_RESPONSES,
    operation_id="export_records",
)
def export_records(
    record_path: ExportedType,
    extension: FileExtension,
    request: Request,
    owner: Owner = None,
    since: Since = None,
    bom: Annotated[
        bool,
        Query(
            description=(
                "CSV: begin met een byte order mark, zodat Excel UTF-8 herkent. / CSV: start "
                "with a byte order mark, so that Excel recognises UTF-8."
            )
        ),
    ] = False,
) -> Response:
    """Stream every readable record of a type (of one owner, modified since) as a file."""
    store: Store = request.app.state.store
    refusal = _refusal(store, owner, _moment(since))
    if refusal is not None:
        return refusal
    record_type = record_path.record_type
    selection = export_selection(principal(request), record_type, owner, _moment(since))
    export_format = extension.export_format
    try:
        chunks = export_chunks(store, selection, ExportOptions(format=export_format, bom=bom))
    except ExportUnavailable as error:
        return problem(404, "Not found", str(error))
    name = export_filename(record_type, extension.value, datetime.now(BRUSSELS).date())
    headers = {"Content-Disposition": f'attachment; filename="{name}"', **_cache_headers(request)}
    return StreamingResponse(chunks, media_type=export_format.media_type, headers=headers)
