"""The per-call context: which RPC, which request id, who called, which LXD operation.

The server interceptor sets it for each RPC (:func:`begin`); anything running inside the RPC's
task reads it with :func:`current` (logs, LXD spans) or adds to it (:func:`note_operation`).
Outside an RPC (startup, the health monitor) there is none.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from contextvars import ContextVar, Token
from dataclasses import dataclass, field

from opentelemetry.trace import Tracer

__all__ = [
    "REQUEST_ID_KEY",
    "CallContext",
    "begin",
    "current",
    "end",
    "note_operation",
    "request_id_from",
]

#: The metadata key of the request id, read from the request and sent back in the headers.
REQUEST_ID_KEY = "x-request-id"
# A caller's request id is kept when it is a plain token (it lands in logs and headers as is);
# anything else is replaced by a generated one rather than echoed.
_REQUEST_ID = re.compile(r"[A-Za-z0-9._:/+=-]{1,128}")


@dataclass(slots=True)
class CallContext:
    """One RPC: ``rpc`` is ``/package.Service/Method``; ``principal`` the caller's certificate
    identity under mTLS (None otherwise); ``operation`` the last LXD operation id it started;
    ``tracer`` the OpenTelemetry tracer when tracing is on."""

    rpc: str
    request_id: str
    principal: str | None = None
    operation: str | None = None
    tracer: Tracer | None = field(default=None, repr=False)


_CURRENT: ContextVar[CallContext | None] = ContextVar("lxd_grpc_bridge_call", default=None)


def current() -> CallContext | None:
    """The context of the RPC being served by this task, if any."""
    return _CURRENT.get()


def begin(call: CallContext) -> Token[CallContext | None]:
    """Make ``call`` the current context; give the token to :func:`end`."""
    return _CURRENT.set(call)


def end(token: Token[CallContext | None]) -> None:
    """Restore the context from before :func:`begin`."""
    _CURRENT.reset(token)


def note_operation(operation_id: str) -> None:
    """Record that the current RPC started LXD operation ``operation_id`` (for its log lines)."""
    call = _CURRENT.get()
    if call is not None:
        call.operation = operation_id


def request_id_from(metadata: Iterable[tuple[str, str | bytes]] | None) -> str:
    """The caller's ``x-request-id`` when it is a plain token of at most 128 characters, else
    a new random one (32 hex digits)."""
    for key, value in metadata or ():
        if key == REQUEST_ID_KEY and isinstance(value, str) and _REQUEST_ID.fullmatch(value):
            return value
    return uuid.uuid4().hex
