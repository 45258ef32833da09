"""Transport: LXD's REST API over a unix socket or HTTPS, operations, events, websockets.

Modules by responsibility:

- ``endpoint``: where LXD listens (``unix://``, socket discovery, ``https://`` with TLS);
- ``envelope``: the one function that decodes LXD's response envelope;
- ``connection``: pooled HTTP (aiohttp) and websockets for one endpoint, a pool and a limit
  per kind of request (short calls, transfers), and the :class:`Transport` seam (what sends a
  request with an envelope: the connection, or recorded answers in a test);
- ``events``: ``/1.0/events`` fanned out to local subscribers;
- ``operations``: start (events first), wait, cancel;
- ``websocket``: exec and console sessions;
- ``files``: container file pull/push/delete, streamed, headers named by the dialect;
- ``client``: :class:`LxdClient`, which puts them together: exec, console and files are
  implemented once here, at a path the caller gives (the facade: the RPC's route, with the
  project in the query) or at a container's path on this server (tools, tests).

Nothing here knows gRPC: failures are the domain errors of :mod:`bridge.errors`.

Payloads stay LXD JSON (parsed with orjson); the codec turns them into protobuf.
"""

from bridge.transport.client import LxdClient, RecordedExec
from bridge.transport.connection import Connection, Kind, Limits, RawResponse, Transport
from bridge.transport.endpoint import Endpoint, discover_socket, tls_context
from bridge.transport.envelope import JsonObject, LxdResponse, decode_response
from bridge.transport.events import (
    EVENT_TYPES,
    EventFilterKey,
    EventHub,
    Events,
    EventSubscription,
    SubscriberOverflow,
    event_filter,
)
from bridge.transport.files import FileInfo, Files, PulledFile
from bridge.transport.operations import (
    Operation,
    Operations,
    check_final,
    is_final,
    operation_id,
)
from bridge.transport.websocket import STDERR, STDOUT, ExecResult, ExecSession

__all__ = [
    "EVENT_TYPES",
    "STDERR",
    "STDOUT",
    "Connection",
    "Endpoint",
    "EventFilterKey",
    "EventHub",
    "EventSubscription",
    "Events",
    "ExecResult",
    "ExecSession",
    "FileInfo",
    "Files",
    "JsonObject",
    "Kind",
    "Limits",
    "LxdClient",
    "LxdResponse",
    "Operation",
    "Operations",
    "PulledFile",
    "RawResponse",
    "RecordedExec",
    "SubscriberOverflow",
    "Transport",
    "check_final",
    "decode_response",
    "discover_socket",
    "event_filter",
    "is_final",
    "operation_id",
    "tls_context",
]
