"""Webhooks: subscriptions per API key, signed deliveries of the change feed, retries, back-off.

A subscription starts at a position in the global change sequence. :func:`deliver_due` reads
the changes after that position that its filters and its key may see (the same items as
``GET /changes``), POSTs them as one JSON batch signed with HMAC-SHA256, and moves the position
on when the receiver answers 2xx. A failure is logged and retried later, the wait doubling each
time; after ``max_failures`` consecutive failures the subscription is disabled. Deliveries are
at least once: a receiver deduplicates by ``seq``, and can always catch up from the feed.
See ``docs/feed-and-webhooks.md``.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import logging
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode
from uuid import UUID

import httpcore
import httpx
import orjson

from cultuurhub import __version__
from cultuurhub.access import Principal, Scope, private_reach
from cultuurhub.access.egress import guarded_transport, public_addresses
from cultuurhub.config import Settings, get_settings
from cultuurhub.model import RecordType
from cultuurhub.store import (
    ApiKey,
    Delivery,
    FeedPage,
    FeedQuery,
    NewWebhook,
    Store,
    Webhook,
    WebhookState,
    WebhookTarget,
    claim_webhook,
    count_webhooks,
    create_webhook,
    due_webhooks,
    feed_items,
    feed_page,
    finish_attempt,
    head_seq,
)

SIGNATURE_HEADER = "X-Cultuurhub-Signature"
WEBHOOK_HEADER = "X-Cultuurhub-Webhook"
MAX_WEBHOOKS_PER_ORGANISATION = 20
SIGNATURE_TOLERANCE_SECONDS = 300
_DUE_PER_ROUND = 100
_ERROR_CHARS = 500
_SCOPES = frozenset(scope.value for scope in Scope)

log = logging.getLogger(__name__)


class WebhookRefused(ValueError):
    """A subscription cannot be made as asked; the message says why, in Dutch and English."""


@dataclass(frozen=True, slots=True)
class WebhookOptions:
    """How deliveries are made: batch size, timeout, retries, and which addresses are allowed."""

    batch_size: int = 500
    timeout_seconds: float = 10.0
    max_failures: int = 15
    retry_seconds: int = 60
    retry_max_seconds: int = 21_600
    allow_private: bool = False

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> WebhookOptions:
        """Read the options from the hub's settings (``CULTUURHUB_WEBHOOK_*``)."""
        settings = settings or get_settings()
        return cls(
            batch_size=settings.webhook_batch_size,
            timeout_seconds=settings.webhook_timeout_seconds,
            max_failures=settings.webhook_max_failures,
            retry_seconds=settings.webhook_retry_seconds,
            retry_max_seconds=settings.webhook_retry_max_seconds,
            allow_private=settings.webhook_allow_private,
        )

    def retry_delay(self, failures: int) -> timedelta:
        """Return the wait after ``failures`` consecutive failures: doubling, with a ceiling."""
        seconds = self.retry_seconds * 2 ** max(failures - 1, 0)
        return timedelta(seconds=min(seconds, self.retry_max_seconds))


@dataclass(frozen=True, slots=True)
class Subscription:
    """What a consumer asks for: a URL, optional filters, and where in the sequence to start.

    Without ``since`` the subscription starts at the current end of the sequence: it is told
    about changes from now on (catch up on older ones from ``GET /changes``).
    """

    url: str
    types: tuple[RecordType, ...] = ()
    owner: UUID | None = None
    since: int | None = None


@dataclass
class DeliveryReport:
    """What one round of :func:`deliver_due` did."""

    delivered: int = 0
    failed: int = 0
    disabled: int = 0
    skipped: int = 0
    more: bool = False


# --- subscriptions ---------------------------------------------------------------------------


def subscribe(
    store: Store, key: ApiKey, subscription: Subscription, options: WebhookOptions | None = None
) -> tuple[Webhook, str]:
    """Subscribe ``key``'s organisation; return the webhook and its secret (shown this once)."""
    options = options or WebhookOptions.from_settings()
    check_webhook_url(subscription.url, options.allow_private)
    if count_webhooks(store, key.organisation_id) >= MAX_WEBHOOKS_PER_ORGANISATION:
        raise WebhookRefused(
            f"Een organisatie heeft hoogstens {MAX_WEBHOOKS_PER_ORGANISATION} webhooks. / "
            f"An organisation has at most {MAX_WEBHOOKS_PER_ORGANISATION} webhooks."
        )
    head = head_seq(store)
    since = head if subscription.since is None else subscription.since
    if not 0 <= since <= head:
        raise WebhookRefused(
            f"'since' moet tussen 0 en {head} liggen. / 'since' must lie between 0 and {head}."
        )
    secret = f"whsec_{secrets.token_urlsafe(32)}"
    filters = {
        "types": [RecordType(record_type).value for record_type in subscription.types],
        "owner": None if subscription.owner is None else str(subscription.owner),
    }
    new = NewWebhook(key.organisation_id, key.id, subscription.url, secret, filters, since)
    return create_webhook(store, new, datetime.now(UTC)), secret


def check_webhook_url(url: str, allow_private: bool = False) -> None:
    """Refuse a URL that is not http(s), or that points into a private network.

    Every address the host resolves to must be public, so that a subscription cannot make the
    hub call services behind its own firewall; ``allow_private`` lifts that for development.
    """
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as error:
        raise WebhookRefused(f"Geen geldige URL. / Not a valid URL: {error}") from None
    port_ok = parsed.port is None or 0 < parsed.port < 65_536
    if parsed.scheme not in {"http", "https"} or not parsed.host or not port_ok or len(url) > 1000:
        raise WebhookRefused(
            "Een webhook-URL begint met http:// of https://, met een host en een geldige poort "
            "(hoogstens 1000 tekens). / A webhook URL starts with http:// or https://, with a "
            "host and a valid port (at most 1000 characters)."
        )
    if allow_private:
        return
    try:
        public_addresses(parsed.host, parsed.port or 443)
    except httpcore.ConnectError as error:
        raise WebhookRefused(str(error)) from None


# --- signatures ------------------------------------------------------------------------------


def sign(secret: str, body: bytes, timestamp: int) -> str:
    """Return the signature header value for ``body`` sent at ``timestamp`` (Unix seconds).

    The form is ``t=<timestamp>,v1=<hex>``, where ``<hex>`` is HMAC-SHA256 with the webhook's
    secret over ``<timestamp>.<body>``.
    """
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={digest.hexdigest()}"


def verify_signature(
    secret: str,
    body: bytes,
    header: str,
    now: float | None = None,
    tolerance: int = SIGNATURE_TOLERANCE_SECONDS,
) -> bool:
    """Return whether ``header`` signs ``body`` with ``secret`` within ``tolerance`` seconds.

    For receivers: pass the raw request body (bytes, before any JSON parsing) and the value of
    the ``X-Cultuurhub-Signature`` header. An old timestamp fails, so a captured delivery cannot
    be replayed later.
    """
    parts = [part.partition("=") for part in header.split(",")]
    stamps = [value for name, _, value in parts if name.strip() == "t"]
    signatures = [value.strip() for name, _, value in parts if name.strip() == "v1"]
    if len(stamps) != 1 or not stamps[0].strip().isdigit() or not signatures:
        return False
    timestamp = int(stamps[0])
    if abs((time.time() if now is None else now) - timestamp) > tolerance:
        return False
    expected = sign(secret, body, timestamp).rsplit("v1=", 1)[1]
    return any(hmac.compare_digest(expected, candidate) for candidate in signatures)


# --- deliveries ------------------------------------------------------------------------------


def deliver_due(
    store: Store,
    now: datetime | None = None,
    options: WebhookOptions | None = None,
    client: httpx.Client | None = None,
) -> DeliveryReport:
    """Send one batch to every subscription that is due and behind; return what happened.

    ``now`` decides which subscriptions are due and when failed ones are tried again (tests
    drive time through it); the signature carries the real clock.
    """
    now = now or datetime.now(UTC)
    options = options or WebhookOptions.from_settings()
    report = DeliveryReport()
    head = head_seq(store)
    own_client = client is None
    http = client or httpx.Client(
        timeout=options.timeout_seconds, transport=guarded_transport(options.allow_private)
    )
    lease = now + timedelta(seconds=2 * options.timeout_seconds + 30)
    try:
        for webhook in due_webhooks(store, now, head, _DUE_PER_ROUND):
            target = claim_webhook(store, webhook.id, now, lease)
            if target is not None:
                _deliver(store, _Round(target, head, now, options, http), report)
    finally:
        if own_client:
            http.close()
    return report


async def delivery_loop(
    store: Store, stop: asyncio.Event, interval: float, options: WebhookOptions | None = None
) -> None:
    """Deliver until ``stop`` is set: at once while batches are full, else every ``interval``."""
    while not stop.is_set():
        try:
            report = await asyncio.to_thread(deliver_due, store, None, options)
        except Exception:  # a database hiccup must not end the loop; the next round retries
            log.exception("webhook delivery round failed")
            report = DeliveryReport()
        if report.more:
            continue
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=interval)


@dataclass(frozen=True, slots=True)
class _Round:
    target: WebhookTarget
    head: int
    now: datetime
    options: WebhookOptions
    client: httpx.Client


def _deliver(store: Store, batch: _Round, report: DeliveryReport) -> None:
    webhook = batch.target.webhook
    page = feed_page(store, _query(batch))
    if not page.entries:  # nothing it may see: skip ahead without calling the receiver
        state = WebhookState(batch.head, webhook.failures, True, batch.now)
        finish_attempt(store, webhook.id, state, None)
        report.skipped += 1
        return
    seq_to = page.entries[-1].seq if page.more else batch.head
    status, error = _post(batch, _body(webhook, page, seq_to))
    state = _after(batch, seq_to, delivered=error is None)
    delivery = Delivery(
        webhook.id, webhook.position + 1, seq_to, webhook.failures + 1, status, error,
        delivered=error is None, time=batch.now,
    )  # fmt: skip
    finish_attempt(store, webhook.id, state, delivery)
    if error is None:
        report.delivered += 1
        report.more = report.more or page.more
    elif state.active:
        report.failed += 1
    else:
        report.disabled += 1


def _query(batch: _Round) -> FeedQuery:
    webhook, filters = batch.target.webhook, batch.target.webhook.filters
    caller = Principal(
        webhook.organisation_id,
        frozenset(Scope(scope) for scope in batch.target.scopes if scope in _SCOPES),
    )
    return FeedQuery(
        since=webhook.position,
        limit=batch.options.batch_size,
        types=tuple(filters.get("types") or ()),
        owner=UUID(filters["owner"]) if filters.get("owner") else None,
        private_owners=private_reach(caller),
        until=batch.head,
    )


def _body(webhook: Webhook, page: FeedPage, seq_to: int) -> bytes:
    base = get_settings().base_url
    return orjson.dumps(
        {
            "webhook": str(webhook.id),
            "seqFrom": webhook.position + 1,
            "seqTo": seq_to,
            "changes": feed_items(page.entries, base),
            "feed": f"{base}/changes?{feed_parameters(webhook, webhook.position)}",
        }
    )


def feed_parameters(webhook: Webhook, since: int) -> str:
    """Return the query string of ``GET /changes`` that shows what this webhook delivers."""
    filters = webhook.filters
    pairs: list[tuple[str, Any]] = [("since", since)]
    pairs += [("type", RecordType(kind).path) for kind in filters.get("types") or ()]
    if filters.get("owner"):
        pairs.append(("owner", filters["owner"]))
    return urlencode(pairs)


def _post(batch: _Round, body: bytes) -> tuple[int | None, str | None]:
    """POST one batch; return the status code and, when it failed, why."""
    webhook = batch.target.webhook
    headers = {
        "Content-Type": "application/json",
        "User-Agent": f"cultuurhub-webhooks/{__version__}",
        WEBHOOK_HEADER: str(webhook.id),
        SIGNATURE_HEADER: sign(batch.target.secret, body, int(time.time())),
    }
    try:
        # Checked again at every delivery: the host's addresses may have changed since.
        check_webhook_url(webhook.url, batch.options.allow_private)
        # A stream, so that a receiver's (possibly huge) answer is never read.
        with batch.client.stream("POST", webhook.url, content=body, headers=headers) as answer:
            status = answer.status_code
    except WebhookRefused as refusal:
        return None, str(refusal)[:_ERROR_CHARS]
    except httpx.HTTPError as error:
        return None, f"{type(error).__name__}: {error}"[:_ERROR_CHARS]
    return status, None if 200 <= status < 300 else f"HTTP {status}"


def _after(batch: _Round, seq_to: int, delivered: bool) -> WebhookState:
    """The subscription's state after an attempt: moved on, retried later, or disabled."""
    webhook, options, now = batch.target.webhook, batch.options, batch.now
    if delivered:
        return WebhookState(seq_to, 0, True, now)
    failures = webhook.failures + 1
    if failures >= options.max_failures:
        return WebhookState(webhook.position, failures, False, None, disabled=now)
    return WebhookState(webhook.position, failures, True, now + options.retry_delay(failures))
