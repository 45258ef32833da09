"""OperationService: LXD's background operations (proto: operation_service).

GET /1.0/operations is a map keyed by status ({"running": [...], "success": [...]}), not the list
LXD's Go client expects (reference/client_interface.md), so the two list RPCs are written out
here; they also show how an RPC that fits no kind of :mod:`bridge.facade.common` is written.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

from websockets.exceptions import ConnectionClosed

from bridge import codec
from bridge.errors import InvalidRequest
from bridge.facade.common import (
    CallContext,
    Facade,
    Get,
    Sync,
    decode,
    name_from_url,
    scope_query,
    service_descriptor,
)
from bridge.facade.streams import first_request
from lxd.api.v1 import operation_pb2, operation_service_pb2
from lxd.api.v1.operation_service_pb2 import (
    GetOperationsRequest,
    GetOperationsResponse,
    GetOperationUUIDsRequest,
    GetOperationUUIDsResponse,
    GetOperationWaitRequest,
    GetOperationWaitResponse,
    GetOperationWebsocketClosed,
    GetOperationWebsocketRequest,
    GetOperationWebsocketResponse,
)

__all__ = ["OperationFacade"]


class OperationFacade(Facade):
    """GET/DELETE /1.0/operations[/<uuid>[/wait]]."""

    service = service_descriptor(operation_service_pb2, "OperationService")

    GetOperation = Get()
    DeleteOperation = Sync()

    async def GetOperationUUIDs(
        self, request: GetOperationUUIDsRequest, call: CallContext
    ) -> GetOperationUUIDsResponse:
        """The UUIDs of all operations, whatever their status."""
        answer = await call.request("GET", "/1.0/operations", query=scope_query(request))
        urls = _by_status(answer.metadata, str)
        return GetOperationUUIDsResponse(uuids=[name_from_url(url) for url in urls])

    async def GetOperations(
        self, request: GetOperationsRequest, call: CallContext
    ) -> GetOperationsResponse:
        """All operations, whatever their status (recursion=1)."""
        query = {**scope_query(request), "recursion": 1}
        answer = await call.request("GET", "/1.0/operations", query=query)
        operations = _by_status(answer.metadata, dict)
        return GetOperationsResponse(
            operations=[decode(operation_pb2.Operation, op) for op in operations]
        )

    async def GetOperationWait(
        self, request: GetOperationWaitRequest, call: CallContext
    ) -> GetOperationWaitResponse:
        """``/wait`` for at most the request's timeout and the time left before the deadline.

        LXD's own ``/wait`` is used rather than the event stream: the operation may have been
        started by anyone, even before this bridge connected.
        """
        self.route("GetOperationWait").path(request)  # refuses a name that is no operation id
        wait = float(request.timeout) if request.HasField("timeout") else None
        if wait is not None and wait < 0:
            wait = None  # LXD's -1: no limit of its own
        budget = call.wait_budget()
        if budget is not None:
            wait = budget if wait is None else min(wait, budget)
        operation = await call.lxd.operations.wait(request.name, wait, raise_on_failure=False)
        return GetOperationWaitResponse(operation=decode(operation_pb2.Operation, operation))

    async def GetOperationWebsocket(
        self, requests: AsyncIterator[GetOperationWebsocketRequest], call: CallContext
    ) -> AsyncIterator[GetOperationWebsocketResponse]:
        """Relay one operation websocket both ways until it closes, then say how it closed.

        Frames from the client are sent by a task of their own, so neither direction waits for
        the other; leaving early (cancel, deadline, error) closes the websocket.
        """
        first, rest = await first_request(requests)
        call = call.scoped(first)
        path = self.route("GetOperationWebsocket").path(first)
        if not first.secret:
            raise InvalidRequest("secret is required", field="secret")
        ws = await call.lxd.connection.websocket(path, query={"secret": first.secret})

        async def send() -> None:
            async for request in rest:
                frame = request.WhichOneof("frame")
                if frame is not None:
                    await ws.send(request.binary if frame == "binary" else request.text)

        pump = asyncio.create_task(send(), name="operation-websocket-input")
        try:
            with contextlib.suppress(ConnectionClosed):
                async for message in ws:
                    if isinstance(message, bytes):
                        yield GetOperationWebsocketResponse(binary=message)
                    else:
                        yield GetOperationWebsocketResponse(text=message)
            if pump.done() and not pump.cancelled() and pump.exception() is not None:
                raise pump.exception()  # type: ignore[misc]
            yield GetOperationWebsocketResponse(
                closed=GetOperationWebsocketClosed(
                    code=ws.close_code if ws.close_code is not None else 1006,
                    reason=ws.close_reason or "",
                )
            )
        finally:
            pump.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await pump
            await ws.close()


def _by_status(metadata: Any, item_type: type) -> list[Any]:
    """Flatten LXD's ``{"<status>": [items]}`` (a null list is empty), in LXD's order."""
    if metadata is None:
        return []
    if not isinstance(metadata, dict):
        raise codec.ConversionError("operations", "expected an object keyed by status from LXD")
    items: list[Any] = []
    for status, group in metadata.items():
        for item in group or ():
            if not isinstance(item, item_type):
                raise codec.ConversionError(
                    f"operations.{status}", f"expected {item_type.__name__} items from LXD"
                )
            items.append(item)
    return items
