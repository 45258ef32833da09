"""Helpers of the integration tests: containers set up and torn down through the transport
(create_container, set_state, delete_container, running_container), and the bidirectional stream
calls driven message by message; delete_network for the networks tests make.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

import grpc

from bridge.errors import InternalError, NotFound
from bridge.transport import LxdClient
from lxd.api.v1 import container_exec_pb2, container_service_pb2, operation_pb2
from lxd.api.v1.container_service_pb2 import ExecContainerRequest
from lxd.api.v1.container_service_pb2_grpc import ContainerServiceStub
from tests.conftest import LxdSandbox, make_unique_name

OP_TIMEOUT = 60  # seconds any single operation or stream may take before a test fails

T = TypeVar("T")


def per_family(daemon: LxdSandbox, *, lxd: T, incus: T) -> T:
    """What the daemon of the run's family says where LXD 5.0 and Incus 6.0 really differ (an
    error message, a refusal): each family's own, asserted rather than skipped."""
    return {"lxd": lxd, "incus": incus}[daemon.family]


async def delete_network(lxd: LxdClient, name: str, *, tries: int = 5) -> None:
    """Delete a managed network; quiet if it is already gone.

    Incus 6.0.4 lists the host's veth interfaces when it deletes a bridge and fails the whole
    delete with 500 "Failed to delete bridge children interfaces ... Device "vethX" does not
    exist" when a container elsewhere on the host (another test's) drops its veth meanwhile. That
    race is the daemon's, not the bridge's: the delete is tried again, a few times.
    """
    for attempt in range(tries):
        try:
            await lxd.request("DELETE", f"/1.0/networks/{name}")
            return
        except NotFound:
            return
        except InternalError as e:
            if "does not exist" not in str(e) or attempt == tries - 1:
                raise
            await asyncio.sleep(0.5)


async def create_container(lxd: LxdClient, name: str, *, start: bool = True) -> None:
    """A busybox container from the sandbox image, started unless ``start`` is false."""
    body = {"name": name, "source": {"type": "image", "alias": "busybox"}}
    await lxd.operations.run("POST", "/1.0/containers", json=body, timeout=OP_TIMEOUT)
    if start:
        await set_state(lxd, name, "start")


async def set_state(lxd: LxdClient, name: str, action: str) -> dict[str, Any]:
    """Change a container's state (a stop is forced); the final operation."""
    body = {"action": action, "timeout": 30, "force": action == "stop"}
    return await lxd.operations.run(
        "PUT", f"/1.0/containers/{name}/state", json=body, timeout=OP_TIMEOUT
    )


async def delete_container(lxd: LxdClient, name: str) -> None:
    """Force-stop and delete; quiet if it is already gone."""
    try:
        state = (await lxd.get(f"/1.0/containers/{name}/state")).metadata
        if state["status"] != "Stopped":
            await set_state(lxd, name, "stop")
        await lxd.operations.run("DELETE", f"/1.0/containers/{name}", timeout=OP_TIMEOUT)
    except NotFound:
        pass


@asynccontextmanager
async def running_container(lxd: LxdClient, prefix: str) -> AsyncIterator[str]:
    """A running busybox container with a unique name, deleted afterwards."""
    name = make_unique_name(prefix)
    try:
        await create_container(lxd, name)
        yield name
    finally:
        await delete_container(lxd, name)


@dataclass
class ExecOutcome:
    """Everything an ExecContainer call sent back."""

    operation: operation_pb2.Operation | None = None
    stdout: bytes = b""
    stderr: bytes = b""
    exit: container_service_pb2.ExecContainerExit | None = None
    order: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        assert self.exit is not None, f"no exit message; got {self.order}"
        return self.exit.exit_code


def exec_start(container: str, command: list[str], **post: Any) -> ExecContainerRequest:
    """The first request of an ExecContainer call."""
    return ExecContainerRequest(
        name=container, exec=container_exec_pb2.ContainerExecPost(command=command, **post)
    )


async def collect(call: Any) -> ExecOutcome:
    """Read an ExecContainer call to its end (with read(): a call cannot mix it with async for)."""
    outcome = ExecOutcome()
    while (reply := await call.read()) is not grpc.aio.EOF:
        kind = reply.WhichOneof("output")
        outcome.order.append(kind)
        if kind == "operation":
            outcome.operation = reply.operation
        elif kind == "stdout":
            outcome.stdout += reply.stdout
        elif kind == "stderr":
            outcome.stderr += reply.stderr
        elif kind == "exit":
            outcome.exit = reply.exit
    return outcome


async def run(
    containers: ContainerServiceStub,
    container: str,
    command: list[str],
    *,
    stdin: list[ExecContainerRequest] | None = None,
    **post: Any,
) -> ExecOutcome:
    """One exec through the bridge: the start request, then ``stdin``, then half-close."""
    call = containers.ExecContainer(timeout=OP_TIMEOUT)
    await call.write(exec_start(container, command, **post))
    for request in stdin or []:
        await call.write(request)
    await call.done_writing()
    return await asyncio.wait_for(collect(call), OP_TIMEOUT)


async def processes(lxd: LxdClient, container: str) -> dict[int, str]:
    """The container's processes, pid -> command line (busybox `ps -o pid,args`), through a
    recorded exec whose logs are deleted again."""
    result = await lxd.exec_recorded(container, ["ps", "-o", "pid,args"], timeout=OP_TIMEOUT)
    assert result.exit_code == 0 and result.stdout_url and result.stderr_url
    async with lxd.stream("GET", result.stdout_url) as raw:
        listing = b"".join([chunk async for chunk in raw.aiter_bytes()]).decode()
    for url in (result.stdout_url, result.stderr_url):
        await lxd.request("DELETE", url)
    rows = (line.split(None, 1) for line in listing.splitlines()[1:])
    return {int(row[0]): row[1] for row in rows if len(row) == 2}


async def wait_until_running(lxd: LxdClient, container: str, command: str) -> int:
    """The pid of ``command`` (its whole command line) once it runs; fail after OP_TIMEOUT."""
    async with asyncio.timeout(OP_TIMEOUT):
        while True:
            found = [
                pid for pid, args in (await processes(lxd, container)).items() if args == command
            ]
            if found:
                return found[0]
            await asyncio.sleep(0.1)


async def wait_until_gone(lxd: LxdClient, container: str, command: str) -> None:
    """Return once no process of ``container`` runs ``command`` (its whole command line); fail
    after OP_TIMEOUT."""
    listing: dict[int, str] = {}
    try:
        async with asyncio.timeout(OP_TIMEOUT):
            while command in (listing := await processes(lxd, container)).values():
                await asyncio.sleep(0.2)
    except TimeoutError:
        raise AssertionError(f"{command!r} still runs in {container}: {listing}") from None
