"""The call context: what one RPC needs to reach LXD, chosen once per call.

A :class:`Resolver` turns the gRPC call into an :class:`~bridge.upstream.Upstream` (the daemon,
the LXD identity and the dialect); the :class:`CallContext` adds the call's project, principal and
deadline. Every RPC kind and hand-written RPC receives it and sends through it, so that choosing
another daemon or identity per call changes the resolver, not the RPCs::

    resolver ──(grpc context, RPC)──> Upstream ──+ project, principal, deadline──> CallContext

Today :class:`OneUpstream` answers every call with the one daemon and the bridge's own identity.
A server selector (cluster member, several daemons) or an identity source (per-caller LXD
identity, from ``context.auth_context()``) is another :class:`Resolver`.
"""

from __future__ import annotations

from collections.abc import AsyncIterable, Mapping
from dataclasses import dataclass, replace
from typing import Any, Protocol

import grpc
from google.protobuf.descriptor import MethodDescriptor
from google.protobuf.message import Message

from bridge.codec import Dialect
from bridge.errors import OperationRunning
from bridge.transport import JsonObject, LxdClient, LxdResponse, is_final
from bridge.transport.connection import Query
from bridge.upstream import Upstream

__all__ = [
    "REPLY_RESERVE",
    "CallContext",
    "Context",
    "OneUpstream",
    "Resolver",
    "remaining",
    "wait_budget",
]

#: A servicer context of any request and response type.
Context = grpc.aio.ServicerContext[Any, Any]

#: Part of the time left kept for sending the reply after an operation wait: the reply must reach
#: the client before its own deadline fires, or it would see a bare DEADLINE_EXCEEDED instead of
#: the still running operation. A tenth of the time left, at most this many seconds.
REPLY_RESERVE = 0.5


def remaining(context: Context) -> float | None:
    """Seconds left before the RPC deadline, ``None`` without one. Raises TimeoutError at 0."""
    left = context.time_remaining()
    if left is not None and left <= 0:
        raise TimeoutError("the RPC deadline passed")
    return left


def wait_budget(context: Context) -> float | None:
    """How long an operation may be waited for: the time left minus the reply reserve.

    ``None`` without a deadline. Raises TimeoutError when the deadline has passed.
    """
    left = remaining(context)
    if left is None:
        return None
    return max(left - min(REPLY_RESERVE, left / 10), 0.0)


class Resolver(Protocol):
    """Chooses the upstream of a call from the gRPC call (its metadata, peer, auth context)."""

    def resolve(self, context: Context, method: MethodDescriptor) -> Upstream:
        """The upstream that serves ``method`` for this call."""
        ...


class OneUpstream:
    """The resolver of a bridge in front of one daemon, as itself: always that upstream."""

    def __init__(self, upstream: Upstream | LxdClient) -> None:
        self.upstream = upstream if isinstance(upstream, Upstream) else Upstream(upstream)

    def resolve(self, context: Context, method: MethodDescriptor) -> Upstream:
        """The one upstream."""
        return self.upstream


@dataclass(frozen=True, slots=True)
class CallContext:
    """One RPC's way to LXD: its upstream, project, principal and gRPC context (the deadline).

    ``project`` is the request's ``project`` field (``""``: LXD's default project); for a request
    stream it is known once the first message is read (:meth:`scoped`). ``principal`` is who
    called: its certificate's first URI SAN, else DNS SAN, else subject under mTLS (gRFC A43,
    :mod:`bridge.identity`); ``None`` for the anonymous caller (no client certificate).
    """

    upstream: Upstream
    grpc: Context
    project: str = ""
    principal: str | None = None

    @classmethod
    def of(
        cls,
        upstream: Upstream,
        context: Context,
        request: Message | None,
        principal: str | None = None,
    ) -> CallContext:
        """The call context of a call with ``request`` (``None`` for a request stream) by
        ``principal`` (:func:`bridge.identity.caller_of`)."""
        return cls(upstream, context, _project(request), principal)

    def scoped(self, request: Message) -> CallContext:
        """This context with the project of ``request`` (the first message of a stream)."""
        return replace(self, project=_project(request))

    @property
    def lxd(self) -> LxdClient:
        """The upstream's client (connections per kind, event hubs, operations)."""
        return self.upstream.client

    @property
    def dialect(self) -> Dialect:
        """How the upstream's server speaks (family, version, API extensions)."""
        return self.upstream.dialect

    def remaining(self) -> float | None:
        """Seconds left before the RPC deadline (see :func:`remaining`)."""
        return remaining(self.grpc)

    def wait_budget(self) -> float | None:
        """How long an operation may be waited for (see :func:`wait_budget`)."""
        return wait_budget(self.grpc)

    async def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        query: Query | None = None,
        etag: str | None = None,
        headers: Mapping[str, str] | None = None,
        content: bytes | AsyncIterable[bytes] | None = None,
    ) -> LxdResponse:
        """One LXD request, bounded by the RPC deadline."""
        return await self.lxd.request(
            method,
            path,
            json=json,
            query=query,
            etag=etag,
            headers=headers,
            content=content,
            timeout=self.remaining(),
        )

    async def operation(
        self,
        method: str,
        path: str,
        *,
        wait: bool,
        json: Any = None,
        query: Query | None = None,
        etag: str | None = None,
        headers: Mapping[str, str] | None = None,
        content: bytes | AsyncIterable[bytes] | None = None,
    ) -> JsonObject:
        """Start an LXD operation; with ``wait``, wait for its end within the RPC deadline.

        ``headers`` and ``content`` send a raw body instead of ``json`` (an upload, streamed
        when ``content`` is an async iterator). Returns the operation (final when waited for).
        Raises OperationFailed when it failed and OperationRunning when the deadline comes first
        (the operation goes on in LXD). The wait listens to the events of the operation's
        project (the ``project`` of ``query``).
        """
        started = await self.lxd.operations.start(
            method,
            path,
            json=json,
            query=query,
            etag=etag,
            headers=headers,
            content=content,
            timeout=self.remaining(),
            watch=wait,
        )
        if not wait:
            return started.current
        async with started:
            current = await started.wait(self.wait_budget())
        if not is_final(current):
            raise OperationRunning(current)
        return current


def _project(request: Message | None) -> str:
    if request is None or "project" not in request.DESCRIPTOR.fields_by_name:
        return ""
    return str(getattr(request, "project"))  # noqa: B009 - Message has no .project to type
