"""``/webhooks``: subscribe an API key's organisation to the change feed, see every delivery."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Annotated, Any
from uuid import UUID

import orjson
from fastapi import APIRouter, Query, Request, Response
from pydantic import BaseModel, Field

from cultuurhub.access import Action, Forbidden, Principal, require
from cultuurhub.api.auth import api_key, principal
from cultuurhub.api.changes import parse_types
from cultuurhub.api.problems import problem
from cultuurhub.config import get_settings
from cultuurhub.publish import (
    Subscription,
    WebhookOptions,
    delivery_loop,
    feed_parameters,
    subscribe,
)
from cultuurhub.store import (
    Delivery,
    Store,
    Webhook,
    WebhookState,
    delete_webhook,
    finish_attempt,
    get_webhook,
    list_deliveries,
    list_webhooks,
)

router = APIRouter(prefix="/webhooks", tags=["webhooks"])

_NEEDS_KEY = "Een API-sleutel is nodig. / An API key is required."


class WebhookRequest(BaseModel):
    """A subscription: where to POST, which changes, and from which sequence number."""

    url: str = Field(max_length=1000, examples=["https://www.example.be/hooks/cultuurhub"])
    types: list[str] = Field(default_factory=list, max_length=12, examples=[["events", "places"]])
    owner: UUID | None = None
    since: int | None = Field(default=None, ge=0)


@router.post(
    "",
    status_code=201,
    response_class=Response,
    summary="Subscribe to the change feed (any API key; the secret is shown only here)",
)
def create(subscription: WebhookRequest, request: Request) -> Response:
    """Create a webhook for the caller's organisation; the answer holds its signing secret."""
    key = api_key(request)
    if key is None:
        return problem(401, "Unauthorized", _NEEDS_KEY)
    try:
        require(principal(request), Action.MANAGE_WEBHOOKS, key.organisation_id)
        types = parse_types(subscription.types)
        wanted = Subscription(subscription.url, types, subscription.owner, subscription.since)
        webhook, secret = subscribe(request.app.state.store, key, wanted)
    except Forbidden as error:
        return problem(403, "Forbidden", str(error))
    except ValueError as error:  # an unknown type, or WebhookRefused
        return problem(422, "Unprocessable", str(error))
    body = {**_webhook_json(webhook), "secret": secret}
    return _json(body, 201, {"Location": _url(webhook)})


@router.get("", response_class=Response, summary="Your organisation's webhooks")
def list_own(request: Request) -> Response:
    """List the caller organisation's webhooks (an administrator sees all)."""
    caller = principal(request)
    if caller.organisation_id is None:
        return problem(401, "Unauthorized", _NEEDS_KEY)
    store: Store = request.app.state.store
    organisation = None if caller.is_admin else caller.organisation_id
    return _json({"items": [_webhook_json(w) for w in list_webhooks(store, organisation)]})


@router.get("/{webhook_id}", response_class=Response, summary="One webhook and where it stands")
def show(webhook_id: UUID, request: Request) -> Response:
    """Return a webhook: its filters, position in the sequence, failures, whether active."""
    found = _own(request, webhook_id)
    return found if isinstance(found, Response) else _json(_webhook_json(found))


@router.delete("/{webhook_id}", status_code=204, response_class=Response, summary="Unsubscribe")
def remove(webhook_id: UUID, request: Request) -> Response:
    """Delete a webhook and its delivery log; nothing more is sent to it."""
    found = _own(request, webhook_id)
    if isinstance(found, Response):
        return found
    delete_webhook(request.app.state.store, found.id)
    return Response(status_code=204)


@router.post(
    "/{webhook_id}/enable",
    response_class=Response,
    summary="Enable a disabled webhook again; it resumes where it stopped",
)
def enable(webhook_id: UUID, request: Request) -> Response:
    """Reactivate a webhook with its failures reset; it resumes from its position."""
    found = _own(request, webhook_id)
    if isinstance(found, Response):
        return found
    store: Store = request.app.state.store
    state = WebhookState(found.position, 0, True, datetime.now(UTC))
    finish_attempt(store, found.id, state, None)
    return _json(_webhook_json(get_webhook(store, found.id) or found))


@router.get(
    "/{webhook_id}/deliveries",
    response_class=Response,
    summary="Every delivery attempt of a webhook, newest first",
)
def deliveries(
    webhook_id: UUID,
    request: Request,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> Response:
    """Return the logged attempts: which changes, the receiver's status or error, when."""
    found = _own(request, webhook_id)
    if isinstance(found, Response):
        return found
    attempts = list_deliveries(request.app.state.store, found.id, limit)
    return _json({"webhook": str(found.id), "items": [_delivery_json(d) for d in attempts]})


@contextlib.asynccontextmanager
async def delivery_worker(store: Store) -> AsyncIterator[None]:
    """Run the delivery loop beside the app while ``CULTUURHUB_WEBHOOKS`` is on."""
    settings = get_settings()
    if not settings.webhooks:
        yield
        return
    stop = asyncio.Event()
    options = WebhookOptions.from_settings(settings)
    task = asyncio.create_task(
        delivery_loop(store, stop, settings.webhook_interval_seconds, options)
    )
    try:
        yield
    finally:
        stop.set()
        await task


def _own(request: Request, webhook_id: UUID) -> Webhook | Response:
    """The webhook, if the caller may manage it; else the problem to answer with."""
    caller: Principal = principal(request)
    if caller.organisation_id is None:
        return problem(401, "Unauthorized", _NEEDS_KEY)
    webhook = get_webhook(request.app.state.store, webhook_id)
    try:
        if webhook is None:
            raise Forbidden("no such webhook")
        require(caller, Action.MANAGE_WEBHOOKS, webhook.organisation_id)
    except Forbidden:  # another organisation's webhook is not shown to exist
        detail = f"Er is geen webhook met id {webhook_id}. / No such webhook."
        return problem(404, "Not found", detail)
    return webhook


def _webhook_json(webhook: Webhook) -> dict[str, Any]:
    base = get_settings().base_url
    return {
        "id": str(webhook.id),
        "url": webhook.url,
        "organisation": str(webhook.organisation_id),
        "types": list(webhook.filters.get("types") or []),
        "owner": webhook.filters.get("owner"),
        "position": webhook.position,
        "active": webhook.active,
        "failures": webhook.failures,
        "nextAttempt": _time(webhook.next_attempt),
        "created": _time(webhook.created),
        "disabled": _time(webhook.disabled),
        "feed": f"{base}/changes?{feed_parameters(webhook, webhook.position)}",
        "deliveries": f"{_url(webhook)}/deliveries",
    }


def _delivery_json(delivery: Delivery) -> dict[str, Any]:
    return {
        "id": delivery.id,
        "seqFrom": delivery.seq_from,
        "seqTo": delivery.seq_to,
        "attempt": delivery.attempt,
        "delivered": delivery.delivered,
        "statusCode": delivery.status_code,
        "error": delivery.error,
        "time": _time(delivery.time),
    }


def _url(webhook: Webhook) -> str:
    return f"{get_settings().base_url}/webhooks/{webhook.id}"


def _time(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _json(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(orjson.dumps(body), status, headers, media_type="application/json")
