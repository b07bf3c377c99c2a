"""Refusing to connect to addresses that are not on the public internet.

A URL in a feed is chosen by whoever writes the feed. Without a check, a feed
could point communique at ``http://127.0.0.1:8080/admin``, a cloud metadata
service on ``169.254.169.254`` or a printer on the office network, and the
reply would land in the database. So every connection (the page, each
redirect hop, robots.txt) resolves the host once, checks *every* address it
resolves to, and connects only to an address it checked: a host that answers
DNS with a public address first and a private one on the second lookup (DNS
rebinding) gains nothing, because there is no second lookup.

``allow_private=True`` lifts the check, for intranet sources and for tests
against a server on loopback.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
from collections.abc import Iterable
from functools import cache
from typing import Any

import httpcore
import httpx

__all__ = ["BlockedAddress", "GuardedTransport", "check_address", "resolve_public"]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class BlockedAddress(Exception):
    """A connection refused because the host resolves to a non-public address."""

    def __init__(self, host: str, address: str, kind: str) -> None:
        self.host = host
        self.address = address
        self.kind = kind
        where = host if host == address else f"{host} resolves to {address}"
        super().__init__(
            f"refused: {where}, a {kind} address; pass --allow-private "
            "to fetch from non-public networks"
        )


def check_address(address: str) -> str | None:
    """What kind of non-public address this is, or None when it is public.

    The most specific name wins (127.0.0.1 is also "private" to Python, but a
    user recognises "loopback"). IPv4 addresses written as IPv6
    (``::ffff:127.0.0.1``) are judged as the IPv4 address they carry.
    """
    ip: IPAddress = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone id
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    checks = (
        ("loopback", ip.is_loopback),
        ("unspecified", ip.is_unspecified),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("private", ip.is_private),
        ("reserved", ip.is_reserved),
        ("non-public", not ip.is_global),
    )
    for kind, hit in checks:
        if hit:
            return kind
    return None


def resolve_public(host: str, port: int, *, allow_private: bool = False) -> list[str]:
    """Every address ``host`` resolves to, or BlockedAddress if any one is not public.

    Refusing when *any* address is non-public (rather than skipping it) keeps
    the rule simple to state and leaves no way to steer the connection.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as err:
        raise httpcore.ConnectError(f"cannot resolve host {host!r} ({err.strerror})") from None
    addresses: list[str] = []
    for _family, _type, _proto, _name, sockaddr in infos:
        address = str(sockaddr[0])
        if address not in addresses:
            addresses.append(address)
    if not allow_private:
        for address in addresses:
            kind = check_address(address)
            if kind:
                raise BlockedAddress(host, address, kind)
    return addresses


class _GuardedBackend(httpcore.NetworkBackend):
    """httpcore's blocking backend, connecting only to addresses that passed the check."""

    def __init__(self, allow_private: bool) -> None:
        self._inner = httpcore.SyncBackend()
        self._allow_private = allow_private

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = resolve_public(host, port, allow_private=self._allow_private)
        last: Exception | None = None
        for address in addresses:
            try:
                return self._inner.connect_tcp(
                    address, port, timeout=timeout, local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as err:
                last = err
        raise last or httpcore.ConnectError(f"no address to connect to for {host!r}")

    def connect_unix_socket(self, *args: Any, **kwargs: Any) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("unix sockets are not used for fetching")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


@cache
def _tls_context() -> ssl.SSLContext:
    """Certificate verification against certifi's CAs, built once (it takes a while)."""
    return httpx.create_ssl_context(trust_env=False)


class GuardedTransport(httpx.HTTPTransport):
    """An httpx transport whose every TCP connection goes through the address check.

    TLS still verifies the certificate against the host name in the URL:
    httpcore passes the original name to the TLS layer, only the TCP connect
    uses the checked address. Environment proxies are not used, since a proxy
    would make the connection (and the check) somewhere else.
    """

    def __init__(self, *, allow_private: bool = False, max_connections: int = 10) -> None:
        super().__init__(verify=_tls_context(), trust_env=False)
        # httpx builds its pool without a way to pass a network backend, so the
        # pool is built again with ours (pinned: httpx 0.28 keeps it in _pool).
        self._pool.close()
        self._pool = httpcore.ConnectionPool(
            ssl_context=_tls_context(),
            max_connections=max_connections,
            max_keepalive_connections=max_connections,
            keepalive_expiry=5.0,
            network_backend=_GuardedBackend(allow_private),
        )
