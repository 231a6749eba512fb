"""Where the hub may connect to when a user gives it an address: public addresses only.

Import URLs, OAI-PMH repositories registered as jobs, and webhooks make the hub open
connections to addresses its users chose. So that this is no way into the networks the hub
runs in (databases, cloud metadata at 169.254.169.254, admin consoles on loopback), every
address the host name resolves to must be public. The check sits in the connection itself:
:func:`guarded_transport` gives an ``httpx`` transport that resolves the name once, refuses it
if any address is not public, and connects to exactly the address it checked. A name that
answers differently between a check and the connection (DNS rebinding) gains nothing. TLS
still verifies the certificate against the host name. Development and intranet hubs lift the
rule with their ``*_allow_private`` settings.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from typing import Any

import httpcore
import httpx


class PrivateAddress(httpcore.ConnectError):
    """A host name resolved to an address outside the public internet."""


def is_public(address: str) -> bool:
    """Whether an IP address is on the public internet (IPv4-mapped IPv6 judged as IPv4)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def public_addresses(host: str, port: int) -> list[str]:
    """Resolve ``host``; return its addresses, or raise :class:`PrivateAddress` if one of them
    is not public (or ``httpcore.ConnectError`` if the name does not resolve)."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise httpcore.ConnectError(
            f"De host {host} is onbekend. / The host {host} cannot be resolved."
        ) from None
    addresses = list(dict.fromkeys(str(info[4][0]) for info in found))
    for address in addresses:
        if not is_public(address):
            raise PrivateAddress(
                f"{host} wijst naar een privé- of lokaal adres ({address}); de hub maakt daar "
                f"geen verbinding mee. / {host} points to a private or local address "
                f"({address}); the hub does not connect there."
            )
    return addresses


class _PublicOnly(httpcore.SyncBackend):
    """A network backend that connects only to the public addresses it resolved itself."""

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        failure: httpcore.ConnectError | None = None
        for address in public_addresses(host, port):
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as error:  # try the host's next address
                failure = error
        raise failure or httpcore.ConnectError(f"{host}: no address")


def guarded_transport(allow_private: bool = False) -> httpx.HTTPTransport:
    """An ``httpx`` transport for user-given addresses: public ones only, unless allowed."""
    transport = httpx.HTTPTransport()
    if not allow_private:
        # httpx builds its httpcore pool itself; give that pool the guarded backend
        transport._pool._network_backend = _PublicOnly()
    return transport
