"""Handler wiring: a grpc method handler per RPC, requests parsed and checked, errors turned
into statuses (:mod:`bridge.facade.status`), unary replies checked against the send limit."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from collections.abc import AsyncIterable, AsyncIterator, Awaitable, Callable
from typing import Any, NoReturn, TypeVar, cast

import grpc
from google.protobuf import message_factory
from google.protobuf.descriptor import (
    Descriptor,
    FieldDescriptor,
    MethodDescriptor,
    ServiceDescriptor,
)
from google.protobuf.message import DecodeError, Message

from bridge.errors import InvalidRequest, LimitExceeded
from bridge.facade.context import CallContext, Context
from bridge.facade.status import grpc_status

__all__ = ["MAX_MESSAGE_SIZE", "method_handler", "parse_request", "reply_size_check"]

_log = logging.getLogger(__name__)

M = TypeVar("M", bound=Message)

#: Makes the call context of one call: the grpc context and the (unary) request, ``None`` for a
#: request stream (the project is then in its first message: ``CallContext.scoped``).
CallMaker = Callable[[Context, Message | None], CallContext]

#: gRPC's default message size limit (4 MiB), the bridge's default both ways: every gRPC
#: library's clients receive at most this unless told otherwise (docs/security.md).
MAX_MESSAGE_SIZE = 4 * 1024 * 1024

#: How many of the largest objects a REPLY_TOO_LARGE status names.
_LARGEST_NAMED = 3


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
    # Only the fields that can hold text are read (_text_fields): a bytes payload (stdin, a
    # file's content) is never copied out of the message to be looked at.
    for field in _text_fields(cast(Descriptor, message.DESCRIPTOR)):
        name = prefix + field.name
        if field.message_type is not None and field.message_type.GetOptions().map_entry:
            value_field = field.message_type.fields_by_name["value"]
            for key, item in getattr(message, field.name).items():
                if isinstance(key, str):
                    _refuse_nul_in(key, name, "a key")
                item_name = f"{name}[{key!r}]".replace("'", '"')
                if value_field.message_type is not None:
                    _refuse_nul(item, item_name + ".")
                elif isinstance(item, str):
                    _refuse_nul_in(item, item_name, "the value")
        elif field.is_repeated:
            for item in getattr(message, field.name):
                if field.message_type is not None:
                    _refuse_nul(item, name + ".")
                else:
                    _refuse_nul_in(item, name, "the value")
        elif field.message_type is not None:
            if message.HasField(field.name):
                _refuse_nul(getattr(message, field.name), name + ".")
        else:
            _refuse_nul_in(getattr(message, field.name), name, "the value")


_TEXT_FIELDS: dict[Descriptor, tuple[FieldDescriptor, ...]] = {}
_VISITING: set[Descriptor] = set()


def _text_fields(descriptor: Descriptor) -> tuple[FieldDescriptor, ...]:
    """The fields of ``descriptor`` that are strings or lead to one (messages and maps holding
    strings, at any depth), computed once per message type."""
    known = _TEXT_FIELDS.get(descriptor)
    if known is None:
        _VISITING.add(descriptor)
        try:
            known = tuple(
                f
                for f in descriptor.fields
                if f.type == FieldDescriptor.TYPE_STRING
                or (f.message_type is not None and _holds_text(f.message_type))
            )
        finally:
            _VISITING.discard(descriptor)
        _TEXT_FIELDS[descriptor] = known
    return known


def _holds_text(descriptor: Descriptor) -> bool:
    if descriptor in _VISITING:
        return True  # a message that contains itself: looked into when reached
    if descriptor.GetOptions().map_entry:
        key, value = descriptor.fields_by_name["key"], descriptor.fields_by_name["value"]
        return FieldDescriptor.TYPE_STRING in (key.type, value.type) or (
            value.message_type is not None and _holds_text(value.message_type)
        )
    return bool(_text_fields(descriptor))


def _refuse_nul_in(text: str, field: str, what: str) -> None:
    at = text.find("\x00")
    if at >= 0:
        raise InvalidRequest(
            f"{field}: {what} contains NUL (U+0000) at position {at}, which LXD would cut there",
            field=field,
        )


def method_handler(
    method: MethodDescriptor,
    behaviour: Callable[[Any, CallContext], Any],
    make_call: CallMaker,
    check_size: Callable[[Message], None],
) -> grpc.RpcMethodHandler[Any, Any]:
    """A grpc method handler of the right cardinality: ``behaviour(request, call)`` gets the
    parsed request and the call context (``make_call``); errors become statuses and unary
    replies are checked against the send limit (``check_size``)."""
    request_cls = message_factory.GetMessageClass(method.input_type)
    response_cls = message_factory.GetMessageClass(method.output_type)
    # Requests arrive as bytes and are parsed inside the handler's try (parse_request), so that
    # a request that cannot be parsed is INVALID_ARGUMENT, not grpc's UNKNOWN "Unexpected
    # <class DecodeError>".
    options: dict[str, Any] = {"response_serializer": _serializer(response_cls)}

    async def called(request: Any, context: Context) -> Any:
        if method.client_streaming:
            requests: Any = _parse_each(request_cls, request)
            call = make_call(context, None)
        else:
            requests = parse_request(request_cls, request)
            call = make_call(context, requests)
        # After a transport failure the daemon may be another version, or family, now: its
        # GET /1.0 is read again before the call builds paths, headers and bodies for it.
        await call.lxd.refresh_if_stale()
        return behaviour(requests, call)

    if method.server_streaming:

        async def stream(request: Any, context: Context) -> None:
            # Written here rather than yielded to grpc, so that a write the call no longer takes
            # (the client cancelled, or its deadline passed) is a cancellation we see, and the
            # generator (with the LXD connection it holds) is closed at once.
            try:
                async with contextlib.aclosing(await called(request, context)) as items:
                    write = context.write
                    async for item in items:
                        try:
                            await write(item)
                        except grpc.aio.InternalError as e:  # as _gone_is_cancelled says
                            _client_gone(e)
            except Exception as e:
                await _abort(context, e)

        if method.client_streaming:
            return grpc.stream_stream_rpc_method_handler(stream, **options)
        return grpc.unary_stream_rpc_method_handler(stream, **options)

    async def unary(request: Any, context: Context) -> Message:
        try:
            reply = cast(Message, await (await called(request, context)))
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


def _serializer(response_cls: type[Message]) -> Callable[[Any], bytes]:
    """The response serializer of a method: a message is serialized; ``bytes`` are a response
    the handler serialized itself (once for many streams: GetEvents) and go out as they are."""
    serialize = response_cls.SerializeToString

    def serialized(reply: Any) -> bytes:
        return reply if type(reply) is bytes else serialize(reply)

    return serialized


def _client_gone(error: grpc.aio.InternalError) -> NoReturn:
    """End the handler as cancelled: the client has gone (see :func:`_gone_is_cancelled`)."""
    _log.debug("the client has gone (cancelled or past its deadline): %s", error)
    raise asyncio.CancelledError from None


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
        _client_gone(e)
