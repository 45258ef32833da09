"""Pure parts of the streaming RPCs (no LXD): the event metadata span, the multipart reader."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import orjson
import pytest

from bridge.facade import events as events_facade
from bridge.facade.events import TYPED_VIEWS, SharedResponses, metadata_span
from bridge.facade.handlers import method_handler
from bridge.facade.image_streams import multipart_parts
from bridge.transport import EVENT_TYPES, websocket
from lxd.api.v1 import event_service_pb2
from lxd.api.v1.event_service_pb2 import GetEventsResponse

RECORDED = Path(__file__).parent / "testdata" / "lxd-5.0"


def test_metadata_span_is_the_exact_text() -> None:
    frame = '{"metadata": {"a": [1, 2.50, "x\\u00e9}"], "b": {}} ,"timestamp":"t","type":"x"}'
    assert metadata_span(frame) == b'{"a": [1, 2.50, "x\\u00e9}"], "b": {}}'
    assert metadata_span('{"type":"x","metadata":null}') == b"null"
    assert metadata_span(b'{"type":"x","metadata":"\xc3\xa9"}') == '"é"'.encode()
    assert metadata_span('{"type":"x"}') is None
    assert metadata_span("[1]") is None
    assert metadata_span('{"metadata": ') is None


async def _pieces(data: bytes, size: int) -> AsyncIterator[bytes]:
    for i in range(0, len(data), size):
        yield data[i : i + size]


@pytest.mark.parametrize("piece", [1, 7, 64, 100_000])
async def test_multipart_reader_whatever_the_chunking(piece: int) -> None:
    boundary = b"b0undary"
    a, b = b"\r\n--b0und" * 50 + b"A" * 3000, b"B" * 70_000
    body = (
        b"preamble\r\n--b0undary\r\n"
        b'Content-Disposition: form-data; name="metadata"; filename="meta.tar"\r\n\r\n'
        + a
        + b"\r\n--b0undary\r\n"
        b'Content-Disposition: form-data; name="rootfs"; filename="root.sqfs"\r\n'
        b"Content-Type: application/octet-stream\r\n\r\n" + b + b"\r\n--b0undary--\r\n"
    )
    got: dict[str, list[tuple[str | None, bytes]]] = {}
    async for name, filename, data in multipart_parts(_pieces(body, piece), boundary, size=4096):
        got.setdefault(name, []).append((filename, data))
        assert len(data) <= 4096 + len(boundary) + 4
    assert list(got) == ["metadata", "rootfs"]
    assert b"".join(d for _, d in got["metadata"]) == a
    assert b"".join(d for _, d in got["rootfs"]) == b
    assert got["metadata"][0][0] == "meta.tar" and got["rootfs"][0][0] == "root.sqfs"
    assert all(f is None for f, _ in got["metadata"][1:] + got["rootfs"][1:])


def test_every_event_type_the_filter_accepts_has_a_typed_view() -> None:
    # One table of types (the transport's); the facade's views must cover exactly those.
    assert set(TYPED_VIEWS) == EVENT_TYPES


def test_an_events_response_is_built_and_serialized_once_for_all_subscribers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """LXD's recorded lifecycle event, asked for by three subscribers: one response built, one
    serialization, and all three get the same bytes (not three messages grpc would serialize)."""
    frame = (RECORDED / "GET_1.0_events.lifecycle.instance-created.json").read_bytes().strip()
    event = orjson.loads(frame)
    built: list[GetEventsResponse] = []
    real = events_facade.event_response

    def counting(event: dict[str, object], frame: str | bytes) -> GetEventsResponse:
        built.append(real(event, frame))
        return built[-1]

    monkeypatch.setattr(events_facade, "event_response", counting)
    shared = SharedResponses()
    replies = [shared.get(event, frame) for _ in range(3)]
    assert len(built) == 1
    assert all(type(r) is bytes and r is replies[0] for r in replies)
    reply = GetEventsResponse.FromString(replies[0])
    assert reply == built[0]
    assert reply.lifecycle.action == "instance-created"
    assert reply.event.metadata == metadata_span(frame)


def test_a_method_sends_bytes_its_handler_serialized_as_they_are() -> None:
    """The serializer grpc gets: a message is serialized, bytes (a response serialized once for
    many streams) go out unchanged."""
    method = event_service_pb2.DESCRIPTOR.services_by_name["EventService"].methods_by_name[
        "GetEvents"
    ]
    handler = method_handler(method, lambda request, call: None, lambda ctx, req: None, print)
    serialize = handler.response_serializer
    assert serialize is not None
    message = GetEventsResponse(event={"type": "lifecycle", "project": "default"})
    assert serialize(message) == message.SerializeToString()
    assert serialize(message.SerializeToString()) == message.SerializeToString()


class _PacedWebsocket:
    """A websocket that hands over one 4 KiB frame per turn of the event loop, then LXD's
    end-of-stream marker: the pace of a command's bulk output, without the timing of a daemon
    (how many frames LXD sends per millisecond depends on the host's load; see
    test_bulk_output_leaves_in_large_messages)."""

    def __init__(self, frames: int) -> None:
        self.frames = frames

    async def recv(self) -> bytes | str:
        await asyncio.sleep(0)
        if not self.frames:
            return ""
        self.frames -= 1
        return bytes(4096)


async def test_bulk_output_is_joined_over_the_wait_for_more(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """After a 4 KiB frame the join waits once for more (websocket.LINGER, lengthened here so
    that a loaded host cannot steal the wait): 256 frames arriving one per loop turn leave in a
    few large chunks. Without the wait each chunk holds what happened to be waiting, a frame or
    two."""
    monkeypatch.setattr(websocket, "LINGER", 0.05)
    frames = 256
    data = {0: _PacedWebsocket(0), 1: _PacedWebsocket(frames), 2: _PacedWebsocket(0)}
    session = websocket.ExecSession(
        None,  # type: ignore[arg-type]  # output() reads no operation
        None,  # type: ignore[arg-type]  # nor the control websocket
        data,  # type: ignore[arg-type]
        interactive=False,
    )
    sizes = [len(chunk) async for fd, chunk in session.output(coalesce=256 * 1024) if fd == 1]
    assert sum(sizes) == frames * 4096
    assert len(sizes) <= frames // 16, sizes
