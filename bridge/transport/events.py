"""LXD's event stream (``/1.0/events?type=...``): one upstream websocket, many local subscribers."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable, Iterable
from types import TracebackType
from typing import Any

import orjson
from websockets.asyncio.client import ClientConnection
from websockets.exceptions import ConnectionClosed

from bridge.errors import BridgeError, ProtocolError, TransportError
from bridge.transport.connection import Connection, short_reason
from bridge.transport.envelope import JsonObject

__all__ = ["EventHub", "EventSubscription", "Events", "SubscriberOverflow"]

#: Events a subscriber may hold unread before it is dropped (the hub never waits for one).
DEFAULT_MAX_PENDING = 4096

EventFilter = Callable[[JsonObject], bool]


class SubscriberOverflow(TransportError):
    """A subscriber fell more than its ``max_pending`` events behind and was dropped."""


class EventSubscription:
    """One local subscriber: an async iterator of LXD events (parsed JSON objects).

    Iteration ends when the subscription is closed; it raises
    :class:`~bridge.errors.TransportError` when the upstream connection is lost, or
    :class:`SubscriberOverflow` when the subscriber fell too far behind.
    """

    _END: Any = object()

    def __init__(self, hub: EventHub, max_pending: int) -> None:
        self._hub = hub
        self._queue: asyncio.Queue[Any] = asyncio.Queue()
        self._max_pending = max_pending
        self._filter: EventFilter | None = None
        self._error: BridgeError | None = None
        self._closed = False

    def set_filter(self, keep: EventFilter) -> None:
        """Keep only the events ``keep`` accepts, including those already queued."""
        self._filter = keep
        pending = []
        while not self._queue.empty():
            pending.append(self._queue.get_nowait())
        for item in pending:
            if item is self._END or keep(item[0]):
                self._queue.put_nowait(item)

    def _deliver(self, event: JsonObject, raw: str | bytes = b"") -> None:
        if self._closed or (self._filter is not None and not self._filter(event)):
            return
        if self._queue.qsize() >= self._max_pending:
            self._fail(SubscriberOverflow(f"event subscriber fell {self._max_pending} behind"))
            self._hub._remove(self)
            return
        self._queue.put_nowait((event, raw))

    def _fail(self, error: BridgeError) -> None:
        if not self._closed:
            self._error = error
            self._closed = True
            self._queue.put_nowait(self._END)

    async def get(self) -> JsonObject:
        """The next event. Raises ``StopAsyncIteration`` once closed."""
        event, _ = await self.get_with_raw()
        return event

    async def get_with_raw(self) -> tuple[JsonObject, str | bytes]:
        """The next event, parsed, and the websocket frame it came in, exactly as LXD sent it
        (``str`` for a text frame). Raises ``StopAsyncIteration`` once closed."""
        item = await self._queue.get()
        if item is self._END:
            self._queue.put_nowait(self._END)  # later calls end too
            if self._error is not None:
                raise self._error
            raise StopAsyncIteration
        event: tuple[JsonObject, str | bytes] = item
        return event

    def __aiter__(self) -> AsyncIterator[JsonObject]:
        return self

    async def __anext__(self) -> JsonObject:
        return await self.get()

    async def aclose(self) -> None:
        """Stop receiving events."""
        if not self._closed:
            self._closed = True
            self._queue.put_nowait(self._END)
        self._hub._remove(self)

    async def __aenter__(self) -> EventSubscription:
        return self

    async def __aexit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()


class EventHub:
    """One upstream ``/1.0/events?type=<types>`` websocket fanned out to local subscribers.

    The upstream is opened by the first :meth:`subscribe` and kept open while the hub lives;
    after a loss, the next :meth:`subscribe` opens a new one. The upstream is read
    continuously (so LXD's keepalive pings are answered) and never waits for a subscriber.
    """

    def __init__(self, connection: Connection, types: frozenset[str]) -> None:
        self.types = types
        self._connection = connection
        self._subscribers: set[EventSubscription] = set()
        self._ws: ClientConnection | None = None
        self._reader: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()

    async def subscribe(self, *, max_pending: int = DEFAULT_MAX_PENDING) -> EventSubscription:
        """Subscribe; returns once the upstream is connected, so no later event is missed."""
        async with self._lock:
            if self._reader is None or self._reader.done():
                query = {"type": ",".join(sorted(self.types))} if self.types else None
                self._ws = await self._connection.websocket("/1.0/events", query=query)
                self._reader = asyncio.create_task(self._read(self._ws), name="lxd-events")
            subscription = EventSubscription(self, max_pending)
            self._subscribers.add(subscription)
            return subscription

    def _remove(self, subscription: EventSubscription) -> None:
        self._subscribers.discard(subscription)

    async def _read(self, ws: ClientConnection) -> None:
        error: BridgeError = TransportError("LXD closed the event stream")
        try:
            async for message in ws:
                try:
                    event = orjson.loads(message)
                except orjson.JSONDecodeError:
                    error = ProtocolError(f"event is not JSON: {message[:200]!r}")
                    break
                if isinstance(event, dict):
                    for subscriber in list(self._subscribers):
                        subscriber._deliver(event, message)
        except (ConnectionClosed, OSError) as e:
            error = TransportError(f"the LXD event stream was lost: {short_reason(e)}")
        finally:
            for subscriber in list(self._subscribers):
                subscriber._fail(error)
            self._subscribers.clear()
            await ws.close()

    async def aclose(self) -> None:
        """Close the upstream websocket and end every subscription."""
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._reader
        for subscriber in list(self._subscribers):
            subscriber._fail(TransportError("event hub closed"))
        self._subscribers.clear()


class Events:
    """The event hubs of one connection, one per distinct set of event types."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self._hubs: dict[frozenset[str], EventHub] = {}

    def hub(self, types: Iterable[str]) -> EventHub:
        """The hub for exactly ``types`` (created on first use)."""
        key = frozenset(types)
        hub = self._hubs.get(key)
        if hub is None:
            hub = self._hubs[key] = EventHub(self._connection, key)
        return hub

    async def subscribe(
        self, types: Iterable[str], *, max_pending: int = DEFAULT_MAX_PENDING
    ) -> EventSubscription:
        """Subscribe to the events of ``types`` (e.g. ``{"lifecycle"}``).

        LXD 5.0 refuses unknown types (an :class:`~bridge.errors.LxdError`, raised here) and
        ``logging`` for non-admin clients.
        """
        return await self.hub(types).subscribe(max_pending=max_pending)

    def subscriber_count(self) -> int:
        """Local subscribers of every hub now (for the metrics)."""
        return sum(len(hub._subscribers) for hub in self._hubs.values())

    async def aclose(self) -> None:
        """Close every hub."""
        for hub in self._hubs.values():
            await hub.aclose()
        self._hubs.clear()
