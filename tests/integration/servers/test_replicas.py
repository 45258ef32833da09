"""Bridges as interchangeable replicas (issue 14, item 4): two `lxd-grpc-bridge serve` processes
in front of the same servers (a `--servers` file of s1 and s2).

- A client with a round-robin channel over both starts an operation through one replica and
  reads it, cancels it, waits for it and sees its events through the other. Which replica served
  each call is read from each replica's own Prometheus counters, not assumed.
- `--max-connection-age`: behind an L4 balancer (a TCP proxy here, as a Kubernetes Service is),
  a client's connection to an old replica is aged out, and its next calls reach the new replica
  the balancer now sends new connections to; a stream open on the old connection goes on within
  the grace and still gets its events. No call fails on the way.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import socket
import subprocess
import sys
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path

import grpc
import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from lxd.api.v1 import event_service_pb2, image_service_pb2, operation_service_pb2
from lxd.api.v1 import server_service_pb2 as server_pb
from lxd.api.v1.event_service_pb2_grpc import EventServiceStub
from lxd.api.v1.image_service_pb2_grpc import ImageServiceStub
from lxd.api.v1.operation_service_pb2_grpc import OperationServiceStub
from lxd.api.v1.server_service_pb2_grpc import ServerServiceStub
from lxd.api.v1.status_code_pb2 import STATUS_CODE_CANCELLED, STATUS_CODE_RUNNING
from tests.conftest import REPO, LxdGroup
from tests.integration.servers.conftest import servers_file

pytestmark = pytest.mark.timeout(120)


#: A probe dials while the replica starts: retry every 0.1 s, not after grpc's 1 s, 2 s, ...
QUICK_RECONNECT = [
    ("grpc.initial_reconnect_backoff_ms", 100),
    ("grpc.max_reconnect_backoff_ms", 200),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Replica:
    """A bridge process: where it serves gRPC and its metrics."""

    name: str
    address: str
    metrics: str

    async def count(self, method: str) -> float:
        """How many calls of ``method`` this replica has started (its own counter)."""
        async with httpx.AsyncClient() as client:
            text = (await client.get(self.metrics, timeout=10)).text
        for family in text_string_to_metric_families(text):
            if family.name == "grpc_server_started":
                for sample in family.samples:
                    if sample.name.endswith("_total") and sample.labels["grpc_method"] == method:
                        return sample.value
        return 0.0


@contextlib.asynccontextmanager
async def replica(name: str, servers: Path, log: Path, *flags: str) -> AsyncIterator[Replica]:
    """`lxd-grpc-bridge serve --servers FILE` on a loopback port (insecure: a test), with
    metrics; stopped with SIGTERM afterwards."""
    port, metrics_port = free_port(), free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("LXD_GRPC_BRIDGE_")}
    with log.open("wb") as stderr:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bridge", "serve", "--servers", str(servers),
            "--listen", f"127.0.0.1:{port}", "--insecure",
            "--metrics-listen", f"127.0.0.1:{metrics_port}", *flags,
            cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=stderr,
        )  # fmt: skip
    try:
        address = f"127.0.0.1:{port}"
        async with grpc.aio.insecure_channel(address, options=QUICK_RECONNECT) as probe:
            await asyncio.wait_for(probe.channel_ready(), 30)
        yield Replica(name, address, f"http://127.0.0.1:{metrics_port}/metrics")
    finally:
        if process.returncode is None:
            process.terminate()
            try:
                await asyncio.wait_for(process.wait(), 20)
            except TimeoutError:
                process.kill()
                await process.wait()


@pytest.fixture(scope="module")
def servers_toml(lxd_servers: LxdGroup, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return servers_file(lxd_servers, tmp_path_factory.mktemp("replicas") / "servers.toml")


async def served_by(replicas: list[Replica], method: str, call: Callable[[], object]) -> object:
    """Run ``call`` and say which replica served it (the one whose counter of ``method`` rose)."""
    before = [await r.count(method) for r in replicas]
    result = await call()  # type: ignore[misc]
    after = [await r.count(method) for r in replicas]
    served = [r.name for r, b, a in zip(replicas, before, after, strict=True) if a > b]
    assert len(served) == 1, f"{method}: served by {served}"
    return served[0], result


async def test_an_operation_started_through_one_replica_is_read_cancelled_and_waited_for_through_the_other(  # noqa: E501
    servers_toml: Path, lxd_servers: LxdGroup, tmp_path: Path
) -> None:
    async with (
        replica("a", servers_toml, tmp_path / "a.log") as a,
        replica("b", servers_toml, tmp_path / "b.log") as b,
    ):
        config = {"loadBalancingConfig": [{"round_robin": {}}]}
        target = f"ipv4:{a.address},{b.address}"
        options = [("grpc.service_config", json.dumps(config))]
        async with grpc.aio.insecure_channel(target, options=options) as channel:
            await asyncio.wait_for(channel.channel_ready(), 30)
            servers = ServerServiceStub(channel)
            for _ in range(50):  # until round robin has both replicas ready and in turn
                await servers.GetServer(server_pb.GetServerRequest(), timeout=30)
                if await a.count("GetServer") and await b.count("GetServer"):
                    break
            replicas = [a, b]
            images = ImageServiceStub(channel)
            operations = OperationServiceStub(channel)
            events = EventServiceStub(channel).GetEvents(
                event_service_pb2.GetEventsRequest(types=["operation"]), timeout=60
            )
            await events.wait_for_connection()
            fingerprint = lxd_servers.members[0].image_fingerprint

            # A token operation: it runs until it is used or cancelled.
            started_on, secret = await served_by(
                replicas,
                "CreateImageSecret",
                lambda: images.CreateImageSecret(
                    image_service_pb2.CreateImageSecretRequest(name=fingerprint), timeout=30
                ),
            )
            op = secret.operation  # type: ignore[attr-defined]
            assert op.status_code == STATUS_CODE_RUNNING and op.may_cancel
            read_on, got = await served_by(
                replicas,
                "GetOperation",
                lambda: operations.GetOperation(
                    operation_service_pb2.GetOperationRequest(name=op.id), timeout=30
                ),
            )
            assert got.operation.status_code == STATUS_CODE_RUNNING  # type: ignore[attr-defined]
            cancelled_on, _ = await served_by(
                replicas,
                "DeleteOperation",
                lambda: operations.DeleteOperation(
                    operation_service_pb2.DeleteOperationRequest(name=op.id), timeout=30
                ),
            )
            waited_on, waited = await served_by(
                replicas,
                "GetOperationWait",
                lambda: operations.GetOperationWait(
                    operation_service_pb2.GetOperationWaitRequest(name=op.id), timeout=30
                ),
            )
            assert waited.operation.status_code == STATUS_CODE_CANCELLED  # type: ignore[attr-defined]
            # Round robin alternates: the operation was started on one replica and read, then
            # cancelled or waited for, on the other.
            assert read_on != started_on
            assert {cancelled_on, waited_on} == {"a", "b"}

            # Its events came through whichever replica holds the stream, the end included.
            seen = []
            async for reply in events:
                if reply.operation.id == op.id:
                    seen.append(reply.operation.status_code)
                    if reply.operation.status_code == STATUS_CODE_CANCELLED:
                        break
            events.cancel()
            assert seen[-1] == STATUS_CODE_CANCELLED
        assert await a.count("GetEvents") + await b.count("GetEvents") == 1


class Balancer:
    """An L4 balancer (as a Kubernetes Service is): each new TCP connection goes to the backend
    it names now; connections already made stay where they are."""

    def __init__(self) -> None:
        self.backend = ""
        self.connections: list[str] = []
        self._tasks: set[asyncio.Task[None]] = set()

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        backend = self.backend
        self.connections.append(backend)
        host, port = backend.rsplit(":", 1)
        try:
            up_reader, up_writer = await asyncio.open_connection(host, int(port))
        except OSError:
            writer.close()
            return

        async def pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
            try:
                while data := await src.read(65536):
                    dst.write(data)
                    await dst.drain()
            except (ConnectionError, OSError):
                pass
            finally:
                with contextlib.suppress(Exception):
                    dst.close()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))


async def test_a_client_moves_to_a_new_replica_when_its_connection_ages_out(
    servers_toml: Path, lxd_servers: LxdGroup, tmp_path: Path
) -> None:
    age = ["--max-connection-age", "2", "--max-connection-age-grace", "30"]
    balancer = Balancer()
    server = await asyncio.start_server(balancer.handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        async with replica("old", servers_toml, tmp_path / "old.log", *age) as old:
            balancer.backend = old.address
            async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
                servers = ServerServiceStub(channel)
                await servers.GetServer(server_pb.GetServerRequest(), timeout=30)
                assert await old.count("GetServer") == 1
                # A stream on the old connection, open across the move.
                events = EventServiceStub(channel).GetEvents(
                    event_service_pb2.GetEventsRequest(types=["operation"]), timeout=60
                )
                await events.wait_for_connection()
                async with replica("new", servers_toml, tmp_path / "new.log") as new:
                    balancer.backend = new.address  # scaled out: new connections go there
                    loop = asyncio.get_running_loop()
                    deadline = loop.time() + 20
                    calls = 0
                    while not await new.count("GetServer"):
                        assert loop.time() < deadline, "the client never left the old replica"
                        await servers.GetServer(server_pb.GetServerRequest(), timeout=30)
                        calls += 1
                        await asyncio.sleep(0.2)
                    moved_after = await old.count("GetServer")
                    assert calls >= 1 and moved_after >= 1
                    assert balancer.connections == [old.address, new.address]
                    # The stream opened before the move still delivers, within the grace.
                    images = ImageServiceStub(channel)
                    fingerprint = lxd_servers.members[0].image_fingerprint
                    secret = await images.CreateImageSecret(
                        image_service_pb2.CreateImageSecretRequest(name=fingerprint), timeout=30
                    )
                    async for reply in events:
                        if reply.operation.id == secret.operation.id:
                            break
                    events.cancel()
                    await OperationServiceStub(channel).DeleteOperation(
                        operation_service_pb2.DeleteOperationRequest(name=secret.operation.id),
                        timeout=30,
                    )
                    assert await new.count("GetServer") >= 1
    finally:
        server.close()
        await server.wait_closed()
