"""Kinds of RPC that :mod:`bridge.facade.common` does not have (yet), used by several services.

- :class:`GetQuery` and :class:`SyncQuery`: ``Get()`` and ``Sync()`` that also send request
  fields other than ``target``/``project`` as query parameters (``GetImage``'s ``secret``,
  ``DeleteClusterMember``'s ``force``);
- :class:`MaybeAsync`: an LXD call answered either synchronously or with an operation depending
  on the request (``UpdateCluster``: bootstrap/join vs disable; ``CreateStoragePoolVolume``:
  create vs copy; ``RenameStoragePoolVolume``: rename vs move). The response's ``operation`` is
  set only when LXD started one; the request's ``wait`` waits for it as ``Async()`` does.

They follow the same rules as the kinds of common.py (route from the ``google.api.http`` option,
``etag`` as If-Match, scope fields as query parameters) and could move there as they are.
"""

from __future__ import annotations

from typing import Any

from google.protobuf.descriptor import Descriptor, FieldDescriptor
from google.protobuf.message import Message

from bridge.errors import OperationRunning
from bridge.facade.common import (
    Context,
    Facade,
    Get,
    Rpc,
    Sync,
    decode,
    scope_query,
    wait_budget,
)
from bridge.transport import check_final, is_final, operation_id
from bridge.transport.connection import Query
from lxd.api.v1 import operation_pb2

__all__ = ["GetQuery", "MaybeAsync", "SyncQuery", "query_of"]

_OPERATION = "lxd.api.v1.Operation"


def query_of(request: Message, names: tuple[str, ...]) -> Query:
    """``target``/``project`` and the named fields of the request, as query parameters.

    A field is sent only when set: a string when not empty, a bool as ``1`` when true (LXD reads
    ``force=1``), a number when not zero.
    """
    query: dict[str, str | int | bool | None] = dict(scope_query(request))
    for name in names:
        value = getattr(request, name)
        if isinstance(value, bool):
            query[name] = 1 if value else None
        else:
            query[name] = value or None
    return query


def _check_query_fields(rpc: Rpc, request: Descriptor, names: tuple[str, ...]) -> None:
    for name in names:
        field = request.fields_by_name.get(name)
        if field is None or field.message_type is not None or field.is_repeated:
            raise TypeError(
                f"{rpc.method.full_name}: {name!r} is not a scalar field of the request"
            )


def _etag(request: Any) -> str | None:
    if "etag" not in request.DESCRIPTOR.fields_by_name:
        return None
    return str(request.etag) or None


class GetQuery(Get):
    """``Get()`` that also sends the named request fields as query parameters (when set)."""

    def __init__(self, *query: str) -> None:
        self.query = query

    def check(self, request: Descriptor, response: Descriptor) -> None:
        super().check(request, response)
        _check_query_fields(self, request, self.query)

    async def serve(self, facade: Facade, request: Any, context: Context) -> Message:
        """GET the path with the query, read the object, copy the ETag."""
        answer = await facade.request(
            context, "GET", self.route.path(request), query=query_of(request, self.query)
        )
        reply = self.response_cls()
        getattr(reply, self.object_field.name).CopyFrom(decode(self.object_cls, answer.metadata))
        if "etag" in reply.DESCRIPTOR.fields_by_name:
            setattr(reply, "etag", answer.etag or "")  # noqa: B010 - Message has no .etag to type
        return reply


class SyncQuery(Sync):
    """``Sync()`` that also sends the named request fields as query parameters (when set)."""

    def __init__(self, *query: str) -> None:
        self.query = query

    def check(self, request: Descriptor, response: Descriptor) -> None:
        super().check(request, response)
        _check_query_fields(self, request, self.query)

    async def serve(self, facade: Facade, request: Any, context: Context) -> Message:
        """Send the request with the query; LXD's answer has nothing the response holds."""
        await facade.request(
            context,
            self.route.method,
            self.route.path(request),
            json=self.body(facade, request),
            query=query_of(request, self.query),
            etag=_etag(request),
        )
        return self.response_cls()


class MaybeAsync(Rpc):
    """A call LXD answers synchronously or with an operation, depending on the request.

    The response's ``operation`` is set only when LXD started an operation; with the request's
    ``wait`` it is the final operation (a failed one is an error, one still running at the
    deadline is DEADLINE_EXCEEDED, as for ``Async()``). The wait uses LXD's ``/wait``: the
    operation is known to have started only once LXD has answered, and LXD keeps an ended
    operation for 5 seconds, so it cannot be missed.
    """

    def check(self, request: Descriptor, response: Descriptor) -> None:
        operation: FieldDescriptor | None = response.fields_by_name.get("operation")
        if operation is None or operation.message_type is None:
            raise self._fail("the response needs `Operation operation`")
        if operation.message_type.full_name != _OPERATION:
            raise self._fail("`operation` must be an lxd.api.v1.Operation")
        if "wait" not in request.fields_by_name:
            raise self._fail("the request needs `bool wait`")

    async def serve(self, facade: Facade, request: Any, context: Context) -> Message:
        """Send the request; if LXD started an operation, return it (waited for if asked)."""
        answer = await facade.request(
            context,
            self.route.method,
            self.route.path(request),
            json=self.body(facade, request),
            query=scope_query(request),
            etag=_etag(request),
        )
        reply = self.response_cls()
        if answer.kind != "async" or not isinstance(answer.metadata, dict):
            return reply
        operation = answer.metadata
        if request.wait:
            if not is_final(operation):
                operation = await facade.lxd.operations.wait(
                    operation_id(operation), wait_budget(context), raise_on_failure=False
                )
                if not is_final(operation):
                    raise OperationRunning(operation)
            check_final(operation)  # a failed operation is an error status
        getattr(reply, "operation").CopyFrom(  # noqa: B009 - Message has no .operation to type
            decode(operation_pb2.Operation, operation)
        )
        return reply
