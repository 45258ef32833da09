"""Several LXD servers behind one bridge: ``serve --servers FILE`` and the ``lxd-server`` key.

The file is TOML (read with the standard library's ``tomllib``), one ``[[servers]]`` table per
server, in order; the first is the default::

    [[servers]]
    name = "s1"                                  # how calls and logs name it
    url = "https://lxd1.example.org:8443"        # or "unix:///var/snap/lxd/common/lxd/unix.socket"
    client_cert = "bridge.crt"                   # https: the bridge's client certificate and key
    client_key = "bridge.key"
    server_cert = "lxd1.crt"                     # https: the server's certificate, pinned
    # ca = "ca.crt"                              #   or the CA that signed it (one of the two)

    [[servers]]
    name = "s2"
    url = "https://lxd2.example.org:8443"
    ...

Relative paths are relative to the file. ``--lxd URL`` and its credential options are the short
form of a one-server file whose server is named ``default``.

A call picks its server with the ``lxd-server`` request metadata key (absent: the first server);
an unknown name is INVALID_ARGUMENT naming the key and the servers served. Each server has its own
:class:`~bridge.upstream.Upstream` (its client, connection pools, event hubs and dialect: an LXD
5.0 and an Incus 6.0 can sit side by side), and ``--lxd-identities`` entries say which server
they are for (:mod:`bridge.lxd_identities`).
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from google.protobuf.descriptor import MethodDescriptor

from bridge.errors import InvalidRequest, clip
from bridge.facade.context import Context
from bridge.listener import SocketAccess, lxd_access
from bridge.transport import Limits, LxdClient
from bridge.upstream import Upstream

if TYPE_CHECKING:
    from bridge.lxd_identities import IdentityResolver

__all__ = [
    "DEFAULT_NAME",
    "SERVER_KEY",
    "ServerSelector",
    "ServerSpec",
    "ServersError",
    "listener_access",
    "load_servers",
    "parse_servers",
]

#: The request metadata key that names a call's server.
SERVER_KEY = "lxd-server"
#: The name of the one server of ``--lxd URL`` (and of a bridge started without a file).
DEFAULT_NAME = "default"

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,62}")
_FIELDS = frozenset({"name", "url", "client_cert", "client_key", "server_cert", "ca"})


class ServersError(ValueError):
    """A servers file that cannot be used; the message names the file and the field."""


@dataclass(frozen=True, slots=True)
class ServerSpec:
    """One server of the file: its name, URL (``None``: discover the local socket) and the
    credentials of HTTPS (the bridge's client certificate and key; the server's certificate,
    pinned, or the CA that signed it)."""

    name: str
    url: str | None
    client_cert: Path | None = None
    client_key: Path | None = None
    server_cert: Path | None = None
    ca: Path | None = None


def load_servers(path: Path) -> tuple[ServerSpec, ...]:
    """Read a servers file; ServersError names the file and the field at fault."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise ServersError(f"cannot read {path}: {e.strerror or e}") from e
    except UnicodeDecodeError as e:
        raise ServersError(f"{path}: not UTF-8 text: {e.reason}") from e
    except tomllib.TOMLDecodeError as e:
        raise ServersError(f"{path}: not TOML: {e}") from e
    try:
        return parse_servers(raw, path.parent)
    except ServersError as e:
        raise ServersError(f"{path}: {e}") from e


def parse_servers(raw: Mapping[str, Any], base: Path) -> tuple[ServerSpec, ...]:
    """The servers of a parsed file (paths relative to ``base``); ServersError names the field."""
    unknown = sorted(set(raw) - {"servers"})
    if unknown:
        raise ServersError(f"unknown field {unknown[0]!r} (the file holds [[servers]] tables)")
    entries = raw.get("servers")
    if not isinstance(entries, list) or not entries:
        raise ServersError("servers: give at least one [[servers]] table")
    specs: list[ServerSpec] = []
    seen: set[str] = set()
    for i, entry in enumerate(entries):
        where = f"servers[{i}]"
        if not isinstance(entry, dict):
            raise ServersError(f"{where} must be a table")
        unknown = sorted(set(entry) - _FIELDS)
        if unknown:
            raise ServersError(f"{where}.{unknown[0]}: unknown field")
        for key, value in entry.items():
            if not isinstance(value, str):
                raise ServersError(f"{where}.{key} must be a string")
        name = entry.get("name")
        if not name:
            raise ServersError(f"{where}.name is missing")
        if not _NAME.fullmatch(name):
            raise ServersError(
                f"{where}.name {clip(name)!r} is not a server name (letters, digits, '.', '_', "
                "'-'; at most 63 characters)"
            )
        if name in seen:
            raise ServersError(f"{where}.name {name!r} is given twice")
        seen.add(name)
        where = f"{where} ({name!r})"
        specs.append(_spec(entry, name, where, base))
    return tuple(specs)


def _spec(entry: Mapping[str, str], name: str, where: str, base: Path) -> ServerSpec:
    url = entry.get("url")
    if not url:
        raise ServersError(f"{where}.url is missing")

    def path(key: str) -> Path | None:
        value = entry.get(key)
        return None if value is None else base / value

    if url.startswith("unix://"):
        if not url.removeprefix("unix://").startswith("/"):
            raise ServersError(f"{where}.url {clip(url)!r} needs an absolute socket path")
        for key in ("client_cert", "client_key", "server_cert", "ca"):
            if key in entry:
                raise ServersError(f"{where}.{key}: a unix socket takes no TLS credentials")
        return ServerSpec(name, url)
    if not url.startswith("https://"):
        raise ServersError(f"{where}.url {clip(url)!r} is neither unix:///path nor https://...")
    for key in ("client_cert", "client_key"):
        if not entry.get(key):
            raise ServersError(f"{where}.{key} is missing (https needs a client certificate)")
    if ("server_cert" in entry) == ("ca" in entry):
        raise ServersError(f"{where}: give one of server_cert (pinned) or ca")
    return ServerSpec(
        name, url, path("client_cert"), path("client_key"), path("server_cert"), path("ca")
    )


class ServerSelector:
    """The resolver of a bridge in front of several servers (see the module docstring).

    ``upstreams`` are the bridge's own upstreams, one per server, in the file's order (the first
    is the default). With ``identities`` a mapped caller gets its LXD identity on the server
    chosen, as :class:`~bridge.lxd_identities.IdentityResolver` decides.
    """

    def __init__(
        self, upstreams: Mapping[str, Upstream], identities: IdentityResolver | None = None
    ) -> None:
        if not upstreams:
            raise ValueError("a bridge serves at least one server")
        self.upstreams = dict(upstreams)
        self.identities = identities

    @classmethod
    async def open(
        cls, specs: Sequence[ServerSpec], limits: Limits | None = None
    ) -> ServerSelector:
        """Connect to every server (``GET /1.0`` each); on a failure the others are closed."""
        upstreams: dict[str, Upstream] = {}
        try:
            for spec in specs:
                client = await LxdClient.open(
                    spec.url,
                    client_cert=spec.client_cert,
                    client_key=spec.client_key,
                    server_cert=spec.server_cert,
                    ca=spec.ca,
                    limits=limits,
                )
                upstreams[spec.name] = Upstream(client, name=spec.name)
        except BaseException:
            for upstream in upstreams.values():
                await upstream.client.aclose()
            raise
        return cls(upstreams)

    @property
    def names(self) -> list[str]:
        """The servers' names, the default first."""
        return list(self.upstreams)

    @property
    def default(self) -> Upstream:
        """The first server's own upstream."""
        return next(iter(self.upstreams.values()))

    def clients(self) -> dict[str, LxdClient]:
        """The bridge's own client of each server, by name (health, metrics)."""
        return {name: upstream.client for name, upstream in self.upstreams.items()}

    def server_of(self, context: Context) -> str:
        """The server a call asks for (its ``lxd-server`` metadata; absent: the default)."""
        for key, value in context.invocation_metadata() or ():
            if key == SERVER_KEY:
                return value if isinstance(value, str) else value.decode("utf-8", "replace")
        return self.names[0]

    def resolve(self, context: Context, method: MethodDescriptor) -> Upstream:
        """The upstream of the server the call names, as the caller's LXD identity."""
        return self.resolve_named(context, self.server_of(context), field=SERVER_KEY)

    def resolve_named(self, context: Context, name: str, *, field: str) -> Upstream:
        """The upstream of server ``name`` for this call's caller; InvalidRequest naming
        ``field`` (where the name came from) when no server has that name."""
        own = self.upstreams.get(name)
        if own is None:
            raise InvalidRequest(
                f"unknown LXD server {clip(name)!r} in {field}; this bridge serves: "
                + ", ".join(self.names),
                field=field,
            )
        if self.identities is None:
            return own
        return self.identities.resolve_on(context, name, own)

    async def aclose(self) -> None:
        """Close every server's client (the identities' clients are closed by their owner)."""
        for upstream in self.upstreams.values():
            await upstream.client.aclose()


def listener_access(clients: Mapping[str, LxdClient]) -> SocketAccess:
    """Who may connect to the bridge's unix listener in front of ``clients``: what every
    server's door grants alike (each LXD socket's owner, group and mode; HTTPS: root:root 0660,
    :func:`~bridge.listener.lxd_access`). When the servers' doors differ, the bridge's socket
    grants no more than the least of them could: its owner only (``--listen-group`` and
    ``--listen-mode`` say otherwise)."""
    accesses = [lxd_access(client.endpoint) for client in clients.values()]
    first = accesses[0]
    if all((a.uid, a.gid, a.mode) == (first.uid, first.gid, first.mode) for a in accesses):
        return first
    return SocketAccess(
        os.geteuid(),
        os.getegid(),
        0o600,
        "owner only: the servers' sockets grant different access",
    )
