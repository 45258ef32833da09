"""GetEvents fan-out: many subscribers of one hub, against the sandbox LXD through a real channel.

The server here is a real grpc.aio server with the real EventFacade on its own LxdClient (so the
test can read its hubs and set its queue bound), not the session's bridge.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import grpc
import pytest

from bridge.facade import events as events_facade
from bridge.facade.events import EventFacade
from bridge.transport import LxdClient
from lxd.api.v1.event_service_pb2 import GetEventsRequest, GetEventsResponse
from lxd.api.v1.event_service_pb2_grpc import EventServiceStub
from tests.conftest import LxdSandbox, make_unique_name
from tests.integration.support import OP_TIMEOUT

pytestmark = pytest.mark.timeout(180)

LIFECYCLE = GetEventsRequest(types=["lifecycle"])


@dataclass
class EventServer:
    """A grpc.aio server with one EventFacade, its LXD client and a channel to it."""

    facade: EventFacade
    lxd: LxdClient
    address: str


@pytest.fixture
async def event_server(daemon: LxdSandbox, tmp_path: Path) -> AsyncIterator[EventServer]:
    """The EventFacade alone, served on a unix socket of its own."""
    async with await LxdClient.open(f"unix://{daemon.socket}") as lxd:
        facade = EventFacade(lxd)
        server = grpc.aio.server()
        server.add_generic_rpc_handlers([facade.generic_handler()])
        address = f"unix:{tmp_path / 'events.sock'}"
        server.add_insecure_port(address)
        await server.start()
        try:
            yield EventServer(facade, lxd, address)
        finally:
            await server.stop(None)


@pytest.fixture
async def container(event_server: EventServer) -> AsyncIterator[str]:
    """An empty container (no image) whose config the tests PATCH, deleted afterwards."""
    name = make_unique_name("evf")
    body = {"name": name, "source": {"type": "none"}}
    await event_server.lxd.operations.run("POST", "/1.0/containers", json=body, timeout=OP_TIMEOUT)
    try:
        yield name
    finally:
        await event_server.lxd.operations.run(
            "DELETE", f"/1.0/containers/{name}", timeout=OP_TIMEOUT
        )


async def patch(lxd: LxdClient, name: str, seq: int) -> None:
    """One lifecycle event: ``container-updated`` (LXD 5.0: ``instance-updated``)."""
    await lxd.request("PATCH", f"/1.0/containers/{name}", json={"config": {"user.seq": str(seq)}})


def updates_of(name: str, seen: list[GetEventsResponse]) -> list[GetEventsResponse]:
    """The update events of container ``name`` among ``seen``."""
    return [
        r
        for r in seen
        if r.lifecycle.action.endswith("-updated") and r.lifecycle.source.endswith(name)
    ]


async def read_updates(call: Any, name: str, count: int) -> list[GetEventsResponse]:
    """Read ``call`` until it has had ``count`` updates of ``name``."""
    seen: list[GetEventsResponse] = []
    async with asyncio.timeout(OP_TIMEOUT):
        while len(updates_of(name, seen)) < count:
            seen.append(await call.read())
    return updates_of(name, seen)


async def test_each_event_is_built_once_for_all_its_subscribers(
    event_server: EventServer, container: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[str | bytes] = []
    real = events_facade.event_response

    def counting(event: dict[str, Any], frame: str | bytes) -> GetEventsResponse:
        built.append(frame)
        return real(event, frame)

    monkeypatch.setattr(events_facade, "event_response", counting)
    subscribers, updates = 3, 5
    async with grpc.aio.insecure_channel(event_server.address) as channel:
        stub = EventServiceStub(channel)
        calls = [stub.GetEvents(LIFECYCLE) for _ in range(subscribers)]
        try:
            for call in calls:
                await call.initial_metadata()  # subscribed
            for seq in range(updates):
                await patch(event_server.lxd, container, seq)
            seen = [await read_updates(call, container, updates) for call in calls]
        finally:
            for call in calls:
                call.cancel()
    # Every subscriber got the same events, in the same order ...
    assert all(s == seen[0] for s in seen)
    assert len(seen[0]) == updates
    # ... and each was turned into a response once, not once per subscriber.
    assert len(built) == len(set(built))
    assert len(built) >= updates


async def test_a_slow_subscriber_ends_with_resource_exhausted_and_the_others_get_everything(
    event_server: EventServer, container: str
) -> None:
    event_server.facade.max_pending = 4
    # No BDP probing: the slow subscriber's window stays at 64 KiB, so the bridge's writes to it
    # block soon and its queue fills.
    slow_channel = grpc.aio.insecure_channel(
        event_server.address, options=[("grpc.http2.bdp_probe", 0)]
    )
    async with slow_channel, grpc.aio.insecure_channel(event_server.address) as fast_channel:
        slow = EventServiceStub(slow_channel).GetEvents(LIFECYCLE)
        fast = EventServiceStub(fast_channel).GetEvents(LIFECYCLE)
        await slow.initial_metadata()
        await fast.initial_metadata()
        (hub,) = event_server.lxd.events.hubs.values()
        assert hub.subscribers == 2
        sent = 0
        try:
            # The slow one reads nothing; the hub drops it once 4 events wait for it.
            while hub.subscribers == 2:
                assert sent < 3000, "the slow subscriber was never dropped"
                await patch(event_server.lxd, container, sent)
                sent += 1
            for _ in range(3):  # the others go on: the hub still serves them
                await patch(event_server.lxd, container, sent)
                sent += 1
            got = await read_updates(fast, container, sent)
            with pytest.raises(grpc.aio.AioRpcError) as ended:
                while True:  # what was already sent, then the end (never a silent one)
                    assert await slow.read() is not grpc.aio.EOF
        finally:
            slow.cancel()
            fast.cancel()
    assert len(got) == sent
    stamps = [r.event.timestamp.ToNanoseconds() for r in got]
    assert stamps == sorted(stamps)
    assert ended.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
    assert "fell 4 behind" in (ended.value.details() or "")
