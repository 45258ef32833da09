"""The dialect is per server: one bridge in front of an LXD 5.0 and an Incus 6.0 (each on its
unix socket) answers each call in the dialect of the server the call names."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import grpc
import pytest

from bridge.server import start
from bridge.servers import ServerSelector, ServerSpec
from lxd.api.v1 import server_service_pb2
from lxd.api.v1.server_service_pb2_grpc import ServerServiceStub
from tests.conftest import LxdSandbox
from tests.integration.servers.conftest import on

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
async def mixed(
    lxd_sandbox: LxdSandbox, incus_sandbox: LxdSandbox, tmp_path: Path
) -> AsyncIterator[grpc.aio.Channel]:
    specs = [
        ServerSpec("lxd", f"unix://{lxd_sandbox.socket}"),
        ServerSpec("incus", f"unix://{incus_sandbox.socket}"),
    ]
    selector = await ServerSelector.open(specs)
    bridge = await start(
        selector.default.client,
        f"unix:{tmp_path / 'bridge.sock'}",
        resolver=selector,
        servers=selector.clients(),
    )
    try:
        async with grpc.aio.insecure_channel(bridge.address) as channel:
            yield channel
    finally:
        await bridge.stop(grace=1)
        await selector.aclose()


async def test_each_server_is_answered_in_its_own_dialect(
    mixed: grpc.aio.Channel, incus_sandbox: LxdSandbox
) -> None:
    stub = ServerServiceStub(mixed)
    request = server_service_pb2.GetServerRequest()
    lxd = await stub.GetServer(request, metadata=on("lxd"), timeout=30)
    incus = await stub.GetServer(request, metadata=on("incus"), timeout=30)
    assert lxd.server.environment.server == "lxd"
    assert incus.server.environment.server == "incus"
    assert incus.server.environment.server_version == incus_sandbox.lxd_version
