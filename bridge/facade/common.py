"""The machinery shared by the servicers: one RPC = request -> LXD call -> codec -> reply.

A servicer is a :class:`Facade` subclass naming its gRPC service and saying, per RPC, which kind
of LXD call it is::

    class ContainerFacade(Facade):
        service = service_descriptor(container_service_pb2, "ContainerService")

        GetContainerNames = ListNames()
        GetContainer = Get()
        UpdateContainer = Async()
        PatchContainer = Patch()

Everything else comes from the descriptors (docs/facade.md has the conventions): the HTTP method,
path and body field from the RPC's ``google.api.http`` option, the path variables, ``target`` and
``project`` query parameters, ``etag``, ``update_mask`` and ``wait`` from the request's fields, the
object, list and ``operation`` fields from the response's. An RPC that fits no kind is an ``async
def`` method of the servicer using the helpers here (see operations.py). A servicer that misses an
RPC of its service, or whose kind does not fit the messages, fails when its class is defined.

Errors are turned into gRPC statuses in one place (:func:`bridge.facade.status.grpc_status`).
The RPC deadline bounds every LXD call (the HTTP timeout is the time left) and every operation
wait; a cancelled RPC cancels the HTTP request in flight (the handler task is cancelled).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import inspect
import logging
import re
from collections.abc import AsyncIterable, AsyncIterator, Awaitable, Callable, Mapping
from typing import Any, ClassVar, NoReturn, TypeVar, cast
from urllib.parse import unquote

import grpc
from google.api import annotations_pb2, http_pb2
from google.protobuf import message_factory
from google.protobuf.descriptor import (
    Descriptor,
    FieldDescriptor,
    FileDescriptor,
    MethodDescriptor,
    ServiceDescriptor,
)
from google.protobuf.field_mask_pb2 import FieldMask
from google.protobuf.message import DecodeError, Message

from bridge import codec
from bridge.codec.plan import Kind, plan_for
from bridge.errors import InvalidRequest, LimitExceeded, OperationRunning, clip
from bridge.facade.status import grpc_status
from bridge.transport import (
    JsonObject,
    LxdClient,
    LxdResponse,
    check_final,
    is_final,
    operation_id,
)
from bridge.transport.connection import Query
from bridge.transport.paths import segment
from lxd.api.v1 import operation_pb2

__all__ = [
    "MAX_MESSAGE_SIZE",
    "Async",
    "Context",
    "Facade",
    "Get",
    "ListNames",
    "ListObjects",
    "MaybeAsync",
    "Patch",
    "Route",
    "Rpc",
    "Sync",
    "decode",
    "encode",
    "header_value",
    "name_from_url",
    "parse_request",
    "patch_body",
    "query_of",
    "remaining",
    "reply_size_check",
    "scope_query",
    "service_descriptor",
    "wait_budget",
]

_log = logging.getLogger(__name__)

M = TypeVar("M", bound=Message)

#: A servicer context of any request and response type.
Context = grpc.aio.ServicerContext[Any, Any]

#: Request fields sent as query parameters, when not empty, wherever a request has them.
SCOPE_FIELDS = ("target", "project")

#: Part of the time left kept for sending the reply after an operation wait: the reply must reach
#: the client before its own deadline fires, or it would see a bare DEADLINE_EXCEEDED instead of
#: the still running operation. A tenth of the time left, at most this many seconds.
REPLY_RESERVE = 0.5

#: gRPC's default message size limit (4 MiB), the bridge's default both ways: every gRPC
#: library's clients receive at most this unless told otherwise (docs/security.md).
MAX_MESSAGE_SIZE = 4 * 1024 * 1024

#: How many of the largest objects a REPLY_TOO_LARGE status names.
_LARGEST_NAMED = 3

_PATH_VARIABLE = re.compile(r"\{([a-z_][a-z0-9_.]*)\}")
_OPERATION = "lxd.api.v1.Operation"


def service_descriptor(module: Any, name: str) -> ServiceDescriptor:
    """The descriptor of service ``name`` of a generated ``*_service_pb2`` module."""
    file = cast(FileDescriptor, module.DESCRIPTOR)
    return file.services_by_name[name]


def name_from_url(url: str) -> str:
    """The name at the end of an LXD URL: ``/1.0/instances/c/snapshots/s%201?project=p`` -> ``s 1``.

    The last path segment, after cutting the query and URL-unescaping, so ``/1.0/containers/``,
    ``/1.0/instances/`` and ``/1.0/virtual-machines/`` (LXD 3.18+) all give the same name.
    """
    path = url.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    return unquote(path.rsplit("/", 1)[-1])


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


class Route:
    """LXD's method, path template and body field, from an RPC's ``google.api.http`` option.

    An ``additional_bindings`` entry with the same method and more path variables is a narrower
    path LXD also serves (``/volumes/{type}`` beside ``/volumes``): :meth:`path` takes it when the
    request sets all its variables. Other additional bindings only document what LXD serves.
    """

    def __init__(self, method: MethodDescriptor) -> None:
        options: Any = method.GetOptions()  # typeshed cannot type a generated extension
        rule = cast(http_pb2.HttpRule, options.Extensions[annotations_pb2.http])
        pattern = rule.WhichOneof("pattern")
        if pattern is None or pattern == "custom":
            raise TypeError(f"{method.full_name} has no google.api.http get/put/post/patch/delete")
        self.method = pattern.upper()
        self.template: str = getattr(rule, pattern)
        self.body = rule.body
        self.variables = _PATH_VARIABLE.findall(self.template)
        self.narrower: list[tuple[str, list[str]]] = []
        for binding in rule.additional_bindings:
            kind = binding.WhichOneof("pattern")
            template = getattr(binding, kind) if kind else ""
            variables = _PATH_VARIABLE.findall(template)
            if kind == pattern and len(variables) > len(self.variables):
                self.narrower.append((template, variables))
        for name in [*self.variables, *(v for _, vs in self.narrower for v in vs)]:
            _field_path(method.input_type, name, method.full_name)
        if self.body and self.body not in method.input_type.fields_by_name:
            raise TypeError(f"{method.full_name}: {self.body!r} is not a field of the request")

    def path(self, request: Message) -> str:
        """The path with the request's fields in it, each one segment (bridge.transport.paths:
        empty, ``.``, ``..`` and control characters are refused, ``/`` is escaped)."""
        for template, variables in self.narrower:
            if all(str(_field_value(request, name)) for name in variables):
                return _PATH_VARIABLE.sub(lambda m: _escaped(request, m.group(1)), template)
        return _PATH_VARIABLE.sub(lambda m: _escaped(request, m.group(1)), self.template)


@functools.cache
def _route_of(method: MethodDescriptor) -> Route:
    return Route(method)


def _field_path(message: Descriptor, name: str, rpc: str) -> None:
    """Check that a path variable (``pool``, ``volume.type``) names a scalar of the request."""
    current: Descriptor | None = message
    for part in name.split("."):
        field = current.fields_by_name.get(part) if current is not None else None
        if field is None:
            raise TypeError(f"{rpc}: {name!r} is not a field of the request")
        current = field.message_type


def _field_value(request: Message, name: str) -> Any:
    value: Any = request
    for part in name.split("."):
        value = getattr(value, part)
    return value


def _escaped(request: Message, name: str) -> str:
    return segment(str(_field_value(request, name)), name)


def scope_query(request: Message) -> dict[str, str | int | bool | None]:
    """``target`` and ``project`` of the request, as query parameters, when set."""
    fields = request.DESCRIPTOR.fields_by_name
    return {name: getattr(request, name) or None for name in SCOPE_FIELDS if name in fields}


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


def _field(message: Message | Descriptor, name: str) -> FieldDescriptor | None:
    descriptor = message if isinstance(message, Descriptor) else message.DESCRIPTOR
    return cast(FieldDescriptor | None, descriptor.fields_by_name.get(name))


def _etag(request: Any) -> str | None:
    """The request's ``etag`` (sent as If-Match), if it has one and it is set."""
    if _field(request, "etag") is None:
        return None
    return header_value(cast(str, request.etag), "etag") or None


#: What an HTTP header value may not hold: control characters other than TAB (RFC 9110 5.5).
_HEADER_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


def header_value(value: str, field: str) -> str:
    """``value``, to be sent as an HTTP header: CR, LF, NUL and other controls are refused
    (INVALID_ARGUMENT naming ``field``) rather than left to the HTTP client to fail on."""
    if match := _HEADER_CONTROL.search(value):
        raise InvalidRequest(
            f"{field} contains the control character U+{ord(match.group()):04X} "
            f"at position {match.start()}",
            field=field,
        )
    return value


def parse_request(message_type: type[M], data: bytes) -> M:
    """The request message from its bytes, checked: INVALID_ARGUMENT if it cannot be parsed
    (e.g. nested past protobuf's depth limit) or if any string in it holds NUL.

    NUL is refused everywhere, not only in names: LXD's Go JSON would carry ``\\u0000``, but
    names, config keys and values, paths and arguments end up in C (liblxc, the kernel, SQLite's
    C API), which cuts them at the NUL, so the request would act on something else
    (``PatchContainer("r1\\x00")`` changed ``r1``).
    """
    try:
        message = message_type.FromString(data)
    except DecodeError as e:
        raise InvalidRequest(f"the request cannot be parsed as {message_type.__name__}: {e}") from e
    if b"\x00" in data:  # a NUL in a string is a 0x00 byte on the wire: most requests have none
        _refuse_nul(message, "")
    return message


def _refuse_nul(message: Message, prefix: str) -> None:
    for field, value in message.ListFields():
        name = prefix + field.name
        if field.message_type is not None and field.message_type.GetOptions().map_entry:
            value_field = field.message_type.fields_by_name["value"]
            for key, item in value.items():
                if isinstance(key, str):
                    _refuse_nul_in(key, name, "a key")
                item_name = f"{name}[{key!r}]".replace("'", '"')
                if value_field.message_type is not None:
                    _refuse_nul(item, item_name + ".")
                elif isinstance(item, str):
                    _refuse_nul_in(item, item_name, "the value")
        elif field.message_type is not None:
            for item in value if field.is_repeated else [value]:
                _refuse_nul(item, name + ".")
        elif field.type == FieldDescriptor.TYPE_STRING:
            for item in value if field.is_repeated else [value]:
                _refuse_nul_in(item, name, "the value")


def _refuse_nul_in(text: str, field: str, what: str) -> None:
    at = text.find("\x00")
    if at >= 0:
        raise InvalidRequest(
            f"{field}: {what} contains NUL (U+0000) at position {at}, which LXD would cut there",
            field=field,
        )


def patch_body(put: Message, mask: FieldMask, dialect: codec.Dialect, *, field: str) -> JsonObject:
    """The JSON body of a PATCH: exactly the fields of ``put`` named in ``mask``.

    Fields are named by their proto name (top level only). A masked field is sent as the codec
    writes it for the dialect, except that an empty list or map is sent as ``[]`` or ``{}``
    rather than null, since that is what a client means by masking it (LXD: ``profiles: []``
    removes them all, null keeps them). A masked field the dialect has no key for, or an empty
    omitempty one, is left out, as Go would. Raises InvalidRequest for an empty mask or a name
    that is not a field.
    """
    if not mask.paths:
        raise InvalidRequest(
            "update_mask is empty: name the fields to send (a field left out is left alone)",
            field="update_mask",
        )
    plan = plan_for(put.DESCRIPTOR)
    full = encode(put, dialect, field=field)
    body: JsonObject = {}
    for path in mask.paths:
        fp = plan.by_name.get(path)
        if fp is None:
            known = ", ".join(plan.by_name)
            raise InvalidRequest(
                f"update_mask: {clip(path)!r} is not a field of {put.DESCRIPTOR.name} ({known})",
                field="update_mask",
            )
        if not fp.written_in(dialect):
            continue
        key = fp.key_in(dialect)
        value = full.get(key)
        if value is None and fp.kind in _EMPTY_VALUES:
            value = _EMPTY_VALUES[fp.kind]()
        if value is not None or key in full:
            body[key] = value
    return body


#: What an empty list or map (a Go slice, map or map[string]interface{}) is sent as in a PATCH.
_EMPTY_VALUES: dict[Kind, Callable[[], Any]] = {Kind.LIST: list, Kind.MAP: dict, Kind.STRUCT: dict}


def encode(message: Message, dialect: codec.Dialect, *, field: str) -> JsonObject:
    """LXD JSON for a message the client sent; a value LXD JSON cannot carry is InvalidRequest."""
    try:
        return codec.to_json(message, dialect)
    except codec.ConversionError as e:
        raise InvalidRequest(f"{field}: {e}", field=field) from e


def decode(message_type: type[M], payload: Any) -> M:
    """Read LXD's JSON into a message (a failure is INTERNAL: LXD sent it).

    Keys no field reads are kept out of the message and counted in ``codec.UNKNOWN_KEYS``; the
    first time a key turns up it is logged, since it means LXD has grown a field this schema
    lacks.
    """
    before = len(codec.UNKNOWN_KEYS)
    message = cast(M, codec.from_json(message_type, payload))
    if len(codec.UNKNOWN_KEYS) != before:
        new = list(codec.UNKNOWN_KEYS)[before:]  # a Counter keeps insertion order
        _log.warning("LXD sent keys the schema does not have (dropped): %s", ", ".join(new))
    return message


# -- the facade base ---------------------------------------------------------------------------


class Facade:
    """Base of the servicers: one subclass per gRPC service, holding the LXD client.

    Subclasses set :attr:`service` and give every RPC of it either an :class:`Rpc` (a kind of
    LXD call) or an ``async def Name(self, request, context)`` method.
    """

    #: The gRPC service this class serves.
    service: ClassVar[ServiceDescriptor]

    def __init__(self, lxd: LxdClient, *, max_reply_size: int = MAX_MESSAGE_SIZE) -> None:
        self.lxd = lxd
        #: Largest unary reply sent (the server's grpc.max_send_message_length); a larger one is
        #: RESOURCE_EXHAUSTED naming the largest objects in it (:func:`reply_size_check`).
        self.max_reply_size = max_reply_size

    def route(self, rpc: str) -> Route:
        """The route of one of this service's RPCs, read from its http rule once."""
        return _route_of(self.service.methods_by_name[rpc])

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "service" not in cls.__dict__:
            return
        names = {method.name for method in cls.service.methods}
        for method in cls.service.methods:
            handler = getattr(cls, method.name, None)
            if isinstance(handler, Rpc):
                handler.bind(method)
            elif not (inspect.iscoroutinefunction(handler) or inspect.isasyncgenfunction(handler)):
                raise TypeError(f"{cls.__name__} does not implement {method.full_name}")
        for name, value in vars(cls).items():
            if isinstance(value, Rpc) and name not in names:
                raise TypeError(f"{cls.__name__}.{name} is not an RPC of {cls.service.full_name}")

    def generic_handler(self) -> grpc.GenericRpcHandler:
        """The gRPC handler of every RPC of the service, errors mapped to statuses."""
        handlers: dict[str, grpc.RpcMethodHandler[Any, Any]] = {}
        for method in self.service.methods:
            attribute = getattr(type(self), method.name)
            behaviour: Callable[..., Any] = (
                functools.partial(attribute.serve, self)
                if isinstance(attribute, Rpc)
                else getattr(self, method.name)
            )
            handlers[method.name] = _method_handler(
                method, behaviour, reply_size_check(self.service, method, self.max_reply_size)
            )
        return grpc.method_handlers_generic_handler(self.service.full_name, handlers)

    # -- helpers for the RPCs ------------------------------------------------------------------

    @property
    def dialect(self) -> codec.Dialect:
        """The connected server's JSON dialect (from its ``GET /1.0``)."""
        return self.lxd.dialect

    async def request(
        self,
        context: Context,
        method: str,
        path: str,
        *,
        json: Any = None,
        query: Query | None = None,
        etag: str | None = None,
    ) -> LxdResponse:
        """One LXD request, bounded by the RPC deadline."""
        return await self.lxd.request(
            method, path, json=json, query=query, etag=etag, timeout=remaining(context)
        )

    async def operation(
        self,
        context: Context,
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
        (the operation goes on in LXD).
        """
        started = await self.lxd.operations.start(
            method,
            path,
            json=json,
            query=query,
            etag=etag,
            headers=headers,
            content=content,
            timeout=remaining(context),
            watch=wait,
        )
        if not wait:
            return started.current
        async with started:
            current = await started.wait(wait_budget(context))
        if not is_final(current):
            raise OperationRunning(current)
        return current


def _method_handler(
    method: MethodDescriptor,
    behaviour: Callable[..., Any],
    check_size: Callable[[Message], None],
) -> grpc.RpcMethodHandler[Any, Any]:
    """A grpc method handler of the right cardinality, with errors turned into statuses and
    unary replies checked against the send limit (``check_size``)."""
    request_cls = message_factory.GetMessageClass(method.input_type)
    response_cls = message_factory.GetMessageClass(method.output_type)
    # Requests arrive as bytes and are parsed inside the handler's try (parse_request), so that
    # a request that cannot be parsed is INVALID_ARGUMENT, not grpc's UNKNOWN "Unexpected
    # <class DecodeError>".
    options: dict[str, Any] = {"response_serializer": response_cls.SerializeToString}

    def parsed(request: Any) -> Any:
        if method.client_streaming:
            return _parse_each(request_cls, request)
        return parse_request(request_cls, request)

    if method.server_streaming:

        async def stream(request: Any, context: Context) -> None:
            # Written here rather than yielded to grpc, so that a write the call no longer takes
            # (the client cancelled, or its deadline passed) is a cancellation we see, and the
            # generator (with the LXD connection it holds) is closed at once.
            try:
                async with contextlib.aclosing(behaviour(parsed(request), context)) as items:
                    async for item in items:
                        await _gone_is_cancelled(context.write(item))
            except Exception as e:
                await _abort(context, e)

        if method.client_streaming:
            return grpc.stream_stream_rpc_method_handler(stream, **options)
        return grpc.unary_stream_rpc_method_handler(stream, **options)

    async def unary(request: Any, context: Context) -> Message:
        try:
            reply = cast(Message, await behaviour(parsed(request), context))
            check_size(reply)
            return reply
        except Exception as e:
            await _abort(context, e)

    if method.client_streaming:
        return grpc.stream_unary_rpc_method_handler(unary, **options)
    return grpc.unary_unary_rpc_method_handler(unary, **options)


def reply_size_check(
    service: ServiceDescriptor, method: MethodDescriptor, limit: int
) -> Callable[[Message], None]:
    """A check that raises LimitExceeded (RESOURCE_EXHAUSTED) for a reply of ``method`` larger
    than ``limit`` bytes, instead of letting gRPC fail the send with a bare message.

    LXD does not page and the bridge keeps no state between calls, so the status says what is
    big and how to get it anyway: the largest objects of the reply by serialized size, the RPC
    listing only names (GetContainerNames) plus the RPC getting one object (GetContainer), and
    a larger client receive limit together with ``--max-send-message-size``.
    """
    singular = re.sub(r"s(Full)?$", "", method.name)
    names_rpc = next(
        (
            singular + suffix
            for suffix in ("Names", "Fingerprints")
            if singular + suffix in service.methods_by_name
        ),
        None,
    )
    get_rpc = singular if singular in service.methods_by_name and singular != method.name else None

    def check(reply: Message) -> None:
        size = reply.ByteSize()  # computed, not serialized: cheap next to sending the reply
        if size <= limit:
            return
        largest = sorted(_objects(reply), key=lambda item: item[1], reverse=True)
        named = ", ".join(f"{name} ({n} bytes)" for name, n in largest[:_LARGEST_NAMED])
        ways = []
        if names_rpc and get_rpc:
            ways.append(f"list the names with {names_rpc} and get each with {get_rpc}")
        ways.append(
            f"or raise the client's receive limit (grpc.max_receive_message_length) and the "
            f"bridge's --max-send-message-size above {size} bytes"
        )
        raise LimitExceeded(
            f"the {method.name} reply is {size} bytes, over the bridge's send limit of {limit} "
            f"bytes; largest: {named or 'none'}; {' '.join(ways)}",
            reason="REPLY_TOO_LARGE",
            option="--max-send-message-size",
            limit=limit,
        )

    return check


def _objects(reply: Message) -> list[tuple[str, int]]:
    """The messages of a reply, by name and serialized size: each item of its repeated message
    fields and each of its message fields (an object is named by its name, fingerprint or id)."""
    found: list[tuple[str, int]] = []
    for field, value in reply.ListFields():
        if field.message_type is None or field.message_type.GetOptions().map_entry:
            continue
        items = list(value) if field.is_repeated else [value]
        for index, item in enumerate(items):
            label = next(
                (
                    str(getattr(item, key))
                    for key in ("name", "fingerprint", "id")
                    if key in item.DESCRIPTOR.fields_by_name and getattr(item, key)
                ),
                f"{field.name}[{index}]" if field.is_repeated else field.name,
            )
            found.append((label, item.ByteSize()))
    return found


async def _parse_each(message_type: type[M], requests: AsyncIterable[bytes]) -> AsyncIterator[M]:
    async for data in requests:
        yield parse_request(message_type, data)


async def _abort(context: Context, error: Exception) -> NoReturn:
    """End the RPC with the status for ``error`` (an abort already under way passes through)."""
    if isinstance(error, grpc.aio.AbortError):
        raise error
    status = grpc_status(error)
    _log.debug("RPC failed: %s: %s", status.code.name, status.details, exc_info=error)
    await _gone_is_cancelled(context.abort(status.code, status.details, status.trailing_metadata))
    raise AssertionError("context.abort returned")  # it always raises


async def _gone_is_cancelled(sending: Awaitable[None]) -> None:
    """Send, and when the call takes nothing more because the client has gone (cancelled, or
    its deadline passed: gRPC core fails the batch) end the handler as cancelled.

    grpc logs a failed batch at ERROR with a traceback unless it has already seen the cancel,
    which races with the send; a client leaving is normal, so this logs one debug line, and
    grpc logs a cancelled handler at debug too.
    """
    try:
        await sending
    except grpc.aio.InternalError as e:  # cygrpc's ExecuteBatchError
        _log.debug("the client has gone (cancelled or past its deadline): %s", e)
        raise asyncio.CancelledError from None


# -- the kinds of RPC --------------------------------------------------------------------------


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
        self.route = Route(method)
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

    def body(self, facade: Facade, request: Any) -> JsonObject | None:
        """The JSON body: the request field named by the route's ``body``, in the dialect."""
        if not self.route.body:
            return None
        return encode(getattr(request, self.route.body), facade.dialect, field=self.route.body)

    def serve(self, facade: Facade, request: Any, context: Context) -> Awaitable[Message]:
        """Serve one call."""
        raise NotImplementedError


class Get(Rpc):
    """GET one object: the response's one message field (other than ``etag``) and its ETag."""

    object_field: FieldDescriptor
    object_cls: type[Message]

    def __init__(self, *query: str) -> None:
        self.query_fields = query

    def check(self, request: Descriptor, response: Descriptor) -> None:
        objects = [f for f in response.fields if f.name != "etag"]
        if len(objects) != 1 or objects[0].message_type is None or objects[0].is_repeated:
            raise self._fail("the response needs exactly one message field besides etag")
        self.object_field = objects[0]
        self.object_cls = message_factory.GetMessageClass(objects[0].message_type)

    async def serve(self, facade: Facade, request: Any, context: Context) -> Message:
        """GET the path, read the object, copy the ETag."""
        answer = await facade.request(
            context, "GET", self.route.path(request), query=self.query(request)
        )
        reply = self.response_cls()
        value = decode(self.object_cls, answer.metadata)
        getattr(reply, self.object_field.name).CopyFrom(value)
        if _field(reply, "etag") is not None:
            setattr(reply, "etag", answer.etag or "")  # noqa: B010 - Message has no .etag to type
        return reply


class ListNames(Rpc):
    """GET a list of URLs (recursion 0): the response's ``names``, one per URL.

    ``urls=False`` for the few lists that hold bare names (template files), taken as they are.
    """

    def __init__(self, *, urls: bool = True) -> None:
        self.urls = urls

    def check(self, request: Descriptor, response: Descriptor) -> None:
        names = _field(response, "names")
        if names is None or not names.is_repeated or names.type != FieldDescriptor.TYPE_STRING:
            raise self._fail("the response needs `repeated string names`")

    async def serve(self, facade: Facade, request: Any, context: Context) -> Message:
        """GET the path and take a name from each entry."""
        answer = await facade.request(
            context, "GET", self.route.path(request), query=self.query(request)
        )
        entries = _string_list(answer.metadata)
        reply = self.response_cls()
        getattr(reply, "names").extend(  # noqa: B009 - Message has no .names to type
            name_from_url(e) if self.urls else e for e in entries
        )
        return reply


class ListObjects(Rpc):
    """GET a list of objects (``recursion``, default 1): the response's one repeated field."""

    objects_field: FieldDescriptor
    item_cls: type[Message]

    def __init__(self, *, recursion: int = 1) -> None:
        self.recursion = recursion

    def check(self, request: Descriptor, response: Descriptor) -> None:
        fields = list(response.fields)
        if len(fields) != 1 or not fields[0].is_repeated or fields[0].message_type is None:
            raise self._fail("the response needs exactly one repeated message field")
        self.objects_field = fields[0]
        self.item_cls = message_factory.GetMessageClass(fields[0].message_type)

    async def serve(self, facade: Facade, request: Any, context: Context) -> Message:
        """GET the path with recursion and read each object."""
        query = {**self.query(request), "recursion": self.recursion}
        answer = await facade.request(context, "GET", self.route.path(request), query=query)
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

    async def serve(self, facade: Facade, request: Any, context: Context) -> Message:
        """Send the request; LXD's answer has nothing the response holds (yet)."""
        await facade.request(
            context,
            self.route.method,
            self.route.path(request),
            json=self.body(facade, request),
            query=self.query(request),
            etag=_etag(request),
        )
        return self.response_cls()


class Patch(Sync):
    """A PATCH: only the fields of the body named in the request's ``update_mask`` are sent."""

    def check(self, request: Descriptor, response: Descriptor) -> None:
        mask = _field(request, "update_mask")
        if mask is None or mask.message_type is None:
            raise self._fail("the request needs `google.protobuf.FieldMask update_mask`")
        if mask.message_type.full_name != "google.protobuf.FieldMask":
            raise self._fail("update_mask must be a google.protobuf.FieldMask")
        if not self.route.body or self.route.method != "PATCH":
            raise self._fail("the route must be a patch with a body")

    def body(self, facade: Facade, request: Any) -> JsonObject | None:
        """The masked fields of the body field (see :func:`patch_body`)."""
        mask = cast(FieldMask, request.update_mask)
        put = getattr(request, self.route.body)
        return patch_body(put, mask, facade.dialect, field=self.route.body)


class Async(Rpc):
    """An LXD call answered with an operation: the response's ``operation``.

    With the request's ``wait`` the RPC returns the final operation (see Facade.operation).
    """

    def check(self, request: Descriptor, response: Descriptor) -> None:
        operation = _field(response, "operation")
        if operation is None or operation.message_type is None:
            raise self._fail("the response needs `Operation operation`")
        if operation.message_type.full_name != _OPERATION:
            raise self._fail("`operation` must be an lxd.api.v1.Operation")
        if _field(request, "wait") is None:
            raise self._fail("the request needs `bool wait`")

    async def serve(self, facade: Facade, request: Any, context: Context) -> Message:
        """Start the operation, wait for it if asked, return it."""
        operation = await facade.operation(
            context,
            self.route.method,
            self.route.path(request),
            wait=bool(request.wait),
            json=self.body(facade, request),
            query=self.query(request),
            etag=_etag(request),
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
        operation: FieldDescriptor | None = _field(response, "operation")
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


def _string_list(metadata: Any) -> list[str]:
    """A list of strings from LXD (null is Go's nil slice)."""
    if metadata is None:
        return []
    if not isinstance(metadata, list) or not all(isinstance(e, str) for e in metadata):
        raise codec.ConversionError("[]string", "expected a list of strings from LXD")
    return metadata
