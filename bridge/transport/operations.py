"""LXD operations: start them without losing fast ones, wait for them, cancel them."""

from __future__ import annotations

import asyncio
import math
from collections.abc import AsyncIterable, Mapping
from types import TracebackType
from typing import Any

from bridge.errors import (
    BridgeError,
    InternalError,
    OperationCancelled,
    OperationFailed,
    ProtocolError,
)
from bridge.observability.context import note_operation
from bridge.observability.upstream import traced_operation_wait
from bridge.transport.connection import Kind, Query, Transport
from bridge.transport.envelope import JsonObject
from bridge.transport.events import Events, EventSubscription
from bridge.transport.paths import segment

__all__ = ["Operation", "Operations", "check_final", "is_final", "operation_id"]

#: Seconds added to the HTTP timeout of ``/wait`` beyond the wait LXD was asked for.
_WAIT_GRACE = 5.0


def operation_id(operation: str | JsonObject) -> str:
    """The id of an operation, from its URL (``/1.0/operations/<id>[?...]``) or its object."""
    if isinstance(operation, dict):
        return str(operation["id"])
    return operation.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]


def is_final(operation: JsonObject) -> bool:
    """Whether the operation has ended (LXD: ``status_code >= 200``)."""
    code = operation.get("status_code")
    return isinstance(code, int) and code >= 200


def check_final(operation: JsonObject) -> JsonObject:
    """Return ``operation``; raise OperationFailed/OperationCancelled if it ended badly.

    A successful operation is returned as is, whatever its metadata says: an exec whose command
    exited non-zero is still ``Success`` with ``metadata.return`` set.
    """
    code = operation.get("status_code")
    if code == 401:
        raise OperationCancelled(operation)
    if isinstance(code, int) and code >= 400:
        raise OperationFailed(operation)
    return operation


class Operation:
    """An operation this client started, watched through LXD's event stream.

    The event subscription was opened before the request was sent, so the final state is
    caught even when the operation ends at once and LXD forgets it 5 s later. ``current`` is the
    latest state seen (parsed JSON).
    """

    def __init__(
        self, operations: Operations, current: JsonObject, watch: EventSubscription | None
    ) -> None:
        self.id = operation_id(current)
        note_operation(self.id)  # the RPC's log lines name it
        self.current = current
        self._operations = operations
        self._watch = watch

    @property
    def metadata(self) -> Any:
        """The operation's own ``metadata`` (for exec: ``fds``, later ``return``)."""
        return self.current.get("metadata")

    @traced_operation_wait
    async def wait(self, timeout: float | None = None) -> JsonObject:
        """Wait until the operation ends or ``timeout`` seconds pass.

        Returns the final operation, or the current one when the time is up (not an error: check
        :func:`is_final`). Raises :class:`~bridge.errors.OperationFailed` when it failed.
        """
        deadline = None if timeout is None else asyncio.get_running_loop().time() + timeout
        if is_final(self.current):
            return check_final(self.current)
        if self._watch is not None:
            try:
                async with asyncio.timeout_at(deadline):
                    async for event in self._watch:
                        operation = event.get("metadata")
                        if isinstance(operation, dict):
                            self.current = operation
                            if is_final(operation):
                                await self.aclose()
                                return check_final(operation)
            except TimeoutError:
                return self.current
            except BridgeError:
                pass  # the event stream broke: ask LXD directly below
            await self.aclose()
        remaining = None if deadline is None else deadline - asyncio.get_running_loop().time()
        self.current = await self._operations.wait(self.id, remaining, raise_on_failure=False)
        return check_final(self.current) if is_final(self.current) else self.current

    async def result(self, timeout: float | None = None) -> JsonObject:
        """Like :meth:`wait`, but an operation that failed is returned, not raised."""
        try:
            return await self.wait(timeout)
        except OperationFailed as e:
            return e.operation

    async def cancel(self) -> None:
        """Ask LXD to cancel the operation (LXD answers 400 if it cannot be cancelled)."""
        await self._operations.cancel(self.id)

    async def aclose(self) -> None:
        """Stop watching events for this operation (the operation itself goes on)."""
        if self._watch is not None:
            watch, self._watch = self._watch, None
            await watch.aclose()

    async def __aenter__(self) -> Operation:
        return self

    async def __aexit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()


class Operations:
    """Operation calls of one connection."""

    def __init__(self, transport: Transport, events: Events) -> None:
        self._connection = transport
        self._events = events

    async def start(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        query: Query | None = None,
        etag: str | None = None,
        headers: Mapping[str, str] | None = None,
        content: bytes | AsyncIterable[bytes] | None = None,
        timeout: float | None = None,
        watch: bool = True,
    ) -> Operation:
        """Send a request that LXD answers with an operation, and return the operation.

        With ``watch`` (default) the operation event stream is subscribed to first, like LXD's
        Go client, so :meth:`Operation.wait` sees the end of even the fastest operation. LXD
        sends an operation's events to listeners of its project only, so the subscription is
        for the ``project`` of ``query`` (LXD's default project when there is none).
        ``headers`` and ``content`` send a raw body instead of ``json`` (an image or backup
        upload, streamed when ``content`` is an async iterator). Raises
        :class:`~bridge.errors.ProtocolError` if LXD answers synchronously.
        """
        project = str((query or {}).get("project") or "")
        subscription = (
            await self._events.subscribe({"operation"}, project=project) if watch else None
        )
        try:
            response = await self._connection.request(
                method,
                path,
                json=json,
                query=query,
                etag=etag,
                headers=headers,
                content=content,
                timeout=timeout,
            )
            if response.kind != "async" or not isinstance(response.metadata, dict):
                raise ProtocolError(f"{method} {path}: expected an operation, got {response.kind}")
        except BaseException:
            if subscription is not None:
                await subscription.aclose()
            raise
        op_id = operation_id(response.metadata)
        if subscription is not None:
            subscription.set_filter(lambda event: _event_operation_id(event) == op_id)
        return Operation(self, response.metadata, subscription)

    async def run(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        query: Query | None = None,
        etag: str | None = None,
        timeout: float | None = None,
    ) -> JsonObject:
        """:meth:`start` then :meth:`Operation.wait`: the final (or, on timeout, current) state."""
        deadline = None if timeout is None else asyncio.get_running_loop().time() + timeout
        async with await self.start(
            method, path, json=json, query=query, etag=etag, timeout=timeout
        ) as operation:
            remaining = None if deadline is None else deadline - asyncio.get_running_loop().time()
            return await operation.wait(remaining)

    async def get(self, op_id: str) -> JsonObject:
        """``GET /1.0/operations/<id>``: the operation as LXD has it now."""
        response = await self._connection.request(
            "GET", f"/1.0/operations/{segment(op_id, 'operation')}"
        )
        return _operation(response.metadata)

    @traced_operation_wait
    async def wait(
        self, op_id: str, timeout: float | None = None, *, raise_on_failure: bool = True
    ) -> JsonObject:
        """``GET /1.0/operations/<id>/wait?timeout=N``, N from the caller's remaining time.

        LXD takes whole seconds, so N is rounded down (a fraction left ends the wait early
        rather than late); LXD returns the current state when N passes, and so does this.
        Raises :class:`~bridge.errors.OperationFailed` for a failed operation unless
        ``raise_on_failure`` is false.
        """
        if timeout is None:
            seconds, http_timeout = -1, None
        else:
            seconds = max(math.floor(timeout), 0)
            http_timeout = seconds + _WAIT_GRACE
        try:
            response = await self._connection.request(
                "GET",
                f"/1.0/operations/{segment(op_id, 'operation')}/wait",
                query={"timeout": seconds},
                timeout=http_timeout,
                kind=Kind.WAIT,
            )
        except InternalError as e:
            # LXD answers a wait whose timeout passed with the operation as it is; Incus with
            # an error (500 "context deadline exceeded", its operationWaitGet): ask for the
            # operation then, so a wait ends the same way on every server.
            if seconds < 0 or e.message != _WAIT_DEADLINE_PASSED:
                raise
            operation = await self.get(op_id)
        else:
            operation = _operation(response.metadata)
        if raise_on_failure and is_final(operation):
            check_final(operation)
        return operation

    async def cancel(self, op_id: str) -> None:
        """``DELETE /1.0/operations/<id>``: cancel (400 if LXD cannot cancel it)."""
        await self._connection.request("DELETE", f"/1.0/operations/{segment(op_id, 'operation')}")


#: What Incus answers a wait whose ``timeout`` passed before the operation ended.
_WAIT_DEADLINE_PASSED = "context deadline exceeded"


def _operation(metadata: Any) -> JsonObject:
    if not isinstance(metadata, dict):
        raise ProtocolError(f"expected an operation object, got {type(metadata).__name__}")
    return metadata


def _event_operation_id(event: JsonObject) -> str | None:
    metadata = event.get("metadata")
    return metadata.get("id") if isinstance(metadata, dict) else None
