"""The kinds of RPC: how one RPC becomes one LXD call, bound when a servicer class is defined.

Each kind reads what it needs from the descriptors (docs/facade.md); at call time it gets the
request and the :class:`~bridge.facade.context.CallContext` (upstream, project, deadline).
"""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Any, cast

from google.protobuf import message_factory
from google.protobuf.descriptor import Descriptor, FieldDescriptor, MethodDescriptor
from google.protobuf.field_mask_pb2 import FieldMask
from google.protobuf.message import Message

from bridge import codec
from bridge.errors import OperationRunning
from bridge.facade.bodies import decode, encode, patch_body, string_list
from bridge.facade.context import CallContext
from bridge.facade.routes import (
    Route,
    etag_of,
    field_of,
    name_from_url,
    query_of,
    route_of,
    scope_query,
)
from bridge.transport import JsonObject, check_final, is_final, operation_id
from bridge.transport.connection import Query
from lxd.api.v1 import operation_pb2

__all__ = ["Async", "Get", "ListNames", "ListObjects", "MaybeAsync", "Patch", "Rpc", "Sync"]

_OPERATION = "lxd.api.v1.Operation"


class Rpc:
    """One kind of LXD call, bound to an RPC when its servicer class is defined.

    ``query_fields`` names request fields sent as query parameters besides ``target`` and
    ``project`` (``Get("secret")``, ``Sync("force")``; see :func:`query_of`).
    """

    route: Route
    method: MethodDescriptor
    response_cls: type[Message]
    query_fields: tuple[str, ...] = ()

    def bind(self, method: MethodDescriptor) -> None:
        """Read the RPC's route and messages; raise TypeError if this kind does not fit them."""
        self.method = method
        self.route = route_of(method)
        self.response_cls = message_factory.GetMessageClass(method.output_type)
        for name in self.query_fields:
            field = method.input_type.fields_by_name.get(name)
            if field is None or field.message_type is not None or field.is_repeated:
                raise self._fail(f"{name!r} is not a scalar field of the request")
        self.check(method.input_type, method.output_type)

    def query(self, request: Message) -> Query:
        """The query parameters of a call: the scope fields and ``query_fields``."""
        return query_of(request, self.query_fields)

    def check(self, request: Descriptor, response: Descriptor) -> None:
        """Raise TypeError if the messages do not have what this kind reads and writes."""

    def _fail(self, why: str) -> TypeError:
        return TypeError(f"{self.method.full_name} cannot be {type(self).__name__}(): {why}")

    def body(self, call: CallContext, request: Any) -> JsonObject | None:
        """The JSON body: the request field named by the route's ``body``, in the dialect."""
        if not self.route.body:
            return None
        return encode(getattr(request, self.route.body), call.dialect, field=self.route.body)

    def serve(self, request: Any, call: CallContext) -> Awaitable[Message]:
        """Serve one call."""
        raise NotImplementedError


class Get(Rpc):
    """GET one object: the response's one message field (other than ``etag``) and its ETag.

    ``recursion`` asks LXD for the object with more in it (an instance with its state,
    snapshots and backups: ``Get(recursion=1)``).
    """

    object_field: FieldDescriptor
    object_cls: type[Message]

    def __init__(self, *query: str, recursion: int | None = None) -> None:
        self.query_fields = query
        self.recursion = recursion

    def query(self, request: Message) -> Query:
        """The query parameters, with ``recursion`` when the kind was given one."""
        query = super().query(request)
        return query if self.recursion is None else {**query, "recursion": self.recursion}

    def check(self, request: Descriptor, response: Descriptor) -> None:
        objects = [f for f in response.fields if f.name != "etag"]
        if len(objects) != 1 or objects[0].message_type is None or objects[0].is_repeated:
            raise self._fail("the response needs exactly one message field besides etag")
        self.object_field = objects[0]
        self.object_cls = message_factory.GetMessageClass(objects[0].message_type)

    async def serve(self, request: Any, call: CallContext) -> Message:
        """GET the path, read the object, copy the ETag."""
        answer = await call.request("GET", self.route.path(request), query=self.query(request))
        reply = self.response_cls()
        value = decode(self.object_cls, answer.metadata)
        getattr(reply, self.object_field.name).CopyFrom(value)
        if field_of(reply, "etag") is not None:
            setattr(reply, "etag", answer.etag or "")  # noqa: B010 - Message has no .etag to type
        return reply


class ListNames(Rpc):
    """GET a list of URLs (recursion 0): the response's ``names``, one per URL.

    ``query`` names request fields sent as query parameters (as for every kind);
    ``urls=False`` is for the few lists that hold bare names (template files), taken as they are.
    """

    def __init__(self, *query: str, urls: bool = True) -> None:
        self.query_fields = query
        self.urls = urls

    def check(self, request: Descriptor, response: Descriptor) -> None:
        names = field_of(response, "names")
        if names is None or not names.is_repeated or names.type != FieldDescriptor.TYPE_STRING:
            raise self._fail("the response needs `repeated string names`")

    async def serve(self, request: Any, call: CallContext) -> Message:
        """GET the path and take a name from each entry."""
        answer = await call.request("GET", self.route.path(request), query=self.query(request))
        entries = string_list(answer.metadata)
        reply = self.response_cls()
        getattr(reply, "names").extend(  # noqa: B009 - Message has no .names to type
            name_from_url(e) if self.urls else e for e in entries
        )
        return reply


class ListObjects(Rpc):
    """GET a list of objects (``recursion``, default 1): the response's one repeated field."""

    objects_field: FieldDescriptor
    item_cls: type[Message]

    def __init__(self, *query: str, recursion: int = 1) -> None:
        self.query_fields = query
        self.recursion = recursion

    def check(self, request: Descriptor, response: Descriptor) -> None:
        fields = list(response.fields)
        if len(fields) != 1 or not fields[0].is_repeated or fields[0].message_type is None:
            raise self._fail("the response needs exactly one repeated message field")
        self.objects_field = fields[0]
        self.item_cls = message_factory.GetMessageClass(fields[0].message_type)

    async def serve(self, request: Any, call: CallContext) -> Message:
        """GET the path with recursion and read each object."""
        query = {**self.query(request), "recursion": self.recursion}
        answer = await call.request("GET", self.route.path(request), query=query)
        items = answer.metadata if answer.metadata is not None else []  # Go: a nil slice
        if not isinstance(items, list):
            raise codec.ConversionError(self.method.name, "expected a list from LXD")
        reply = self.response_cls()
        getattr(reply, self.objects_field.name).extend(decode(self.item_cls, i) for i in items)
        return reply


class Sync(Rpc):
    """A synchronous LXD call (PUT, POST, DELETE): body and ``etag`` sent, nothing read back."""

    def __init__(self, *query: str) -> None:
        self.query_fields = query

    async def serve(self, request: Any, call: CallContext) -> Message:
        """Send the request; LXD's answer has nothing the response holds (yet)."""
        await call.request(
            self.route.method,
            self.route.path(request),
            json=self.body(call, request),
            query=self.query(request),
            etag=etag_of(request),
        )
        return self.response_cls()


class Patch(Sync):
    """A PATCH: only the fields of the body named in the request's ``update_mask`` are sent."""

    def check(self, request: Descriptor, response: Descriptor) -> None:
        mask = field_of(request, "update_mask")
        if mask is None or mask.message_type is None:
            raise self._fail("the request needs `google.protobuf.FieldMask update_mask`")
        if mask.message_type.full_name != "google.protobuf.FieldMask":
            raise self._fail("update_mask must be a google.protobuf.FieldMask")
        if not self.route.body or self.route.method != "PATCH":
            raise self._fail("the route must be a patch with a body")

    def body(self, call: CallContext, request: Any) -> JsonObject | None:
        """The masked fields of the body field (see :func:`patch_body`)."""
        mask = cast(FieldMask, request.update_mask)
        put = getattr(request, self.route.body)
        return patch_body(put, mask, call.dialect, field=self.route.body)


class Async(Rpc):
    """An LXD call answered with an operation: the response's ``operation``.

    With the request's ``wait`` the RPC returns the final operation (see CallContext.operation).
    """

    def check(self, request: Descriptor, response: Descriptor) -> None:
        operation = field_of(response, "operation")
        if operation is None or operation.message_type is None:
            raise self._fail("the response needs `Operation operation`")
        if operation.message_type.full_name != _OPERATION:
            raise self._fail("`operation` must be an lxd.api.v1.Operation")
        if field_of(request, "wait") is None:
            raise self._fail("the request needs `bool wait`")

    async def serve(self, request: Any, call: CallContext) -> Message:
        """Start the operation, wait for it if asked, return it."""
        operation = await call.operation(
            self.route.method,
            self.route.path(request),
            wait=bool(request.wait),
            json=self.body(call, request),
            query=self.query(request),
            etag=etag_of(request),
        )
        reply = self.response_cls()
        getattr(reply, "operation").CopyFrom(  # noqa: B009 - Message has no .operation to type
            decode(operation_pb2.Operation, operation)
        )
        return reply


class MaybeAsync(Rpc):
    """A call LXD answers synchronously or with an operation, depending on the request.

    The response's ``operation`` is set only when LXD started an operation; with the request's
    ``wait`` it is the final operation (a failed one is an error, one still running at the
    deadline is DEADLINE_EXCEEDED, as for ``Async()``). The wait uses LXD's ``/wait``: the
    operation is known to have started only once LXD has answered, and LXD keeps an ended
    operation for 5 seconds, so it cannot be missed.
    """

    def check(self, request: Descriptor, response: Descriptor) -> None:
        operation: FieldDescriptor | None = field_of(response, "operation")
        if operation is None or operation.message_type is None:
            raise self._fail("the response needs `Operation operation`")
        if operation.message_type.full_name != _OPERATION:
            raise self._fail("`operation` must be an lxd.api.v1.Operation")
        if "wait" not in request.fields_by_name:
            raise self._fail("the request needs `bool wait`")

    async def serve(self, request: Any, call: CallContext) -> Message:
        """Send the request; if LXD started an operation, return it (waited for if asked)."""
        answer = await call.request(
            self.route.method,
            self.route.path(request),
            json=self.body(call, request),
            query=scope_query(request),
            etag=etag_of(request),
        )
        reply = self.response_cls()
        if answer.kind != "async" or not isinstance(answer.metadata, dict):
            return reply
        operation = answer.metadata
        if request.wait:
            if not is_final(operation):
                operation = await call.lxd.operations.wait(
                    operation_id(operation), call.wait_budget(), raise_on_failure=False
                )
                if not is_final(operation):
                    raise OperationRunning(operation)
            check_final(operation)  # a failed operation is an error status
        getattr(reply, "operation").CopyFrom(  # noqa: B009 - Message has no .operation to type
            decode(operation_pb2.Operation, operation)
        )
        return reply
