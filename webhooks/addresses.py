"""Where a webhook may be sent, and sending it only there.

An endpoint's address is checked when it is saved and again, after a fresh DNS lookup, at every
delivery: a name that resolves into a private, link-local, multicast or reserved range is
refused (those reach the site's own network: databases, metadata services, routers), and so is
loopback, except in development (``CALLBOARD_WEBHOOKS_ALLOW_LOOPBACK``), where a receiver on the
same machine is how one tries it out.
The delivery then connects to the very address that passed the check, so a name that changes
its answer between the check and the connection cannot steer the request inside.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError

SCHEMES = {"http": 80, "https": 443}


@dataclass(frozen=True)
class Target:
    """A checked address: where to connect, and what to call the host."""

    scheme: str
    host: str
    port: int
    path: str
    address: str  # the IP address the check passed


def loopback_allowed() -> bool:
    return settings.CALLBOARD_WEBHOOKS_ALLOW_LOOPBACK


def refusal(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why ``address`` may not be sent to, or None when it may."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    if address.is_loopback:
        return None if loopback_allowed() else "it is this machine (loopback)"
    if address.is_link_local:
        return "it is a link-local address"
    if address.is_multicast:
        return "it is a multicast address"
    if address.is_unspecified or address.is_reserved:
        return "it is a reserved address"
    if address.is_private or not address.is_global:
        return "it is inside a private network"
    return None


def check_url(url: str) -> Target:
    """The address ``url`` names, checked; ``ValidationError`` saying what is wrong otherwise."""
    parts = urlsplit(url.strip())
    if parts.scheme not in SCHEMES:
        raise ValidationError("Use an http:// or https:// address.", code="scheme")
    if parts.scheme != "https" and not loopback_allowed():
        raise ValidationError("Use an https:// address: deliveries carry a signature and unpublished news.")
    if parts.username or parts.password:
        raise ValidationError("Leave the user name and password out of the address; deliveries are signed instead.")
    host = parts.hostname
    if not host:
        raise ValidationError("The address needs a host name.", code="host")
    try:
        port = parts.port or SCHEMES[parts.scheme]
    except ValueError as error:
        raise ValidationError("The port in the address is not a number between 1 and 65535.") from error
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise ValidationError(f"No address was found for {host}.", code="unresolved") from error
    addresses = {ipaddress.ip_address(entry[4][0].split("%")[0]) for entry in found}
    for address in sorted(addresses, key=str):
        reason = refusal(address)
        if reason:
            raise ValidationError(f"{host} cannot receive webhooks: {reason} ({address}).", code="private")
    path = parts.path or "/"
    if parts.query:
        path += f"?{parts.query}"
    return Target(parts.scheme, host, port, path, str(min(addresses, key=lambda a: a.version)))


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, target: Target, timeout: float):
        super().__init__(target.host, target.port, timeout=timeout)
        self._address = target.address

    def connect(self):
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, target: Target, timeout: float):
        super().__init__(target.host, target.port, timeout=timeout, context=ssl.create_default_context())
        self._address = target.address

    def connect(self):
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def post(url: str, body: bytes, headers: dict[str, str], timeout: float) -> int:
    """POST ``body`` to ``url`` after checking it again; return the response's status code.

    Redirects are not followed (a 3xx is a failed delivery): following one would send the body
    to an address nobody checked.
    """
    target = check_url(url)
    connection_class = _PinnedHTTPSConnection if target.scheme == "https" else _PinnedHTTPConnection
    connection = connection_class(target, timeout)
    try:
        connection.request("POST", target.path, body=body, headers={**headers, "Content-Length": str(len(body))})
        response = connection.getresponse()
        response.read(64 * 1024)  # what a receiver says is not needed beyond its status
        return response.status
    finally:
        connection.close()
