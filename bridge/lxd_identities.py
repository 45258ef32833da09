"""LXD-side confinement: callers mapped to LXD client certificates (``--lxd-identities FILE``).

A policy on RPC names cannot say "only project team-a"; LXD can: a restricted client certificate
is confined to its projects. The file maps principals (matched as in the A43 policy: exact,
``foo*``, ``*foo``, ``*``, against every URI SAN, DNS SAN and the subject) to a certificate and
key; a mapped caller's calls reach LXD over HTTPS with that certificate, so LXD's own checks
apply (LXD's 403 is PERMISSION_DENIED). An unmapped caller uses the bridge's own connection, or
is refused (PERMISSION_DENIED, reason ``NO_LXD_IDENTITY``) when the file says
``"unmapped": "refuse"``::

    {"lxd": "https://lxd.example.org:8443",      // default: the bridge's own --lxd, if https
     "server_cert": "lxd-server.crt",            // default: the bridge's own --server-cert
     "unmapped": "bridge",                       // or "refuse"
     "identities": [
       {"name": "ci", "principals": ["spiffe://example.org/ci/*"],
        "client_cert": "ci.crt", "client_key": "ci.key",
        "server": "s2"}]}            // with --servers: which server (default: the first)

Relative paths are relative to the file. With ``--servers`` an entry is for one server (its
``server``, by default the first: the file's ``lxd`` and ``server_cert`` then apply); an entry for
another server reaches it at the URL and with the pinned certificate or CA of the servers file.
Each identity is one :class:`~bridge.upstream.Upstream` (its own LXD client: connections pooled
per identity and kind, event hubs never shared), opened at startup. The first
identity whose principals match wins.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
from google.protobuf.descriptor import MethodDescriptor

from bridge.authz import PolicyError, _keys, _list, _matcher
from bridge.errors import NotPermitted
from bridge.facade.context import Context
from bridge.identity import caller_of
from bridge.transport import Limits, LxdClient
from bridge.upstream import Identity, Upstream

if TYPE_CHECKING:
    from bridge.servers import ServerSpec

__all__ = ["IdentityEntry", "IdentityMap", "IdentityResolver", "load_identities"]


@dataclass(frozen=True)
class IdentityEntry:
    """One mapping: a name (logs), the principals' matchers, the certificate and key."""

    name: str
    principals: tuple[Callable[[str], bool], ...]
    client_cert: Path
    client_key: Path
    #: The server (``--servers`` name) it is for; ``None``: the first.
    server: str | None = None


@dataclass(frozen=True)
class IdentityMap:
    """The parsed file: where LXD is, the identities, and what unmapped callers get."""

    lxd: str | None
    server_cert: Path | None
    refuse_unmapped: bool
    entries: tuple[IdentityEntry, ...]


def load_identities(path: Path) -> IdentityMap:
    """Read the file; PolicyError names the file and the field."""
    try:
        raw = orjson.loads(path.read_bytes())
    except OSError as e:
        raise PolicyError(f"cannot read {path}: {e.strerror or e}") from e
    except orjson.JSONDecodeError as e:
        raise PolicyError(f"{path}: not JSON: {e}") from e
    try:
        return _parse(raw, path.parent)
    except PolicyError as e:
        raise PolicyError(f"{path}: {e}") from e


def _parse(raw: Any, base: Path) -> IdentityMap:
    obj = _keys(raw, {"lxd", "server_cert", "unmapped", "identities"}, "the file")
    unmapped = obj.get("unmapped", "bridge")
    if unmapped not in ("bridge", "refuse"):
        raise PolicyError(f'"unmapped" must be "bridge" or "refuse", not {unmapped!r}')
    entries = []
    for i, item in enumerate(_list(obj.get("identities"), "identities")):
        where = f"identities[{i}]"
        entry = _keys(item, {"name", "principals", "client_cert", "client_key", "server"}, where)
        for key in ("name", "client_cert", "client_key"):
            if not isinstance(entry.get(key), str) or not entry[key]:
                raise PolicyError(f'{where}: "{key}" is missing')
        server = entry.get("server")
        if server is not None and (not isinstance(server, str) or not server):
            raise PolicyError(f'{where}: "server" must be a server name')
        principals = tuple(
            _matcher(p, f"{where}.principals")
            for p in _list(entry.get("principals"), f"{where}.principals")
        )
        entries.append(
            IdentityEntry(
                entry["name"],
                principals,
                base / entry["client_cert"],
                base / entry["client_key"],
                server,
            )
        )
    lxd = obj.get("lxd")
    server_cert = obj.get("server_cert")
    return IdentityMap(
        lxd if isinstance(lxd, str) else None,
        base / server_cert if isinstance(server_cert, str) else None,
        unmapped == "refuse",
        tuple(entries),
    )


class IdentityResolver:
    """The resolver of a bridge with per-caller LXD identities (see the module docstring).

    ``mapped`` holds each identity with the name of the server it is for; ``default`` is the
    bridge's own upstream of the first server (``server``), what :meth:`resolve` falls back to.
    With several servers :class:`~bridge.servers.ServerSelector` asks :meth:`resolve_on`.
    """

    def __init__(
        self,
        default: Upstream,
        mapped: list[tuple[IdentityEntry, Upstream]],
        *,
        refuse_unmapped: bool,
        server: str = "default",
    ) -> None:
        self.default = default
        self.mapped = mapped
        self.refuse_unmapped = refuse_unmapped
        #: The first server's name: where an entry without ``server`` belongs.
        self.server = server

    @classmethod
    async def open(
        cls,
        identities: IdentityMap,
        default: LxdClient,
        *,
        server_cert: str | None = None,
        ca: str | None = None,
        limits: Limits | None = None,
        servers: Sequence[ServerSpec] = (),
    ) -> IdentityResolver:
        """Open one LXD client per identity (HTTPS with its certificate).

        ``default`` is the bridge's client of the first server; ``servers`` the servers file
        (``--servers``), where an entry's ``server`` is looked up (PolicyError if unknown).
        """
        first = servers[0].name if servers else "default"
        by_name = {spec.name: spec for spec in servers}
        url = identities.lxd or (
            default.endpoint.url if default.endpoint.url.startswith("https://") else None
        )
        pinned = str(identities.server_cert) if identities.server_cert else server_cert
        if servers and pinned is None and ca is None:  # the first server's, from --servers
            pinned = None if servers[0].server_cert is None else str(servers[0].server_cert)
            ca = None if servers[0].ca is None else str(servers[0].ca)
        mapped: list[tuple[IdentityEntry, Upstream]] = []
        try:
            for i, entry in enumerate(identities.entries):
                where = f"identities[{i}] ({entry.name!r})"
                if entry.server is None or entry.server == first:
                    if url is None:
                        raise PolicyError(
                            f"{where}: LXD identities need LXD over HTTPS: give "
                            '"lxd" (https://...) in the file'
                        )
                    at, cert, authority = url, pinned, None if pinned else ca
                else:
                    spec = by_name.get(entry.server)
                    if spec is None:
                        known = ", ".join(by_name) or first
                        raise PolicyError(
                            f'{where}: "server" {entry.server!r} is not a server of this '
                            f"bridge ({known})"
                        )
                    if spec.url is None or not spec.url.startswith("https://"):
                        raise PolicyError(
                            f"{where}: server {spec.name!r} is not reached over HTTPS, so it "
                            "cannot be given a client certificate"
                        )
                    at = spec.url
                    cert = None if spec.server_cert is None else str(spec.server_cert)
                    authority = None if spec.ca is None else str(spec.ca)
                client = await LxdClient.open(
                    at,
                    client_cert=entry.client_cert,
                    client_key=entry.client_key,
                    server_cert=cert,
                    ca=authority,
                    limits=limits,
                )
                upstream = Upstream(
                    client, identity=Identity(entry.name), name=entry.server or first
                )
                mapped.append((entry, upstream))
        except BaseException:
            for _, upstream in mapped:
                await upstream.client.aclose()
            raise
        return cls(
            Upstream(default, name=first),
            mapped,
            refuse_unmapped=identities.refuse_unmapped,
            server=first,
        )

    async def aclose(self) -> None:
        """Close the identities' clients (not the bridge's own)."""
        for _, upstream in self.mapped:
            await upstream.client.aclose()

    def resolve(self, context: Context, method: MethodDescriptor) -> Upstream:
        """The upstream of the caller's identity on the first server; the bridge's own, or
        NotPermitted."""
        return self.resolve_on(context, self.server, self.default)

    def resolve_on(self, context: Context, server: str, own: Upstream) -> Upstream:
        """The caller's upstream on ``server``: its identity's, else ``own`` (the bridge's
        upstream of that server), or NotPermitted when unmapped callers are refused."""
        names = caller_of(context).match_names
        for entry, upstream in self.mapped:
            if (entry.server or self.server) != server:
                continue
            if any(m(n) for n in names for m in entry.principals):
                return upstream
        if self.refuse_unmapped:
            principal = caller_of(context).principal
            who = "the anonymous caller" if principal is None else f"caller {principal!r}"
            raise NotPermitted(
                f"{who} has no LXD identity on server {server!r}, and unmapped callers are "
                "refused (--lxd-identities)",
                reason="NO_LXD_IDENTITY",
            )
        return own
