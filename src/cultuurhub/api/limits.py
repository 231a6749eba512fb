"""Protection of the API: rate limits, a request body size limit and CORS for browsers.

The rate limits are token buckets kept in this process's memory: each worker process has its own
buckets, so with two workers a caller may get up to twice its limit through. That is a guard
against runaway scripts and accidental floods, not an accounting system; a shared store (Redis)
can come behind :class:`RateLimiter` when the hub runs on more than one machine.
"""

from __future__ import annotations

import copy
import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI, Request
from starlette.datastructures import MutableHeaders
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from cultuurhub.api.auth import api_key
from cultuurhub.api.problems import PROBLEM_MEDIA_TYPE, problem
from cultuurhub.config import Settings

# Beyond this many callers the least recently seen bucket is forgotten (it comes back full).
_MAX_BUCKETS = 100_000
_UNLIMITED_PATHS = ("/health", "/static/")
_BODY_METHODS = {"post", "put", "patch"}
_PROBLEM = {"content": {PROBLEM_MEDIA_TYPE: {"schema": {"type": "object"}}}}
_TOO_MANY = "Too many requests: wait `Retry-After` seconds (problem details)."
_TOO_LARGE = "The request body is larger than `max_request_bytes` (problem details)."


@dataclass(frozen=True, slots=True)
class Quota:
    """How many requests a caller may make per window."""

    limit: int
    window_seconds: int

    @property
    def rate(self) -> float:
        """Tokens added back per second."""
        return self.limit / self.window_seconds


@dataclass(frozen=True, slots=True)
class Decision:
    """Whether one request may go ahead, and what the RateLimit headers say."""

    allowed: bool
    quota: Quota
    remaining: int
    reset_seconds: int
    retry_after: int

    def headers(self) -> dict[str, str]:
        """Return the RateLimit-* headers (and Retry-After when refused)."""
        headers = {
            "RateLimit-Limit": str(self.quota.limit),
            "RateLimit-Remaining": str(self.remaining),
            "RateLimit-Reset": str(self.reset_seconds),
            "RateLimit-Policy": f"{self.quota.limit};w={self.quota.window_seconds}",
        }
        if not self.allowed:
            headers["Retry-After"] = str(self.retry_after)
        return headers


class RateLimiter:
    """Token buckets per caller: a full bucket holds ``limit`` requests and refills in a window."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def take(self, caller: str, quota: Quota) -> Decision:
        """Take one token from ``caller``'s bucket, if there is one."""
        now = self._clock()
        tokens, last = self._buckets.pop(caller, (float(quota.limit), now))
        tokens = min(float(quota.limit), tokens + (now - last) * quota.rate)
        allowed = tokens >= 1.0
        if allowed:
            tokens -= 1.0
        self._buckets[caller] = (tokens, now)
        if len(self._buckets) > _MAX_BUCKETS:
            self._buckets.popitem(last=False)
        return Decision(
            allowed=allowed,
            quota=quota,
            remaining=int(tokens),
            reset_seconds=math.ceil((quota.limit - tokens) / quota.rate),
            retry_after=max(1, math.ceil((1.0 - tokens) / quota.rate)),
        )


class RateLimitMiddleware:
    """Refuse a caller's requests past its quota with 429; tell every caller where it stands.

    A valid API key is limited per key; everything else (no key, an unknown or revoked key) per
    client IP. The key is checked once per request and kept for the routes (see ``auth``).
    """

    def __init__(self, app: ASGIApp, per_key: Quota | None, per_ip: Quota | None) -> None:
        self.app = app
        self.per_key = per_key
        self.per_ip = per_ip
        self.limiter = RateLimiter()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith(_UNLIMITED_PATHS):
            await self.app(scope, receive, send)
            return
        decision = self._decide(Request(scope))
        if decision is None:
            await self.app(scope, receive, send)
            return
        if not decision.allowed:
            refusal = problem(
                429,
                "Too Many Requests",
                f"Te veel verzoeken: probeer opnieuw over {decision.retry_after} s. / Too many "
                f"requests: at most {decision.quota.limit} per {decision.quota.window_seconds} s; "
                f"try again in {decision.retry_after} s.",
            )
            refusal.headers.update(decision.headers())
            await refusal(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).update(decision.headers())
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def _decide(self, request: Request) -> Decision | None:
        key = api_key(request)
        if key is not None:
            return self.limiter.take(f"key:{key.id}", self.per_key) if self.per_key else None
        if self.per_ip is None:
            return None
        client = request.client.host if request.client else "unknown"
        return self.limiter.take(f"ip:{client}", self.per_ip)


class BodyTooLarge(Exception):
    """The request body passed the size limit while it was being read."""


@dataclass(slots=True)
class _BodyProgress:
    received: int = 0
    exceeded: bool = False
    started: bool = False


#: Paths that take file uploads (import jobs); they may be as large as `max_upload_bytes`.
UPLOAD_PATHS = ("/imports", "/workspace/imports")


class BodySizeLimitMiddleware:
    """Refuse a request body larger than the limit with 413, without reading all of it.

    A Content-Length over the limit is refused before a byte is read; a body sent in chunks is
    counted as it arrives and refused as soon as it passes the limit.
    """

    def __init__(
        self, app: ASGIApp, max_bytes: int, upload_bytes: int = 0,
        upload_paths: tuple[str, ...] = UPLOAD_PATHS,
    ) -> None:  # fmt: skip
        self.app = app
        self.max_bytes = max_bytes
        self.upload_bytes = max(upload_bytes, max_bytes)
        self.upload_paths = upload_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.max_bytes
        if str(scope["path"]).startswith(self.upload_paths):
            limit = self.upload_bytes  # file uploads of import jobs have their own limit
        declared = Request(scope).headers.get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            await self._refuse(scope, receive, send, limit)
            return
        progress = _BodyProgress()

        async def counting_receive() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                progress.received += len(message.get("body", b""))
                if progress.received > limit:
                    progress.exceeded = True
                    raise BodyTooLarge
            return message

        async def guarded_send(message: Message) -> None:
            # Once the body was refused, the app's own answer to it (often a 400 from a
            # framework that caught our exception) is dropped in favour of the 413.
            if progress.exceeded and not progress.started:
                return
            progress.started = progress.started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except BodyTooLarge:
            if progress.started:
                raise
        if progress.exceeded and not progress.started:
            await self._refuse(scope, receive, send, limit)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        refusal = problem(
            413,
            "Content Too Large",
            f"Het verzoek is groter dan {limit} bytes. / The request body is larger "
            f"than {limit} bytes.",
            max_bytes=limit,
        )
        refusal.headers["Connection"] = "close"
        await refusal(scope, receive, send)


def install_protection(app: FastAPI, settings: Settings) -> None:
    """Add the rate limits, the body size limit and CORS to ``app``; document 413 and 429.

    Call it last, so that these wrap every other middleware.
    """
    window = max(1, settings.rate_limit_window_seconds)
    per_key = Quota(settings.rate_limit_per_key, window) if settings.rate_limit_per_key else None
    per_ip = Quota(settings.rate_limit_per_ip, window) if settings.rate_limit_per_ip else None
    app.add_middleware(
        BodySizeLimitMiddleware,
        max_bytes=settings.max_request_bytes,
        upload_bytes=settings.max_upload_bytes,
    )
    app.add_middleware(RateLimitMiddleware, per_key=per_key, per_ip=per_ip)
    # CORS goes outermost, so refusals (413, 429) carry CORS headers a browser can read.
    app.add_middleware(
        CORSMiddleware,
        allow_origins=_split(settings.cors_origins),
        allow_methods=_split(settings.cors_methods),
        allow_headers=[settings.api_key_header, "Content-Type", "If-Match", "If-None-Match"],
        expose_headers=[
            "ETag",
            "Location",
            "Retry-After",
            "RateLimit-Limit",
            "RateLimit-Remaining",
            "RateLimit-Reset",
            "RateLimit-Policy",
        ],
        allow_credentials=False,
        max_age=600,
    )
    _document_refusals(app)


def _document_refusals(app: FastAPI) -> None:
    """Add 429 (and 413 where a body is taken) to every operation of the OpenAPI document."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        schema = generate()  # FastAPI builds it once and caches it; this is idempotent
        for path_item in schema.get("paths", {}).values():
            for method, operation in path_item.items():
                if not isinstance(operation, dict) or "responses" not in operation:
                    continue
                operation["responses"].setdefault("429", _refusal_doc(_TOO_MANY))
                if method in _BODY_METHODS:
                    operation["responses"].setdefault("413", _refusal_doc(_TOO_LARGE))
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def _refusal_doc(description: str) -> dict[str, Any]:
    return {"description": description, **copy.deepcopy(_PROBLEM)}


def _split(listed: str) -> list[str]:
    return [item.strip() for item in listed.split(",") if item.strip()]
