"""Where LXD listens: a unix socket (explicit or discovered) or HTTPS with a client certificate."""

from __future__ import annotations

import errno
import os
import socket
import ssl
import stat
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from bridge.errors import SocketNotFound

__all__ = [
    "SNAP_SOCKET",
    "SYSTEM_SOCKET",
    "Endpoint",
    "discover_socket",
    "tls_context",
]

SNAP_SOCKET = "/var/snap/lxd/common/lxd/unix.socket"
SYSTEM_SOCKET = "/var/lib/lxd/unix.socket"


@dataclass(frozen=True, slots=True)
class Endpoint:
    """One LXD endpoint: either ``socket_path`` (unix) or ``url`` + ``tls`` (HTTPS).

    ``base_url`` is what HTTP requests are made against (``http://lxd`` over the socket), and
    ``ws_base_url`` the websocket equivalent.
    """

    url: str
    socket_path: str | None = None
    tls: ssl.SSLContext | None = field(default=None, repr=False, compare=False)

    @classmethod
    def unix(cls, path: str | os.PathLike[str]) -> Endpoint:
        """A unix socket endpoint."""
        path = os.fspath(path)
        return cls(url=f"unix://{path}", socket_path=path)

    @classmethod
    def https(
        cls,
        url: str,
        *,
        client_cert: str | os.PathLike[str],
        client_key: str | os.PathLike[str],
        server_cert: str | os.PathLike[str] | None = None,
        ca: str | os.PathLike[str] | None = None,
    ) -> Endpoint:
        """An HTTPS endpoint (``https://host:port``) with a client certificate.

        Pin the server with ``server_cert`` (its certificate, as ``lxc remote add`` stores it)
        or trust a ``ca`` that signed it; see :func:`tls_context`.
        """
        parts = urlsplit(url)
        if parts.scheme != "https" or not parts.hostname:
            raise ValueError(f"not an https://host[:port] URL: {url!r}")
        context = tls_context(
            client_cert=client_cert, client_key=client_key, server_cert=server_cert, ca=ca
        )
        return cls(url=f"https://{parts.netloc}", tls=context)

    @classmethod
    def parse(
        cls,
        url: str | None = None,
        *,
        client_cert: str | os.PathLike[str] | None = None,
        client_key: str | os.PathLike[str] | None = None,
        server_cert: str | os.PathLike[str] | None = None,
        ca: str | os.PathLike[str] | None = None,
    ) -> Endpoint:
        """Parse ``unix:///path``, ``https://host:port``, or discover the socket when ``None``."""
        if url is None:
            return cls.unix(discover_socket())
        if url.startswith("unix://"):
            path = url.removeprefix("unix://")
            if not path.startswith("/"):
                raise ValueError(f"unix endpoint needs an absolute path: {url!r}")
            return cls.unix(path)
        if url.startswith("https://"):
            if client_cert is None or client_key is None:
                raise ValueError("an https endpoint needs client_cert and client_key")
            return cls.https(
                url, client_cert=client_cert, client_key=client_key, server_cert=server_cert, ca=ca
            )
        raise ValueError(f"unsupported LXD endpoint {url!r} (use unix:///path or https://...)")

    @property
    def base_url(self) -> str:
        """Base URL for HTTP requests."""
        return "http://lxd" if self.socket_path is not None else self.url

    @property
    def ws_base_url(self) -> str:
        """Base URL for websockets (``ws://`` over the socket, ``wss://`` over HTTPS)."""
        if self.socket_path is not None:
            return "ws://lxd"
        return "wss://" + self.url.removeprefix("https://")


def tls_context(
    *,
    client_cert: str | os.PathLike[str],
    client_key: str | os.PathLike[str],
    server_cert: str | os.PathLike[str] | None = None,
    ca: str | os.PathLike[str] | None = None,
) -> ssl.SSLContext:
    """A TLS client context that presents the client certificate and verifies LXD.

    With ``server_cert`` the server's own certificate is the only trust anchor and the host name
    is not checked (LXD's self-signed certificates rarely name the address clients use; the
    pinned certificate is what identifies the server, as in ``lxc remote add``). With ``ca``,
    normal chain and host name verification apply. One of the two is required.
    """
    if (server_cert is None) == (ca is None):
        raise ValueError("give exactly one of server_cert (pinning) or ca")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(os.fspath(client_cert), os.fspath(client_key))
    if server_cert is not None:
        context.load_verify_locations(cafile=os.fspath(server_cert))
        context.check_hostname = False
        context.verify_mode = ssl.CERT_REQUIRED
    else:
        assert ca is not None
        context.load_verify_locations(cafile=os.fspath(ca))
    return context


def discover_socket(
    environ: Mapping[str, str] | None = None,
    *,
    fallbacks: Sequence[str] = (SNAP_SOCKET, SYSTEM_SOCKET),
) -> str:
    """Find LXD's unix socket the way LXD's clients do, and return its path.

    Candidates, in order: ``$LXD_DIR/unix.socket`` (only when ``LXD_DIR`` is set in
    ``environ``, default ``os.environ``), then ``fallbacks``: the snap's
    ``/var/snap/lxd/common/lxd/unix.socket`` and ``/var/lib/lxd/unix.socket``. A candidate is
    used when it is a socket that accepts a connection. Raises
    :class:`~bridge.errors.SocketNotFound` listing every path tried and why it was refused.
    """
    env = os.environ if environ is None else environ
    candidates = []
    if env.get("LXD_DIR"):
        candidates.append(str(Path(env["LXD_DIR"]) / "unix.socket"))
    candidates += fallbacks

    tried: list[tuple[str, str]] = []
    for path in candidates:
        reason = _socket_problem(path)
        if reason is None:
            return path
        tried.append((path, reason))
    raise SocketNotFound(tried)


def _socket_problem(path: str) -> str | None:
    """Why ``path`` is not a usable socket, or ``None`` when it is."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "missing"
    except PermissionError:
        return "permission denied"
    except OSError as e:
        return e.strerror or type(e).__name__
    if not stat.S_ISSOCK(mode):
        return "not a socket"
    # Connecting is the only reliable permission check (the socket's mode, group and any ACL).
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        try:
            probe.connect(path)
        except PermissionError:
            return "permission denied"
        except OSError as e:
            if e.errno == errno.ECONNREFUSED:
                return "connection refused (no daemon listening)"
            return e.strerror or type(e).__name__
    return None
