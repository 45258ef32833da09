"""The upstream of a call: which daemon it goes to, as whom, and how that server speaks.

An :class:`Upstream` is one daemon reached as one LXD identity: its client (the connection
manager, with a pool and a limit per kind of request: short calls, transfers; the event hubs; the
operation calls), the :class:`Identity` the bridge presents, and the :class:`~bridge.codec.Dialect`
of that server (family, version, API extensions), which answers every question that differs
between servers. The facade picks one per call (:mod:`bridge.facade.context`: a resolver turns
the gRPC call into a :class:`~bridge.facade.context.CallContext`); nothing here knows gRPC.

Where later work plugs in:

- a server family: a :class:`~bridge.codec.Dialect` (``bridge/codec/dialect.py``), chosen from
  the server's ``GET /1.0`` by :func:`~bridge.codec.dialect_for`; paths and headers are asked of it;
- an identity source: an :class:`Identity` other than :data:`BRIDGE_IDENTITY`, with an
  :class:`Upstream` (its own client, so its own connections) per identity;
- a server selector: a resolver returning the :class:`Upstream` of the chosen daemon.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bridge.transport.client import LxdClient

if TYPE_CHECKING:
    from bridge.codec import Dialect

__all__ = ["BRIDGE_IDENTITY", "Identity", "Upstream"]


@dataclass(frozen=True, slots=True)
class Identity:
    """Who the bridge is to LXD on a call.

    Today always the bridge's own (:data:`BRIDGE_IDENTITY`: the unix socket's peer credentials,
    or the client certificate given with ``--lxd-client-cert``). Per-caller identities give each
    its own :class:`Upstream`, so that connections are never shared between identities.
    """

    name: str


#: The bridge's own identity: the credentials it was started with.
BRIDGE_IDENTITY = Identity("bridge")


class Upstream:
    """One daemon reached as one identity: its client, identity and dialect.

    Connections are kept per (server, identity, kind): the client holds a pool per kind of
    request (:class:`~bridge.transport.Limits`), and an upstream is one (server, identity).
    """

    def __init__(
        self, client: LxdClient, *, identity: Identity = BRIDGE_IDENTITY, name: str = "default"
    ) -> None:
        self.client = client
        self.identity = identity
        #: How the resolver and the logs name the server (``default`` for the one daemon).
        self.name = name

    @property
    def dialect(self) -> Dialect:
        """The server's dialect, from its ``GET /1.0`` (read again after a transport failure and
        by each health check)."""
        return self.client.dialect

    def __repr__(self) -> str:
        return f"Upstream({self.name!r}, {self.client.endpoint.url!r}, {self.identity.name!r})"
