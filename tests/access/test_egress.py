"""Connections to user-given addresses: public only, checked where the connection is made."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import httpx
import pytest

from cultuurhub.access.egress import guarded_transport, is_public, public_addresses
from cultuurhub.ingest.jobs_fetch import FetchError, check_url, fetch
from cultuurhub.publish.webhooks import WebhookRefused, check_webhook_url


class _Hello(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"hallo")

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def local_server() -> Iterator[int]:
    """An HTTP server on loopback, as a database or admin console behind the hub would be."""
    server = HTTPServer(("127.0.0.1", 0), _Hello)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.215.14", True),
        ("2a00:1450:4001:82b::200e", True),
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),  # cloud metadata
        ("100.64.0.1", False),  # shared address space
        ("::1", False),
        ("fe80::1%eth0", False),
        ("::ffff:127.0.0.1", False),  # IPv4-mapped loopback
        ("224.0.0.1", False),
    ],
)
def test_which_addresses_are_public(address: str, public: bool) -> None:
    assert is_public(address) is public


def test_a_guarded_client_does_not_connect_to_loopback(local_server: int) -> None:
    url = f"http://127.0.0.1:{local_server}/"
    with httpx.Client(transport=guarded_transport(allow_private=True)) as allowed:
        assert allowed.get(url).text == "hallo"
    guarded = httpx.Client(transport=guarded_transport())
    with guarded, pytest.raises(httpx.ConnectError, match="private or local address"):
        guarded.get(url)
    guarded = httpx.Client(transport=guarded_transport())
    with guarded, pytest.raises(httpx.ConnectError, match="private or local address"):
        guarded.get(f"http://localhost:{local_server}/")


def test_a_name_that_changes_its_answer_after_the_check_gains_nothing(
    local_server: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DNS rebinding: public when the hub checks, loopback when it connects."""
    real = socket.getaddrinfo
    answers = iter(["93.184.215.14", "93.184.215.14", "127.0.0.1"])

    def rebinding(host: str, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host != "rebind.example":
            return real(host, port, *args, **kwargs)
        return real(next(answers), port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    url = f"http://rebind.example:{local_server}/"
    check_url(url, allow_private=False)  # public when the import is registered
    with pytest.raises(FetchError, match="private or local address"):
        fetch(url, 1000, 5.0, allow_private=False)  # checked again, then loopback


def test_registration_checks_give_clear_messages() -> None:
    with pytest.raises(FetchError, match="privé- of lokaal netwerk"):
        check_url("http://127.0.0.1/export.csv", allow_private=False)
    with pytest.raises(WebhookRefused, match="privé- of lokaal adres"):
        check_webhook_url("http://169.254.169.254/latest/meta-data/")
    client = httpx.Client(transport=guarded_transport())
    with client, pytest.raises(httpx.ConnectError, match="onbekend"):
        client.get("http://name.invalid/")
    assert public_addresses("93.184.215.14", 443) == ["93.184.215.14"]
