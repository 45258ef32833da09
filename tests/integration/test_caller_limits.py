"""Limits per caller (issue 11, item 6): RPCs in flight and open streams are counted per
principal; over a limit is RESOURCE_EXHAUSTED at once, and the other callers are not slowed.
Through real mTLS channels to the real LXD (the certificates of test_identity.py).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import grpc
import pytest

from bridge.caller_limits import CallerLimits
from bridge.cli import build_parser
from bridge.server import BridgeServer, ServerTls, start
from bridge.transport import LxdClient
from lxd.api.v1 import (
    container_service_pb2_grpc,
    event_service_pb2,
    event_service_pb2_grpc,
    server_service_pb2,
    server_service_pb2_grpc,
)
from tests.integration.conftest import error_details
from tests.integration.test_identity import MONITOR_ID, Pki, make_pki

pytestmark = pytest.mark.timeout(60)

ADMIN = "O=ops,CN=admin"


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("limits-pki"))


@pytest.fixture
async def limited(lxd: LxdClient, pki: Pki) -> AsyncIterator[BridgeServer]:
    tls = ServerTls(pki.server.cert, pki.server.key, pki.ca.cert)
    bridge = await start(
        lxd, "127.0.0.1:0", tls=tls, max_inflight_per_caller=3, max_streams_per_caller=2
    )
    yield bridge
    await bridge.stop(grace=0)


async def counted(limits: CallerLimits, who: str, inflight: int) -> None:
    """Wait until the bridge counts ``inflight`` RPCs of ``who`` (the calls reached it)."""
    for _ in range(1000):
        if limits.inflight[who] == inflight:
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"{who} has {limits.inflight[who]} RPCs in flight, not {inflight}")


async def get_server(channel: grpc.aio.Channel) -> grpc.StatusCode:
    stub = server_service_pb2_grpc.ServerServiceStub(channel)
    try:
        await stub.GetServer(server_service_pb2.GetServerRequest(), timeout=10)
    except grpc.aio.AioRpcError as e:
        return e.code()
    return grpc.StatusCode.OK


@pytest.mark.parametrize(
    ("opened", "then", "reason"),
    [
        ("events", "events", "TOO_MANY_STREAMS"),
        ("events", "upload", "TOO_MANY_STREAMS"),
        ("mixed", "get", "TOO_MANY_CALLS"),
    ],
    ids=[
        "a-third-stream-is-refused",
        "an-upload-is-a-stream-too",
        "a-fourth-rpc-in-flight-is-refused",
    ],
)
async def test_over_a_callers_limit_is_resource_exhausted_and_others_are_not_slowed(
    limited: BridgeServer, pki: Pki, opened: str, then: str, reason: str
) -> None:
    limits = limited.caller_limits
    assert limits is not None
    admin = grpc.aio.secure_channel(limited.address, pki.credentials(pki.admin))
    monitor = grpc.aio.secure_channel(limited.address, pki.credentials(pki.monitor))
    held: list[Any] = []
    async with admin, monitor:
        events = event_service_pb2_grpc.EventServiceStub(admin)
        files = container_service_pb2_grpc.ContainerServiceStub(admin)

        def stream(kind: str) -> Any:
            if kind == "events":
                return events.GetEvents(event_service_pb2.GetEventsRequest(), timeout=30)
            # an upload whose first message never comes: in flight, LXD not asked yet
            return files.CreateContainerFile(timeout=30)

        for i, kind in enumerate(["events", "events" if opened == "events" else "upload"]):
            held.append(stream(kind))
            await counted(limits, ADMIN, i + 1)
        if opened == "mixed":  # a third RPC in flight, unary: held by a third open upload
            limits.max_streams = 3
            held.append(stream("upload"))
            await counted(limits, ADMIN, 3)

        try:
            if then == "get":
                server = server_service_pb2_grpc.ServerServiceStub(admin)
                await server.GetServer(server_service_pb2.GetServerRequest(), timeout=10)
            else:
                refused = stream(then)
                if then == "events":
                    await refused.read()
                else:
                    await refused
            raise AssertionError("the call over the limit was served")
        except grpc.aio.AioRpcError as e:
            assert e.code() == grpc.StatusCode.RESOURCE_EXHAUSTED, e.details()
            info = error_details(e).info
            assert info.reason == reason
            assert ADMIN in (e.details() or "")

        # the other caller is served at once, streams included
        assert await get_server(monitor) == grpc.StatusCode.OK
        other = event_service_pb2_grpc.EventServiceStub(monitor).GetEvents(
            event_service_pb2.GetEventsRequest(), timeout=30
        )
        await counted(limits, MONITOR_ID, 1)
        other.cancel()
        for call in held:
            call.cancel()
    await counted(limits, ADMIN, 0)


async def test_a_closed_stream_frees_its_slot(limited: BridgeServer, pki: Pki) -> None:
    limits = limited.caller_limits
    assert limits is not None
    async with grpc.aio.secure_channel(limited.address, pki.credentials(pki.admin)) as admin:
        events = event_service_pb2_grpc.EventServiceStub(admin)
        for _ in range(5):  # more than the limit, one after the other
            call = events.GetEvents(event_service_pb2.GetEventsRequest(), timeout=30)
            await counted(limits, ADMIN, 1)
            call.cancel()
            await counted(limits, ADMIN, 0)
    assert dict(limits.streams) == {}


def test_the_defaults_are_options() -> None:
    opts = build_parser().parse_args(["serve"])
    assert (opts.max_inflight_per_caller, opts.max_streams_per_caller) == (128, 64)
    opts = build_parser().parse_args(
        ["serve", "--max-inflight-per-caller", "5", "--max-streams-per-caller", "2"]
    )
    assert (opts.max_inflight_per_caller, opts.max_streams_per_caller) == (5, 2)
