"""Streams interrupted by an LXD that goes away end with UNAVAILABLE, never silently.

This test kills and restarts a PRIVATE daemon (its own SANDBOX_DIR, its own bridge server), never
the shared sandbox the other tests use.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import grpc
import pytest

from bridge.server import start
from bridge.transport import LxdClient
from lxd.api.v1.container_service_pb2 import ExecContainerRequest, GetContainerFileRequest
from lxd.api.v1.container_service_pb2_grpc import ContainerServiceStub
from lxd.api.v1.event_service_pb2 import GetEventsRequest
from lxd.api.v1.event_service_pb2_grpc import EventServiceStub
from tests.conftest import SANDBOX_TOOL, LxdSandbox
from tests.integration.support import create_container, exec_start

pytestmark = pytest.mark.timeout(180)


def _sandbox(directory: Path, command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SANDBOX_TOOL), command],
        env={**os.environ, "SANDBOX_DIR": str(directory)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture
def private_lxd(lxd_sandbox: LxdSandbox) -> Iterator[tuple[Path, LxdSandbox]]:
    """A daemon of this test's own (``lxd_sandbox`` only makes sure LXD can run here)."""
    directory = Path(tempfile.mkdtemp(prefix="sbx-", dir="/tmp"))  # short: socket path limit
    directory.chmod(0o755)  # mkdtemp's 0700 keeps the container's own root out
    try:
        result = _sandbox(directory, "ensure")
        if result.returncode != 0:
            pytest.fail(f"private sandbox did not start: {result.stderr}")
        yield directory, LxdSandbox.from_json(json.loads(result.stdout))
    finally:
        _sandbox(directory, "stop")
        shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture
async def private_channel(
    private_lxd: tuple[Path, LxdSandbox],
) -> AsyncIterator[grpc.aio.Channel]:
    """A bridge server of its own in front of the private daemon, and a channel to it."""
    directory, sandbox = private_lxd
    async with await LxdClient.open(f"unix://{sandbox.socket}") as lxd:
        bridge = await start(lxd, f"unix:{directory / 'bridge.sock'}")
        try:
            async with grpc.aio.insecure_channel(bridge.address) as channel:
                yield channel
        finally:
            await bridge.stop(grace=1)


async def read_to_the_end(call: Any) -> list[Any]:
    replies = []
    async with asyncio.timeout(60):
        while (reply := await call.read()) is not grpc.aio.EOF:
            replies.append(reply)
    return replies


async def test_streams_interrupted_by_an_lxd_restart_end_unavailable(
    private_lxd: tuple[Path, LxdSandbox], private_channel: grpc.aio.Channel
) -> None:
    directory, sandbox = private_lxd
    containers = ContainerServiceStub(private_channel)
    events = EventServiceStub(private_channel)
    name = "t-restart"
    async with await LxdClient.open(f"unix://{sandbox.socket}") as lxd:
        await create_container(lxd, name)
        made = await lxd.exec(name, ["sh", "-c", "head -c 67108864 /dev/zero > /root/big"])
        async with made:
            assert (await made.wait(timeout=60)).exit_code == 0

    subscription = events.GetEvents(GetEventsRequest())
    await subscription.initial_metadata()
    command = containers.ExecContainer()
    await command.write(exec_start(name, ["sleep", "300"]))
    await command.write(ExecContainerRequest(close_stdin=True))
    assert (await command.read()).WhichOneof("output") == "operation"
    download = containers.GetContainerFile(GetContainerFileRequest(name=name, path="/root/big"))
    assert (await download.read()).WhichOneof("content") == "info"
    assert len((await download.read()).data) > 0  # flowing, and paused: 64 MiB is not buffered

    os.kill(sandbox.pid, signal.SIGKILL)  # LXD goes away

    for call in (subscription, command, download):
        with pytest.raises(grpc.aio.AioRpcError) as e:
            await read_to_the_end(call)
        assert e.value.code() == grpc.StatusCode.UNAVAILABLE, e.value.details()

    # The stopped daemon is restarted so that `stop` can clean its container up.
    assert _sandbox(directory, "ensure").returncode == 0
