"""LXD's event stream (``/1.0/events?type=...&project=...``): one upstream websocket per filter,
shared by its local subscribers, and closed when the last of them leaves."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable, Iterable
from dataclasses import dataclass
from types import TracebackType
from typing import Any

import orjson
from websockets.asyncio.client import ClientConnection
from websockets.exceptions import ConnectionClosed

from bridge.errors import BridgeError, InvalidRequest, ProtocolError, TransportError
from bridge.transport.connection import Connection, short_reason
from bridge.transport.envelope import JsonObject

__all__ = [
    "EVENT_TYPES",
    "EventFilterKey",
    "EventHub",
    "EventSubscription",
    "Events",
    "SubscriberOverflow",
    "event_filter",
]

#: Events a subscriber may hold unread before it is dropped (the hub never waits for one).
DEFAULT_MAX_PENDING = 4096

#: The event types LXD 5.0 serves (``eventTypes`` in its lxd/events.go). A filter is checked
#: against this one table before any hub or upstream connection exists.
EVENT_TYPES = frozenset({"logging", "operation", "lifecycle"})

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
        await self._hub._release(self)

    async def __aenter__(self) -> EventSubscription:
        return self

    async def __aexit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()


@dataclass(frozen=True, slots=True)
class EventFilterKey:
    """What one upstream subscription asks LXD for: the types, and the project (``""`` is
    LXD's default project) or every project."""

    types: frozenset[str]
    project: str = ""
    all_projects: bool = False

    def query(self) -> dict[str, str | bool | None]:
        """The query of ``/1.0/events`` for this filter."""
        return {
            "type": ",".join(sorted(self.types)) or None,
            "project": self.project or None,
            "all-projects": True if self.all_projects else None,
        }


class EventHub:
    """One upstream ``/1.0/events`` websocket for one filter, fanned out to local subscribers.

    The upstream is opened by the first :meth:`subscribe` and closed when the last subscriber
    leaves (or is lost); the hub then leaves its :class:`Events` table, so a hub lives exactly as
    long as someone listens. The upstream is read continuously (so LXD's keepalive pings are
    answered) and never waits for a subscriber.
    """

    def __init__(
        self, connection: Connection, key: EventFilterKey, on_idle: Callable[[EventHub], None]
    ) -> None:
        self.key = key
        self._connection = connection
        self._on_idle = on_idle
        self._subscribers: set[EventSubscription] = set()
        self._joining = 0  # subscribe() calls under way: the hub is not idle while they run
        self._ws: ClientConnection | None = None
        self._reader: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()

    @property
    def types(self) -> frozenset[str]:
        """The event types of this hub (empty: LXD's default, every type)."""
        return self.key.types

    @property
    def subscribers(self) -> int:
        """How many local subscribers the hub has."""
        return len(self._subscribers)

    async def subscribe(self, *, max_pending: int = DEFAULT_MAX_PENDING) -> EventSubscription:
        """Subscribe; returns once the upstream is connected, so no later event is missed."""
        self._joining += 1
        try:
            async with self._lock:
                if self._reader is None or self._reader.done():
                    self._ws = await self._connection.websocket(
                        "/1.0/events", query=self.key.query()
                    )
                    self._reader = asyncio.create_task(self._read(self._ws), name="lxd-events")
                subscription = EventSubscription(self, max_pending)
                self._subscribers.add(subscription)
                return subscription
        finally:
            self._joining -= 1
            self._check_idle()

    def _idle(self) -> bool:
        return not self._subscribers and not self._joining

    def _check_idle(self) -> asyncio.Task[None] | None:
        """When nobody listens: leave the table and stop the reader (which closes the upstream).
        Returns the reader to await, if any."""
        if not self._idle():
            return None
        self._on_idle(self)
        reader = self._reader
        if reader is not None and not reader.done():
            reader.cancel()
            return reader
        return None

    def _remove(self, subscription: EventSubscription) -> None:
        self._subscribers.discard(subscription)
        self._check_idle()

    async def _release(self, subscription: EventSubscription) -> None:
        """Remove ``subscription``; if it was the last, wait until the upstream is closed."""
        self._subscribers.discard(subscription)
        reader = self._check_idle()
        if reader is not None and reader is not asyncio.current_task():
            await asyncio.wait([reader])  # not `await reader`: its cancellation is not ours

    async def _read(self, ws: ClientConnection) -> None:
        error: BridgeError = TransportError("LXD closed the event stream")
        try:
            async for message in ws:
                try:
                    event = orjson.loads(message)
                except orjson.JSONDecodeError:
                    # Not the frame itself: a malformed frame may hold anything.
                    error = ProtocolError(f"event is not JSON ({len(message)} bytes)")
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
            if self._idle():
                self._on_idle(self)
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


def event_filter(
    types: Iterable[str], *, project: str = "", all_projects: bool = False
) -> EventFilterKey:
    """The filter for ``types`` in ``project`` (or every project), checked before LXD is asked.

    An unknown type, or a project together with ``all_projects``, is
    :class:`~bridge.errors.InvalidRequest` naming the field.
    """
    wanted = frozenset(types)
    unknown = sorted(wanted - EVENT_TYPES)
    if unknown:
        shown = (
            unknown[0]
            if len(unknown[0]) <= 64
            else f"{unknown[0][:64]}... ({len(unknown[0])} characters)"
        )
        raise InvalidRequest(
            f"types: unknown event type {shown!r} (LXD serves {', '.join(sorted(EVENT_TYPES))})",
            field="types",
        )
    if project and all_projects:
        raise InvalidRequest(
            "all_projects: give a project or all_projects, not both", field="all_projects"
        )
    return EventFilterKey(wanted, project, all_projects)


class Events:
    """The event hubs of one connection, one per filter (types and project) someone listens to."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self._hubs: dict[EventFilterKey, EventHub] = {}

    @property
    def hubs(self) -> dict[EventFilterKey, EventHub]:
        """The live hubs by filter (a copy)."""
        return dict(self._hubs)

    def _forget(self, hub: EventHub) -> None:
        if self._hubs.get(hub.key) is hub:
            del self._hubs[hub.key]

    async def subscribe(
        self,
        types: Iterable[str],
        *,
        project: str = "",
        all_projects: bool = False,
        max_pending: int = DEFAULT_MAX_PENDING,
    ) -> EventSubscription:
        """Subscribe to the events of ``types`` (e.g. ``{"lifecycle"}``; empty for all) in
        ``project`` (``""``: LXD's default project) or, with ``all_projects``, in every project.

        An unknown type is :class:`~bridge.errors.InvalidRequest` before any hub exists; LXD
        refuses a project that does not exist, and ``logging`` for non-admin clients (an
        :class:`~bridge.errors.LxdError`, raised here; the hub is gone again).
        """
        key = event_filter(types, project=project, all_projects=all_projects)
        hub = self._hubs.get(key)
        if hub is None:
            hub = self._hubs[key] = EventHub(self._connection, key, self._forget)
        return await hub.subscribe(max_pending=max_pending)

    def subscriber_count(self) -> int:
        """Local subscribers of every hub now (for the metrics)."""
        return sum(len(hub._subscribers) for hub in self._hubs.values())

    async def aclose(self) -> None:
        """Close every hub."""
        hubs = list(self._hubs.values())
        self._hubs.clear()
        for hub in hubs:
            await hub.aclose()
