"""Fetching a registered import URL: http(s) only, public addresses only, bounded in size and time.

The hub fetches URLs its users give it, so it must not become a way into the networks it runs
in: every host (and every redirect) must resolve to public addresses only, unless the setting
``import_allow_private`` allows loopback and private networks (development, tests, an intranet).
Registration checks the address for a clear message; every connection is checked again where
it is made (``access.egress``), to exactly the address that was checked, so a name that changes
its answer in between (DNS rebinding) gains nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from cultuurhub.access.egress import PrivateAddress, guarded_transport, public_addresses

MAX_REDIRECTS = 5
_CHUNK = 65_536


class FetchError(Exception):
    """A URL that may not or could not be fetched; the message says why in Dutch and English."""


@dataclass(frozen=True, slots=True)
class Fetched:
    """What a URL gave: its bytes, its content type and the address it finally came from."""

    data: bytes
    content_type: str
    url: str


def check_url(url: str, allow_private: bool) -> None:
    """Raise :class:`FetchError` unless ``url`` is http(s) and its host is a public address."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"'{url}' is geen http(s)-adres. / '{url}' is not an http(s) address.")
    if allow_private:
        return
    try:
        public_addresses(parts.hostname, parts.port or 443)
    except PrivateAddress:
        raise FetchError(
            f"'{parts.hostname}' ligt in een privé- of lokaal netwerk; de hub haalt daar "
            f"niets op. / '{parts.hostname}' is on a private or local network; the hub does "
            "not fetch from there."
        ) from None
    except httpcore.ConnectError as error:
        raise FetchError(
            f"De naam '{parts.hostname}' bestaat niet ({error}). / "
            f"The host name '{parts.hostname}' does not resolve ({error})."
        ) from None


def fetch(url: str, max_bytes: int, timeout: float, allow_private: bool) -> Fetched:
    """Fetch ``url`` (following up to five checked redirects), at most ``max_bytes`` bytes."""
    transport = guarded_transport(allow_private)
    with httpx.Client(timeout=timeout, follow_redirects=False, transport=transport) as client:
        for _ in range(MAX_REDIRECTS + 1):
            check_url(url, allow_private)
            try:
                with client.stream("GET", url, headers={"Accept": "*/*"}) as response:
                    if response.is_redirect and "location" in response.headers:
                        url = urljoin(url, response.headers["location"])
                        continue
                    if response.status_code >= 400:
                        raise FetchError(
                            f"{url} antwoordt HTTP {response.status_code}. / "
                            f"{url} answers HTTP {response.status_code}."
                        )
                    data = _read_bounded(response, url, max_bytes)
                    kind = response.headers.get("content-type", "").split(";")[0].strip()
                    return Fetched(data, kind.lower(), url)
            except httpx.HTTPError as error:
                raise FetchError(
                    f"{url} kon niet opgehaald worden ({type(error).__name__}: {error}). / "
                    f"{url} could not be fetched ({type(error).__name__}: {error})."
                ) from None
    raise FetchError(
        f"{url}: te veel doorverwijzingen. / {url}: too many redirects (>{MAX_REDIRECTS})."
    )


def _read_bounded(response: httpx.Response, url: str, max_bytes: int) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise _too_large(url, max_bytes)
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes(_CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise _too_large(url, max_bytes)
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(url: str, max_bytes: int) -> FetchError:
    return FetchError(
        f"{url} is groter dan {max_bytes:,} bytes. / {url} is larger than {max_bytes:,} bytes."
    )
