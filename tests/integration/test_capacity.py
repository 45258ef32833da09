"""Limits a caller can hit (docs/security.md), against the real LXD through a real gRPC channel.

- Transfers have connections and a cap of their own: with the cap's worth of stalled downloads
  (clients that do not read), short calls still answer, and one more transfer is
  RESOURCE_EXHAUSTED at once instead of hanging.
- A client cancelling a download is normal: no ERROR in the log, and the transfer's slot (and
  its LXD connection) is given back.
- A unary reply larger than the send limit is RESOURCE_EXHAUSTED naming the largest objects and
  the ways out; the names-only list and per-object gets still work, and a raised limit on both
  ends gets the whole list.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any, NamedTuple, cast

import grpc
import pytest

from bridge.errors import LimitExceeded
from bridge.server import BridgeServer, start
from bridge.transport import Kind, Limits, LxdClient
from lxd.api.v1.container_service_pb2 import (
    GetContainerFileRequest,
    GetContainerNamesRequest,
    GetContainerRequest,
    GetContainersRequest,
)
from lxd.api.v1.container_service_pb2_grpc import ContainerServiceStub
from lxd.api.v1.operation_service_pb2 import GetOperationWaitRequest
from lxd.api.v1.operation_service_pb2_grpc import OperationServiceStub
from lxd.api.v1.server_service_pb2 import GetServerRequest
from lxd.api.v1.server_service_pb2_grpc import ServerServiceStub
from tests.conftest import LxdSandbox, make_unique_name
from tests.integration.conftest import error_details
from tests.integration.support import (
    OP_TIMEOUT,
    delete_container,
    run,
    running_container,
    wait_until_running,
)

# The bridge's connection pools and caps: the same on every family.
pytestmark = [pytest.mark.timeout(240), pytest.mark.families("lxd")]

#: Bigger than every flow-control window and buffer between LXD and a client that does not read
#: (gRPC's windows, aiohttp's buffer, the unix socket's), so each download stalls part way.
BIG_FILE_MIB = 64
BIG_FILE = "/tmp/big"
#: The deadline of the short calls made while the transfers stall.
UNARY_DEADLINE = 5.0


@pytest.fixture(scope="module")
async def big_file_container(lxd: LxdClient) -> AsyncIterator[str]:
    """A running container holding a 64 MiB file (written by the container itself)."""
    async with running_container(lxd, "cap") as name:
        command = f"head -c {BIG_FILE_MIB * 1024 * 1024} /dev/zero > {BIG_FILE}"
        result = await lxd.exec_recorded(name, ["sh", "-c", command], timeout=OP_TIMEOUT)
        assert result.exit_code == 0
        yield name


async def stalled_download(containers: ContainerServiceStub, name: str) -> grpc.aio.Call:
    """A GetContainerFile whose client reads the first message (so the bridge has taken the
    transfer) and then nothing more: the stream stalls once the windows are full."""
    call = containers.GetContainerFile(GetContainerFileRequest(name=name, path=BIG_FILE))
    first = await call.read()
    assert first is not grpc.aio.EOF and first.WhichOneof("content") == "info"
    return call


async def test_stalled_transfers_leave_short_calls_their_capacity_and_one_more_is_refused(
    bridge: BridgeServer, lxd: LxdClient, big_file_container: str
) -> None:
    cap = lxd.connection.limits.transfers
    # The stalled clients have a channel of their own, as other callers would.
    async with grpc.aio.insecure_channel(bridge.address) as stalled_channel:
        stalled = ContainerServiceStub(stalled_channel)
        calls = [await stalled_download(stalled, big_file_container) for _ in range(cap)]
        try:
            assert lxd.connection.in_flight(Kind.TRANSFER) == cap
            async with grpc.aio.insecure_channel(bridge.address) as channel:
                containers, server = ContainerServiceStub(channel), ServerServiceStub(channel)
                reply = await containers.GetContainer(
                    GetContainerRequest(name=big_file_container), timeout=UNARY_DEADLINE
                )
                assert reply.container.name == big_file_container
                info = await server.GetServer(GetServerRequest(), timeout=UNARY_DEADLINE)
                assert info.server.api_version == "1.0"

                one_more = containers.GetContainerFile(
                    GetContainerFileRequest(name=big_file_container, path=BIG_FILE),
                    timeout=UNARY_DEADLINE,
                )
                with pytest.raises(grpc.aio.AioRpcError) as refused:
                    await one_more.read()
            assert refused.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
            details = error_details(refused.value)
            assert details.info.reason == "TOO_MANY_TRANSFERS"
            assert details.info.metadata["option"] == "--max-transfers"
            assert details.info.metadata["limit"] == str(cap)
        finally:
            for call in calls:
                call.cancel()
    await transfers_given_back(lxd)


async def transfers_given_back(lxd: LxdClient) -> None:
    """Wait until every transfer slot is free again (the server notices cancels on its own
    time; the test's timeout bounds the wait)."""
    while lxd.connection.in_flight(Kind.TRANSFER):
        await asyncio.sleep(0.05)


async def cancel_after_two_messages(call: Any) -> grpc.StatusCode:
    assert (await call.read()).WhichOneof("content") == "data"
    call.cancel()
    return grpc.StatusCode.CANCELLED


async def stop_reading_until_the_deadline(call: Any) -> grpc.StatusCode:
    return cast(grpc.StatusCode, await call.code())  # the bridge is stuck sending when it passes


class Leaving(NamedTuple):
    """How a client leaves a download: the call's deadline, and what it does after the info."""

    deadline: float | None
    leave: Callable[[Any], Awaitable[grpc.StatusCode]]


@pytest.mark.parametrize(
    "leaving",
    [Leaving(None, cancel_after_two_messages), Leaving(1.0, stop_reading_until_the_deadline)],
    ids=["cancelled-by-the-client", "cut-by-its-deadline"],
)
async def test_a_download_the_client_leaves_logs_no_error_and_gives_its_transfer_back(
    leaving: Leaving,
    containers: ContainerServiceStub,
    lxd: LxdClient,
    big_file_container: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    for _ in range(5):  # the race between a send and the end of the call is not won every time
        call = containers.GetContainerFile(
            GetContainerFileRequest(name=big_file_container, path=BIG_FILE),
            timeout=leaving.deadline,
        )
        assert (await call.read()).WhichOneof("content") == "info"
        expected = await leaving.leave(call)
        assert await call.code() == expected
        await transfers_given_back(lxd)
    problems = [r for r in caplog.records if r.levelno >= logging.WARNING or r.exc_info]
    assert not problems, [f"{r.levelname} {r.name}: {r.getMessage()}" for r in problems]
    # The LXD connection it used was closed, not handed back half read: calls still work.
    done = await run(containers, big_file_container, ["true"])
    assert done.exit_code == 0


# -- replies larger than the send limit ---------------------------------------------------------

#: A config value LXD accepts; it appears twice in a container (config and expanded_config), so
#: one container is about 3 MiB (under gRPC's 4 MiB) and two of them are over it.
BIG_VALUE = "x" * (3 * 1024 * 1024 // 2)
RAISED_LIMIT = 16 * 1024 * 1024


@pytest.fixture(scope="module")
async def big_config_containers(lxd: LxdClient) -> AsyncIterator[list[str]]:
    """Two stopped containers, each with a 1.5 MiB user.* config value."""
    names = [make_unique_name("big-config") for _ in range(2)]
    try:
        for name in names:
            body = {
                "name": name,
                "source": {"type": "image", "alias": "busybox"},
                "config": {"user.big": BIG_VALUE},
            }
            await lxd.operations.run("POST", "/1.0/containers", json=body, timeout=OP_TIMEOUT)
        yield names
    finally:
        for name in names:
            await delete_container(lxd, name)


async def test_a_reply_over_the_send_limit_names_the_largest_objects_and_the_ways_out(
    containers: ContainerServiceStub, big_config_containers: list[str]
) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await containers.GetContainers(GetContainersRequest(), timeout=OP_TIMEOUT)
    assert refused.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
    message = refused.value.details() or ""
    for expected in (
        *big_config_containers,  # the largest objects, by name
        "GetContainerNames",  # the names-only list ...
        "GetContainer ",  # ... plus per-object gets
        "grpc.max_receive_message_length",  # or a larger client receive limit ...
        "--max-send-message-size",  # ... with the bridge's option
    ):
        assert expected in message, f"{expected!r} not in {message!r}"
    details = error_details(refused.value)
    assert details.info.reason == "REPLY_TOO_LARGE"
    assert details.info.metadata["option"] == "--max-send-message-size"
    assert details.info.metadata["limit"] == str(4 * 1024 * 1024)


@pytest.mark.parametrize("way_out", ["names-then-gets", "raised-limit-on-both-ends"])
async def test_the_ways_out_get_every_object(
    way_out: str,
    tmp_path: Path,
    lxd: LxdClient,
    containers: ContainerServiceStub,
    big_config_containers: list[str],
) -> None:
    found: dict[str, str] = {}
    if way_out == "names-then-gets":
        listed = await containers.GetContainerNames(GetContainerNamesRequest(), timeout=OP_TIMEOUT)
        assert set(big_config_containers) <= set(listed.names)
        for name in big_config_containers:
            reply = await containers.GetContainer(GetContainerRequest(name=name), timeout=30)
            found[name] = reply.container.config["user.big"]
    else:
        listen = f"unix:{tmp_path / 'raised.sock'}"
        raised = await start(lxd, listen, max_send_message_size=RAISED_LIMIT)
        try:
            options = [("grpc.max_receive_message_length", RAISED_LIMIT)]
            async with grpc.aio.insecure_channel(raised.address, options=options) as channel:
                every = await ContainerServiceStub(channel).GetContainers(
                    GetContainersRequest(), timeout=OP_TIMEOUT
                )
            found = {
                c.name: c.config["user.big"] for c in every.containers if c.config.get("user.big")
            }
        finally:
            await raised.stop(grace=1)
    assert found == dict.fromkeys(big_config_containers, BIG_VALUE)


# -- the transport's kinds ----------------------------------------------------------------------


async def _chunks() -> AsyncIterator[bytes]:
    yield b"never sent: refused before the body is read"


@pytest.mark.parametrize("second", ["download", "streamed-upload"])
async def test_with_the_only_transfer_slot_taken_a_transfer_is_refused_and_a_call_is_not(
    second: str, daemon: LxdSandbox, big_file_container: str
) -> None:
    async with await LxdClient.open(
        f"unix://{daemon.socket}", limits=Limits(calls=1, transfers=1)
    ) as client:
        async with client.files.pull(big_file_container, BIG_FILE) as held:
            assert held.info.type == "file"
            with pytest.raises(LimitExceeded) as refused:
                if second == "download":
                    async with client.files.pull(big_file_container, BIG_FILE):
                        pass
                else:
                    await client.files.push(big_file_container, "/tmp/small", _chunks())
            assert (refused.value.reason, refused.value.option) == (
                "TOO_MANY_TRANSFERS",
                "--max-transfers",
            )
            answer = await client.get(f"/1.0/containers/{big_file_container}")
            assert answer.metadata["name"] == big_file_container
        assert client.connection.in_flight(Kind.TRANSFER) == 0


async def test_operation_waits_have_their_own_cap_and_leave_short_calls_their_capacity(
    daemon: LxdSandbox, big_file_container: str, tmp_path: Path
) -> None:
    """GetOperationWait (and ``wait: true``) holds an LXD connection until the operation ends:
    with waits in the short calls' pool, as many waits as ``--max-calls`` stopped every other
    call. Now they have a pool and cap of their own, and one more is refused at once."""
    limits = Limits(calls=2, transfers=2, waits=2)
    async with await LxdClient.open(f"unix://{daemon.socket}", limits=limits) as client:
        bridge = await start(client, f"unix:{tmp_path / 'waits.sock'}")
        # An operation that runs until it is told otherwise: an exec of sleep, no websockets.
        body = {
            "command": ["sleep", "120"],
            "wait-for-websocket": False,
            "record-output": False,
            "interactive": False,
        }
        sleeper = await client.operations.start(
            "POST", f"/1.0/containers/{big_file_container}/exec", json=body
        )
        try:
            async with grpc.aio.insecure_channel(bridge.address) as channel:
                operations = OperationServiceStub(channel)
                wait = GetOperationWaitRequest(name=sleeper.id)
                held = [
                    asyncio.ensure_future(operations.GetOperationWait(wait, timeout=60))
                    for _ in range(limits.waits)
                ]
                while client.connection.in_flight(Kind.WAIT) < limits.waits:
                    await asyncio.sleep(0.05)  # the test's timeout bounds this

                containers = ContainerServiceStub(channel)
                reply = await containers.GetContainer(
                    GetContainerRequest(name=big_file_container), timeout=UNARY_DEADLINE
                )
                assert reply.container.name == big_file_container

                with pytest.raises(grpc.aio.AioRpcError) as refused:
                    await operations.GetOperationWait(wait, timeout=UNARY_DEADLINE)
                assert refused.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
                details = error_details(refused.value)
                assert details.info.reason == "TOO_MANY_WAITS"
                assert details.info.metadata["option"] == "--max-waits"
                for call in held:
                    call.cancel()
        finally:
            pid = await wait_until_running(client, big_file_container, "sleep 120")
            await client.exec_recorded(big_file_container, ["kill", str(pid)], timeout=OP_TIMEOUT)
            await bridge.stop(grace=1)
