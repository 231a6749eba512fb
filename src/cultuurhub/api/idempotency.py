"""The ``Idempotency-Key`` request header on creates (IETF draft ``idempotency-key-header``).

``POST /events`` (and the other creates) with ``Idempotency-Key: <key>``: the first request with
a key runs and its answer is kept for ``idempotency_key_hours``; the same request with the same
key again gets that answer back (with ``Idempotent-Replayed: true``) and makes nothing new. The
same key with another request body is refused (422); a retry while the first request still
runs is told to wait (409, ``Retry-After``). A request that failed on the hub's side (5xx) or
was rate-limited keeps no answer, so its retry runs. Keys belong to the caller's organisation.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Awaitable, Callable
from datetime import timedelta
from uuid import UUID

from fastapi import Request, Response

from cultuurhub.api.problems import problem
from cultuurhub.config import get_settings
from cultuurhub.store import Store, StoredResponse

HEADER = "Idempotency-Key"
_KEY = re.compile(r"[\x21-\x7e]{1,255}")
_KEPT_HEADERS = ("content-type", "location", "etag")


async def idempotent(
    request: Request, organisation_id: UUID, run: Callable[[str | None], Awaitable[Response]]
) -> Response:
    """Run a create once per idempotency key; without the header, just run it.

    ``run`` gets the key (None without one): a create that stores its record keeps its answer
    in the record's own transaction (``write_service.Answering``); any other answer, a refusal,
    is kept here afterwards.
    """
    sent = request.headers.get(HEADER)
    if sent is None:
        return await run(None)
    key = sent.strip()
    if len(key) >= 2 and key[0] == key[-1] == '"':  # a structured-field string, as the draft has it
        key = key[1:-1]
    if not _KEY.fullmatch(key):
        return problem(
            400, "Bad Request",
            f"De header {HEADER} moet 1 tot 255 zichtbare ASCII-tekens zijn. / The {HEADER} "
            "header must be 1 to 255 visible ASCII characters.",
        )  # fmt: skip
    store: Store = request.app.state.store
    lifetime = timedelta(hours=get_settings().idempotency_key_hours)
    claim = store.claim_idempotency_key(organisation_id, key, await _fingerprint(request), lifetime)
    if claim.outcome == "replay" and claim.response is not None:
        kept = claim.response
        headers = {**kept.headers, "Idempotent-Replayed": "true"}
        return Response(kept.body, kept.status, headers)
    if claim.outcome == "mismatch":
        return problem(
            422, "Unprocessable Content",
            f"Deze {HEADER} werd al gebruikt voor een ander verzoek; kies een nieuwe sleutel. / "
            f"This {HEADER} was already used with another request; choose a new key.",
        )  # fmt: skip
    if claim.outcome == "running":
        refusal = problem(
            409, "Conflict",
            f"Een verzoek met deze {HEADER} is nog bezig; probeer het zo dadelijk opnieuw. / A "
            f"request with this {HEADER} is still running; try again shortly.",
        )  # fmt: skip
        refusal.headers["Retry-After"] = "1"
        return refusal
    return await _first_run(store, organisation_id, key, run)


async def _first_run(
    store: Store,
    organisation_id: UUID,
    key: str,
    run: Callable[[str | None], Awaitable[Response]],
) -> Response:
    try:
        response = await run(key)
    except BaseException:
        store.release_idempotency_key(organisation_id, key)  # a kept answer stays
        raise
    if response.status_code >= 500 or response.status_code == 429:
        store.release_idempotency_key(organisation_id, key)
        return response
    store.finish_idempotency_key(organisation_id, key, kept_answer(response))  # once only
    return response


def kept_answer(response: Response) -> StoredResponse:
    """What of a response an idempotency key keeps: status, body, media type, URL and ETag."""
    kept = {name: response.headers[name] for name in _KEPT_HEADERS if name in response.headers}
    return StoredResponse(response.status_code, kept, bytes(response.body))


async def _fingerprint(request: Request) -> str:
    return fingerprint(
        request.method,
        request.url.path,
        request.headers.get("content-type", ""),
        await request.body(),
    )


def fingerprint(method: str, path: str, content_type: str, body: bytes) -> str:
    """What makes two requests the same: method, path, media type and body (SHA-256)."""
    digest = hashlib.sha256()
    for part in (method, path, content_type):
        digest.update(part.encode() + b"\n")
    digest.update(body)
    return digest.hexdigest()
