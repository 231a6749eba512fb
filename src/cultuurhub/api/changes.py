"""``GET /changes``: the global change sequence, page by page, for partners that keep a copy."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode
from uuid import UUID

import orjson
from fastapi import APIRouter, Query, Request, Response

from cultuurhub.access import private_reach
from cultuurhub.api.auth import principal
from cultuurhub.api.problems import problem
from cultuurhub.config import get_settings
from cultuurhub.model import RecordType
from cultuurhub.store import FeedQuery, Store, feed_items, feed_page

DEFAULT_LIMIT = 1_000
MAX_LIMIT = 10_000
MAX_SEQ = 2**63 - 1  # the largest number a BIGINT column holds
_TYPE_NAMES = {name: t for t in RecordType for name in (t.value, t.path)}

router = APIRouter(tags=["changes"])

DESCRIPTION = f"""
Every change to every record, in the order of the hub's global change sequence (`seq`), without
gaps: creations, new versions and deletions (`deleted: true`, a tombstone). Keep the last `seq`
you processed and ask again with `since=<that seq>`; follow `next` until `more` is false, then
poll `next` later. Filter by `type` (events, places, organizers, objects, agents, concepts;
repeat it or separate with commas) and by `owner` (an organisation id). At most {MAX_LIMIT:,}
changes per page. Without an API key the feed shows public records; a key also shows its own
organisation's private records.
"""

_EXAMPLE = {
    "items": [
        {
            "seq": 1041,
            "id": "85b04295-479c-40f5-b3dd-469dfb4387b3",
            "type": "event",
            "version": 3,
            "time": "2026-11-24T09:12:44.123456+00:00",
            "deleted": False,
            "owner": "0c0d8f0e-33b2-4d8f-9f3e-53f1e9b7f1a2",
            "link": "https://hub.example.be/events/85b04295-479c-40f5-b3dd-469dfb4387b3",
        }
    ],
    "since": 1040,
    "limit": 1000,
    "more": False,
    "nextSince": 1041,
    "next": "https://hub.example.be/changes?since=1041&limit=1000",
}


@router.get(
    "/changes",
    summary="The change feed: what changed since sequence number N",
    description=DESCRIPTION,
    response_class=Response,
    responses={
        200: {"content": {"application/json": {"example": _EXAMPLE}}, "description": "A page."},
        400: {"description": "An unknown record type (problem details)."},
    },
)
def changes(
    request: Request,
    since: Annotated[
        int, Query(ge=0, le=MAX_SEQ, description="Changes after this sequence number.")
    ] = 0,
    limit: Annotated[
        int, Query(ge=1, le=MAX_LIMIT, description=f"Changes per page, at most {MAX_LIMIT}.")
    ] = DEFAULT_LIMIT,
    types: Annotated[
        list[str] | None, Query(alias="type", description="Only these record types.")
    ] = None,
    owner: Annotated[UUID | None, Query(description="Only this organisation's records.")] = None,
) -> Response:
    """Return one page of changes after ``since``, oldest first."""
    try:
        record_types = parse_types(types or [])
    except ValueError as error:
        return problem(400, "Bad request", str(error))
    store: Store = request.app.state.store
    query = FeedQuery(
        since=since,
        limit=limit,
        types=tuple(t.value for t in record_types),
        owner=owner,
        private_owners=private_reach(principal(request)),
    )
    page = feed_page(store, query)
    base = get_settings().base_url
    next_since = page.next_since or since
    next_url = f"{base}/changes?{_parameters(next_since, limit, record_types, owner)}"
    body: dict[str, Any] = {
        "items": feed_items(page.entries, base),
        "since": since,
        "limit": limit,
        "more": page.more,
        "nextSince": next_since,
        "next": next_url,
    }
    headers = {"Link": f'<{next_url}>; rel="next"', "Cache-Control": "no-cache"}
    return Response(orjson.dumps(body), media_type="application/json", headers=headers)


def parse_types(values: list[str]) -> tuple[RecordType, ...]:
    """Read record types as the feed takes them: ``events`` or ``event``, repeated or a,b."""
    names = [name.strip() for value in values for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in _TYPE_NAMES]
    if unknown:
        known = ", ".join(t.path for t in RecordType)
        raise ValueError(
            f"Onbekend recordtype: {', '.join(unknown)}; kies uit {known}. / "
            f"Unknown record type: {', '.join(unknown)}; choose from {known}."
        )
    return tuple(dict.fromkeys(_TYPE_NAMES[name] for name in names))


def _parameters(
    since: int, limit: int, record_types: tuple[RecordType, ...], owner: UUID | None
) -> str:
    pairs: list[tuple[str, Any]] = [("since", since), ("limit", limit)]
    pairs += [("type", record_type.path) for record_type in record_types]
    if owner is not None:
        pairs.append(("owner", str(owner)))
    return urlencode(pairs)
