"""EventService: LXD's event stream as a gRPC server stream (proto: event_service).

One upstream ``/1.0/events`` websocket per filter (types, project) serves every subscriber (the
transport's :class:`~bridge.transport.EventHub`, gone when its last subscriber leaves); each RPC is
one local subscription. The stream never ends
silently: LXD going away ends it with UNAVAILABLE, a subscriber left too far behind with
RESOURCE_EXHAUSTED (docs/streams.md).
"""

from __future__ import annotations

import json
import logging
from collections import OrderedDict
from collections.abc import AsyncIterator
from typing import Any

import grpc

from bridge import codec
from bridge.errors import TransportError
from bridge.facade.common import (
    MAX_MESSAGE_SIZE,
    CallContext,
    Facade,
    decode,
    service_descriptor,
)
from bridge.facade.context import Resolver
from bridge.facade.streams import abort
from bridge.transport import LxdClient, SubscriberOverflow
from bridge.transport.events import DEFAULT_MAX_PENDING
from lxd.api.v1 import event_pb2, event_service_pb2, operation_pb2
from lxd.api.v1.event_service_pb2 import GetEventsRequest, GetEventsResponse

__all__ = ["EventFacade", "SharedResponses", "metadata_span"]

_log = logging.getLogger(__name__)

#: event type -> (oneof field of GetEventsResponse, message class of its metadata); the types
#: themselves are the transport's EVENT_TYPES, checked there.
TYPED_VIEWS: dict[str, tuple[str, Any]] = {
    "operation": ("operation", operation_pb2.Operation),
    "logging": ("logging", event_pb2.EventLogging),
    "lifecycle": ("lifecycle", event_pb2.EventLifecycle),
}

_DECODER = json.JSONDecoder()
_WHITESPACE = " \t\n\r"


def metadata_span(frame: str | bytes) -> bytes | None:
    """The exact bytes of the top-level ``metadata`` value of an event frame, not re-encoded.

    Walks the top-level object with the stdlib scanner (``raw_decode`` gives where each value
    ends); ``None`` if the frame is not an object or has no ``metadata`` key.
    """
    text = frame.decode() if isinstance(frame, bytes) else frame
    i = _skip(text, 0)
    if not text.startswith("{", i):
        return None
    i = _skip(text, i + 1)
    try:
        while i < len(text) and text[i] != "}":
            key, i = _DECODER.raw_decode(text, i)
            i = _skip(text, i)
            if text[i] != ":":
                return None
            start = _skip(text, i + 1)
            _, end = _DECODER.raw_decode(text, start)
            if key == "metadata":
                return text[start:end].encode()
            i = _skip(text, end)
            if text[i] == ",":
                i = _skip(text, i + 1)
    except (ValueError, IndexError):
        return None
    return None


def _skip(text: str, i: int) -> int:
    while i < len(text) and text[i] in _WHITESPACE:
        i += 1
    return i


def event_response(event: dict[str, Any], frame: str | bytes) -> GetEventsResponse:
    """The response for one event: the Event (exact metadata bytes) and its typed view."""
    message = decode(event_pb2.Event, event)
    exact = metadata_span(frame)
    if exact is not None:
        message.metadata = exact
    reply = GetEventsResponse(event=message)
    view = TYPED_VIEWS.get(str(event.get("type")))
    metadata = event.get("metadata")
    if view is not None and isinstance(metadata, dict):
        field, cls = view
        try:
            getattr(reply, field).CopyFrom(decode(cls, metadata))
        except codec.ConversionError as e:
            _log.warning("%s event metadata not readable, sent raw only: %s", field, e)
    return reply


#: How many recent events keep their response for the subscribers still to send them.
SHARED_RESPONSES = 256


class SharedResponses:
    """Each event's response built and serialized once, for every subscriber of every hub.

    The hub hands all its subscribers the same frame, and the response depends on the frame alone
    (the event is its parse), so the frame is the key: its hash is computed once and kept by the
    str. What is kept is the serialized ``GetEventsResponse``, which grpc sends to each stream as
    it is (the method's serializer passes bytes through): nothing is parsed, built or serialized
    per subscriber. A subscriber further behind than the last ``size`` events gets its response
    built again, the same bytes.
    """

    def __init__(self, size: int = SHARED_RESPONSES) -> None:
        self.size = size
        self.built = 0  # responses built, for the tests
        self._recent: OrderedDict[str | bytes, bytes] = OrderedDict()

    def get(self, event: dict[str, Any], frame: str | bytes) -> bytes:
        """The serialized response for ``event``, which came in ``frame``."""
        reply = self._recent.get(frame)
        if reply is None:
            reply = self._recent[frame] = event_response(event, frame).SerializeToString()
            self.built += 1
            if len(self._recent) > self.size:
                self._recent.popitem(last=False)
        return reply


class EventFacade(Facade):
    """GET /1.0/events (websocket) as a server stream."""

    service = service_descriptor(event_service_pb2, "EventService")

    def __init__(
        self, upstreams: Resolver | LxdClient, *, max_reply_size: int = MAX_MESSAGE_SIZE
    ) -> None:
        super().__init__(upstreams, max_reply_size=max_reply_size)
        self.responses = SharedResponses()
        #: Events a subscriber may have unsent before its stream ends with RESOURCE_EXHAUSTED.
        self.max_pending = DEFAULT_MAX_PENDING

    async def GetEvents(self, request: GetEventsRequest, call: CallContext) -> AsyncIterator[bytes]:
        """Subscribe, send the headers (the stream has started), then one response per event
        (a serialized ``GetEventsResponse``, shared by every subscriber)."""
        subscription = await call.lxd.events.subscribe(
            list(request.types),
            project=request.project,
            all_projects=request.all_projects,
            max_pending=self.max_pending,
        )
        async with subscription:
            await call.grpc.send_initial_metadata(())
            while True:
                try:
                    event, frame = await subscription.get_with_raw()
                except StopAsyncIteration:  # closed under us (the hub shut down): not silent
                    raise TransportError("the LXD event stream was closed") from None
                except SubscriberOverflow as e:
                    await abort(
                        call.grpc, grpc.StatusCode.RESOURCE_EXHAUSTED, "EVENTS_OVERFLOW", str(e)
                    )
                yield self.responses.get(event, frame)
