"""What the streaming RPCs share (docs/streams.md): chunk sizes, message limits, first requests,
uploads fed from a client stream, downloads cut in chunks, and aborting with a rich status.

Memory stays bounded because nothing is read whole: a download reads LXD's body one chunk at a
time and yields it to gRPC, whose flow control holds the next read back until the client takes
it; an upload hands LXD (aiohttp) an async iterator over the client's messages, read only as fast
as LXD takes the body.
"""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator
from typing import Any, NoReturn, TypeVar

import grpc
from google.protobuf.message import Message

from bridge.errors import InvalidRequest
from bridge.facade.common import MAX_MESSAGE_SIZE, Context
from bridge.facade.status import status_of
from bridge.transport import RawResponse

__all__ = [
    "CHUNK_SIZE",
    "MAX_CLIENT_CHUNK",
    "MAX_MESSAGE_SIZE",
    "Upload",
    "abort",
    "chunks",
    "first_request",
]

M = TypeVar("M", bound=Message)

#: Largest byte chunk the bridge sends in a response (file, log, backup and image downloads). Big
#: enough that per-message overhead is small next to the copy, small enough that a slow client
#: holds little: at most a few chunks per stream are in the bridge at once.
CHUNK_SIZE = 256 * 1024

#: Largest chunk a client should send (docs/streams.md recommends 64 KiB to 1 MiB).
MAX_CLIENT_CHUNK = 1024 * 1024


async def abort(context: Context, code: grpc.StatusCode, reason: str, message: str) -> NoReturn:
    """End the RPC with ``code`` and a google.rpc.Status carrying an ErrorInfo (domain lxd)."""
    status = status_of(code, reason, message)
    await context.abort(status.code, status.details, status.trailing_metadata)


async def first_request(requests: AsyncIterable[M], field: str | None = None) -> tuple[M, Any]:
    """The first message of a client stream and the iterator over the rest.

    With ``field``, the first message's oneof must hold that field (else INVALID_ARGUMENT).
    """
    iterator = aiter(requests)
    try:
        first = await anext(iterator)
    except StopAsyncIteration:
        raise InvalidRequest("the request stream is empty: send the first request") from None
    if field is not None:
        oneof = first.DESCRIPTOR.fields_by_name[field].containing_oneof
        held = first.WhichOneof(oneof.name) if oneof is not None else field
        if held != field:
            raise InvalidRequest(f"the first request must carry `{field}`", field=field)
    return first, iterator


async def chunks(raw: RawResponse, size: int = CHUNK_SIZE) -> AsyncIterator[bytes]:
    """LXD's raw body in chunks of at most ``size`` bytes, read as they are asked for."""
    async for chunk in raw.aiter_bytes(size):
        if chunk:
            yield chunk


class Upload:
    """The ``data`` of a client stream's messages, as an async iterator of bytes for LXD.

    The first message (already read) comes first. Only ``data`` is read from the later ones;
    :attr:`size` counts the bytes handed over.
    """

    def __init__(self, first: Message, rest: AsyncIterator[Any], field: str = "data") -> None:
        self._first: Message | None = first
        self._rest = rest
        self._field = field
        self.size = 0

    def __aiter__(self) -> AsyncIterator[bytes]:
        return self._chunks()

    async def _chunks(self) -> AsyncIterator[bytes]:
        if self._first is not None:
            first, self._first = self._first, None
            data: bytes = getattr(first, self._field)
            if data:
                self.size += len(data)
                yield data
        async for message in self._rest:
            data = getattr(message, self._field)
            if data:
                self.size += len(data)
                yield data
