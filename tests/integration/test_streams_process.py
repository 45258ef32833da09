"""Streams through `lxd-grpc-bridge serve` run as its own process (as deployed): what its debug
log holds, and what its SIGTERM does to the commands it runs."""

from __future__ import annotations

import asyncio
import os
import secrets
import signal
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import grpc
import pytest

from bridge.transport import LxdClient
from lxd.api.v1.container_service_pb2 import ExecContainerRequest
from lxd.api.v1.container_service_pb2_grpc import ContainerServiceStub
from lxd.api.v1.event_service_pb2 import GetEventsRequest
from lxd.api.v1.event_service_pb2_grpc import EventServiceStub
from tests.conftest import REPO, LxdSandbox
from tests.integration.support import (
    OP_TIMEOUT,
    collect,
    exec_start,
    per_family,
    running_container,
    wait_until_gone,
    wait_until_running,
)

pytestmark = pytest.mark.timeout(120)


@pytest.fixture(scope="module")
async def running(lxd: LxdClient) -> AsyncIterator[str]:
    """A running busybox container shared by this module's tests."""
    async with running_container(lxd, "sp") as name:
        yield name


@asynccontextmanager
async def bridge_process(
    sandbox: LxdSandbox, directory: Path, *args: str
) -> AsyncIterator[tuple[grpc.aio.Channel, asyncio.subprocess.Process]]:
    """`python -m bridge serve` on a unix socket in ``directory`` in front of the sandbox, its
    stderr (the log) written to ``directory/bridge.log``; a channel to it once it serves.
    Killed if still running."""
    listen = f"unix:{directory / 'bridge.sock'}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("LXD_GRPC_BRIDGE_")}
    env |= {"LXD_GRPC_BRIDGE_LXD": f"unix://{sandbox.socket}", "LXD_GRPC_BRIDGE_LISTEN": listen}
    with (directory / "bridge.log").open("wb") as stderr:  # a file: a debug log fills a pipe
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bridge", "serve", *args, cwd=REPO, env=env,
            stdout=subprocess.DEVNULL, stderr=stderr,
        )  # fmt: skip
    try:
        async with grpc.aio.insecure_channel(listen) as channel:
            await asyncio.wait_for(channel.channel_ready(), 20)
            yield channel, process
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


async def test_debug_log_holds_no_payload_and_no_secret(
    daemon: LxdSandbox, running: str, tmp_path: Path
) -> None:
    marker = f"t-stdin-{secrets.token_hex(8)}\n".encode()
    async with bridge_process(daemon, tmp_path, "--log-level", "debug") as (
        channel,
        process,
    ):
        # An event subscriber too: operation events carry the exec's secrets.
        watcher = EventServiceStub(channel).GetEvents(GetEventsRequest(types=["operation"]))
        await watcher.initial_metadata()
        call = ContainerServiceStub(channel).ExecContainer(timeout=OP_TIMEOUT)
        await call.write(exec_start(running, ["tr", "a-z", "A-Z"]))
        await call.write(ExecContainerRequest(stdin=marker))
        await call.done_writing()
        outcome = await asyncio.wait_for(collect(call), OP_TIMEOUT)
        watcher.cancel()
        process.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(process.wait(), 20) == 0
    assert outcome.stdout == marker.upper() and outcome.exit_code == 0
    assert outcome.operation is not None
    fds = outcome.operation.metadata.fields["fds"].struct_value.fields
    secret_values = [value.string_value for value in fds.values()]
    assert len(secret_values) == 4 and all(secret_values)
    text = (tmp_path / "bridge.log").read_text()
    # The startup line names the server's family and version ("for Incus 6.0.4 at unix://...").
    family = per_family(daemon, lxd="LXD", incus="Incus")
    assert f" for {family} {daemon.lxd_version} at unix://" in text
    # The log is a debug log of these websockets (frames, handshakes), so it could leak.
    assert ": > GET /1.0/operations/" in text and "BINARY" in text
    forbidden = {
        "stdin": marker.strip(),
        "stdout": marker.upper().strip(),
        **{f"secret {i}": s.encode() for i, s in enumerate(secret_values)},
    }
    for what, data in forbidden.items():
        for form in (data.decode(), data.hex(), data.hex(" "), data[:8].hex(" ")):
            assert form not in text, f"the debug log holds the {what} ({form!r})"
    assert "secret=REDACTED" in text


async def test_sigterm_of_the_bridge_ends_an_interactive_command_and_its_children(
    daemon: LxdSandbox, lxd: LxdClient, running: str, tmp_path: Path
) -> None:
    async with bridge_process(daemon, tmp_path, "--grace", "1") as (
        channel,
        process,
    ):
        call = ContainerServiceStub(channel).ExecContainer()
        await call.write(exec_start(running, ["sh", "-c", "sleep 304; echo x"], interactive=True))
        assert (await call.read()).WhichOneof("output") == "operation"
        await wait_until_running(lxd, running, "sleep 304")
        process.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(process.wait(), 20) == 0
    await wait_until_gone(lxd, running, "sleep 304")
