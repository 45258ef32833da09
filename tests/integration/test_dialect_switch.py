"""The dialect follows the daemon: an LXD replaced in place by an Incus is served as Incus.

Two real daemons, the LXD and the Incus sandboxes, behind one unix socket: a byte forwarder
that passes every connection to the daemon it points at, and on `switch` drops the connections
it carries (what a daemon restart does to them) and points at the other. The bridge (its own
server, health checked every 0.2 s) is started against LXD; after the switch its next calls
read GET /1.0 again, name the family in the dialect and go where Incus has the containers.
This needs both families, so it runs once, outside the `daemon` parametrization.
"""

from __future__ import annotations

import asyncio
import contextlib
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path

import grpc
import pytest

from bridge.server import start
from bridge.transport import LxdClient
from lxd.api.v1 import container_service_pb2 as cs
from lxd.api.v1 import server_service_pb2 as ss
from lxd.api.v1.container_service_pb2_grpc import ContainerServiceStub
from lxd.api.v1.server_service_pb2_grpc import ServerServiceStub
from tests.conftest import LxdSandbox

pytestmark = pytest.mark.timeout(120)


class Forwarder:
    """A unix socket whose connections are piped to ``target``'s socket."""

    def __init__(self, socket: str, target: str) -> None:
        self.socket = socket
        self.target = target
        self._pipes: set[asyncio.StreamWriter] = set()
        self._server: asyncio.Server | None = None

    async def __aenter__(self) -> Forwarder:
        self._server = await asyncio.start_unix_server(self._accept, self.socket)
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.drop()
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()

    def drop(self) -> None:
        """Close every connection carried now, as a daemon going away does."""
        for writer in list(self._pipes):
            writer.close()
        self._pipes.clear()

    def switch(self, target: str) -> None:
        """The other daemon answers from now on (the old connections are dropped)."""
        self.drop()
        self.target = target

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_unix_connection(self.target)
        self._pipes.update({writer, up_writer})

        async def pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
            with contextlib.suppress(OSError, asyncio.CancelledError):
                while data := await src.read(65536):
                    dst.write(data)
                    await dst.drain()
            dst.close()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))


@pytest.fixture
async def forwarder(lxd_sandbox: LxdSandbox) -> AsyncIterator[Forwarder]:
    # A short path (unix socket paths are limited), removed afterwards.
    with tempfile.TemporaryDirectory(prefix="lxd-switch-") as directory:
        async with Forwarder(str(Path(directory) / "lxd.socket"), lxd_sandbox.socket) as running:
            yield running


async def test_an_lxd_replaced_by_incus_is_served_as_incus(
    forwarder: Forwarder, incus_sandbox: LxdSandbox, tmp_path: Path
) -> None:
    async with (
        await LxdClient.open(f"unix://{forwarder.socket}") as client,
        await LxdClient.open(f"unix://{incus_sandbox.socket}") as incus,
    ):
        bridge = await start(client, f"unix:{tmp_path / 'b.sock'}", health_interval=0.2)
        try:
            async with grpc.aio.insecure_channel(bridge.address) as channel:
                servers, containers = ServerServiceStub(channel), ContainerServiceStub(channel)
                before = await servers.GetServer(ss.GetServerRequest(), timeout=30)
                assert before.server.environment.server == "lxd"
                assert client.dialect.family == "lxd"

                forwarder.switch(incus_sandbox.socket)
                for _ in range(100):  # the health check reads GET /1.0 every 0.2 s
                    if client.dialect.family == "incus":
                        break
                    await asyncio.sleep(0.1)
                assert client.dialect.name == f"Incus {incus_sandbox.lxd_version}"

                after = await servers.GetServer(ss.GetServerRequest(), timeout=30)
                assert after.server.environment.server == "incus"
                names = await containers.GetContainerNames(
                    cs.GetContainerNamesRequest(), timeout=30
                )
                listed = await incus.get("/1.0/instances", query={"instance-type": "container"})
                assert sorted(names.names) == sorted(u.rsplit("/", 1)[-1] for u in listed.metadata)
        finally:
            await bridge.stop(grace=1)
