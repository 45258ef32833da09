"""Fixtures for the facade tests: the real bridge, in-process, in front of the sandbox LXD.

`bridge` starts the gRPC server once per session with an LXD client on the sandbox's unix socket;
it listens, as by default, on a unix socket (in a temporary directory) with the owner, group and
mode of LXD's socket. `channel` is a real grpc.aio channel to it. The stub fixtures are what the
tests call. `proxied_channel` reaches a second bridge whose LXD client
goes through `proxy`, which records every request LXD gets (recording_proxy.py).
`error_details` unpacks the google.rpc.Status of a failed RPC.

`daemon` is the server family the facade tests run against, a session fixture parametrized over
the families named in LXD_BRIDGE_DAEMONS (comma-separated, ids "lxd" and "incus"; default below):
every test that reaches the bridge through `channel` runs once per family, not copied. Tests
that read the daemon directly use `daemon` (the sandbox of the current family), not
`lxd_sandbox`, unless they are about LXD alone.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import grpc
import pytest
from google.protobuf.message import Message
from google.rpc import error_details_pb2, status_pb2

from bridge.server import BridgeServer, start
from bridge.transport import LxdClient
from lxd.api.v1 import (
    container_service_pb2_grpc,
    instance_service_pb2_grpc,
    operation_pb2,
    operation_service_pb2_grpc,
    server_service_pb2_grpc,
)
from tests.conftest import LxdSandbox
from tests.integration.recording_proxy import RecordingProxy, recording_proxy

_DETAILS_KEY = "grpc-status-details-bin"

#: The server families the facade tests run against (the `daemon` fixture's params).
DAEMONS = [
    d.strip() for d in os.environ.get("LXD_BRIDGE_DAEMONS", "lxd,incus").split(",") if d.strip()
]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A module about the bridge itself rather than the daemon (its server, metrics, connection
    caps) says so with ``pytestmark = pytest.mark.families("lxd")``: its variants for the other
    families are deselected (pytest reports them as such), which keeps the suite's time down."""
    keep, drop = [], []
    for item in items:
        marker = item.get_closest_marker("families")
        family = getattr(getattr(item, "callspec", None), "params", {}).get("daemon")
        (drop if marker and family and family not in marker.args else keep).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


@pytest.fixture(scope="session", params=DAEMONS)
def daemon(request: pytest.FixtureRequest) -> LxdSandbox:
    """The sandbox daemon of this run's family: LXD 5.0 (`lxd`) or Incus 6.0 (`incus`)."""
    if request.param not in ("lxd", "incus"):
        pytest.fail(f"LXD_BRIDGE_DAEMONS: unknown family {request.param!r} (lxd, incus)")
    sandbox: LxdSandbox = request.getfixturevalue(f"{request.param}_sandbox")
    return sandbox


@pytest.fixture(scope="session")
async def lxd(daemon: LxdSandbox) -> AsyncIterator[LxdClient]:
    """The bridge's own client of the daemon, on the sandbox's unix socket."""
    async with await LxdClient.open(f"unix://{daemon.socket}") as client:
        yield client


@pytest.fixture(scope="session")
async def bridge(
    lxd: LxdClient, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[BridgeServer]:
    """The bridge server, started in-process on a unix socket of its own."""
    server = await start(lxd, f"unix:{tmp_path_factory.mktemp('bridge') / 'bridge.sock'}")
    try:
        yield server
    finally:
        await server.stop(grace=1)


@pytest.fixture(scope="session")
async def channel(bridge: BridgeServer) -> AsyncIterator[grpc.aio.Channel]:
    """A real gRPC channel to the bridge."""
    async with grpc.aio.insecure_channel(bridge.address) as chan:
        yield chan


@pytest.fixture(scope="session")
async def proxy(lxd_sandbox: LxdSandbox) -> AsyncIterator[RecordingProxy]:
    """The recording proxy in front of the sandbox LXD (LXD alone: its tests are about what the
    bridge's HTTP layer sends, escaping and refusals, which the family does not change; where
    Incus's paths differ, tests/test_dialect.py and the [incus] facade tests cover them)."""
    async with recording_proxy(lxd_sandbox.socket) as running:
        yield running


@pytest.fixture(scope="session")
async def proxied_bridge(
    proxy: RecordingProxy, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[BridgeServer]:
    """A bridge whose LXD client goes through the proxy (its health check left out of it)."""
    listen = f"unix:{tmp_path_factory.mktemp('proxied-bridge') / 'bridge.sock'}"
    async with await LxdClient.open(f"unix://{proxy.socket}") as client:
        server = await start(client, listen, health_interval=3600)
        try:
            yield server
        finally:
            await server.stop(grace=1)


@pytest.fixture(scope="session")
async def proxied_channel(proxied_bridge: BridgeServer) -> AsyncIterator[grpc.aio.Channel]:
    """A gRPC channel to the proxied bridge."""
    async with grpc.aio.insecure_channel(proxied_bridge.address) as channel:
        yield channel


@pytest.fixture(scope="session")
def containers(channel: grpc.aio.Channel) -> container_service_pb2_grpc.ContainerServiceStub:
    """ContainerService client."""
    return container_service_pb2_grpc.ContainerServiceStub(channel)


@pytest.fixture(scope="session")
def instances(channel: grpc.aio.Channel) -> instance_service_pb2_grpc.InstanceServiceStub:
    """InstanceService client."""
    return instance_service_pb2_grpc.InstanceServiceStub(channel)


@pytest.fixture(scope="session")
def operations(channel: grpc.aio.Channel) -> operation_service_pb2_grpc.OperationServiceStub:
    """OperationService client."""
    return operation_service_pb2_grpc.OperationServiceStub(channel)


@pytest.fixture(scope="session")
def server(channel: grpc.aio.Channel) -> server_service_pb2_grpc.ServerServiceStub:
    """ServerService client."""
    return server_service_pb2_grpc.ServerServiceStub(channel)


@dataclass
class ErrorDetails:
    """What a failed RPC carried: its google.rpc.Status, ErrorInfo and Operation, if any."""

    status: status_pb2.Status
    info: error_details_pb2.ErrorInfo
    operation: operation_pb2.Operation | None = None
    others: list[Message] = field(default_factory=list)


def error_details(error: grpc.aio.AioRpcError) -> ErrorDetails:
    """Unpack the rich status of a failed RPC (fails the test if there is none)."""
    raw = [v for k, v in error.trailing_metadata() or () if k == _DETAILS_KEY]
    assert raw, f"no {_DETAILS_KEY} on {error.code()}: {error.details()}"
    status = status_pb2.Status.FromString(raw[0])
    assert status.code == error.code().value[0]
    assert status.message == error.details()
    info = error_details_pb2.ErrorInfo()
    operation = None
    others: list[Message] = []
    for detail in status.details:
        if detail.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
            detail.Unpack(info)
        elif detail.Is(operation_pb2.Operation.DESCRIPTOR):
            operation = operation_pb2.Operation()
            detail.Unpack(operation)
        else:
            other = error_details_pb2.BadRequest()
            detail.Unpack(other)
            others.append(other)
    assert info.domain == "lxd", "every status carries an ErrorInfo of domain lxd"
    return ErrorDetails(status, info, operation, others)
