"""OperationService through the real bridge and a real LXD: list, get, wait, cancel.

A clean stop of the busybox container takes a couple of seconds: long enough to see the
operation running, list it, and wait for it.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable

import grpc
import pytest

from bridge.transport import LxdClient
from lxd.api.v1 import operation_service_pb2 as pb
from lxd.api.v1.container_service_pb2 import UpdateContainerStateRequest
from lxd.api.v1.container_service_pb2_grpc import ContainerServiceStub
from lxd.api.v1.container_state_pb2 import ContainerStatePut
from lxd.api.v1.operation_pb2 import Operation
from lxd.api.v1.operation_service_pb2_grpc import OperationServiceStub
from lxd.api.v1.status_code_pb2 import (
    STATUS_CODE_FAILURE,
    STATUS_CODE_RUNNING,
    STATUS_CODE_SUCCESS,
)
from tests.integration.conftest import error_details
from tests.integration.support import delete_container

pytestmark = pytest.mark.timeout(120)

UNKNOWN_UUID = "00000000-0000-0000-0000-000000000000"


@pytest.fixture
async def running(lxd: LxdClient, unique_name: Callable[[str], str]) -> AsyncIterator[str]:
    """A running container (made through the transport)."""
    name = unique_name("op")
    body = {"name": name, "source": {"type": "image", "alias": "busybox"}}
    try:
        await lxd.operations.run("POST", "/1.0/containers", json=body, timeout=60)
        start = {"action": "start", "timeout": 30}
        await lxd.operations.run("PUT", f"/1.0/containers/{name}/state", json=start, timeout=60)
        yield name
    finally:
        await delete_container(lxd, name)


@pytest.fixture
async def stopping(running: str, containers: ContainerServiceStub) -> Operation:
    """A clean stop, started through the bridge without waiting: a running operation."""
    stop = ContainerStatePut(action="stop", timeout=30)
    reply = await containers.UpdateContainerState(
        UpdateContainerStateRequest(name=running, state=stop)
    )
    assert reply.operation.status_code == STATUS_CODE_RUNNING
    return reply.operation


async def test_a_running_operation_is_listed_got_and_waited_for(
    operations: OperationServiceStub, stopping: Operation
) -> None:
    uuids = await operations.GetOperationUUIDs(pb.GetOperationUUIDsRequest())
    assert stopping.id in uuids.uuids, "UUIDs, from LXD's map of URLs by status"

    listed = await operations.GetOperations(pb.GetOperationsRequest())
    (mine,) = [op for op in listed.operations if op.id == stopping.id]
    assert mine.status == "Running"

    got = await operations.GetOperation(pb.GetOperationRequest(name=stopping.id))
    assert got.operation.id == stopping.id
    assert got.operation.description == stopping.description

    not_yet = await operations.GetOperationWait(
        pb.GetOperationWaitRequest(name=stopping.id, timeout=0)
    )
    assert not_yet.operation.status_code == STATUS_CODE_RUNNING, "timeout 0 does not wait"

    done = await operations.GetOperationWait(pb.GetOperationWaitRequest(name=stopping.id))
    # Waited for to its end. The stop itself may end either way: on a loaded host LXD now and
    # then gives up on busybox's clean shutdown ("Failed shutting down instance ...").
    assert done.operation.id == stopping.id
    assert done.operation.status_code == STATUS_CODE_SUCCESS or (
        done.operation.status_code == STATUS_CODE_FAILURE and "shutting down" in done.operation.err
    ), done.operation


async def test_get_operation_wait_is_bounded_by_the_rpc_deadline(
    operations: OperationServiceStub, stopping: Operation
) -> None:
    reply = await operations.GetOperationWait(
        pb.GetOperationWaitRequest(name=stopping.id), timeout=1.5
    )
    assert reply.operation.status_code == STATUS_CODE_RUNNING, "returned in time, not final"
    await operations.GetOperationWait(pb.GetOperationWaitRequest(name=stopping.id))


@pytest.mark.parametrize(
    "call",
    [
        lambda ops: ops.GetOperation(pb.GetOperationRequest(name=UNKNOWN_UUID)),
        lambda ops: ops.GetOperationWait(pb.GetOperationWaitRequest(name=UNKNOWN_UUID)),
        lambda ops: ops.DeleteOperation(pb.DeleteOperationRequest(name=UNKNOWN_UUID)),
    ],
    ids=["GetOperation", "GetOperationWait", "DeleteOperation"],
)
async def test_an_unknown_operation_is_not_found(
    operations: OperationServiceStub, call: Callable[[OperationServiceStub], object]
) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call(operations)  # type: ignore[misc]
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    assert error_details(caught.value).info.metadata["error_code"] == "404"


async def test_cancelling_an_operation_lxd_cannot_cancel_is_invalid_argument(
    operations: OperationServiceStub, stopping: Operation
) -> None:
    assert not stopping.may_cancel
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await operations.DeleteOperation(pb.DeleteOperationRequest(name=stopping.id))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert error_details(caught.value).info.metadata["error"] == caught.value.details()
    await operations.GetOperationWait(pb.GetOperationWaitRequest(name=stopping.id))


async def test_an_exec_runs_over_its_raw_operation_websockets(
    lxd: LxdClient, running: str, operations: OperationServiceStub
) -> None:
    # The raw form of ExecContainer: LXD starts the command once every data fd is connected.
    body = {"command": ["sh", "-c", "read x; echo got:$x; echo oops >&2"],
            "wait-for-websocket": True, "interactive": False}  # fmt: skip
    async with await lxd.operations.start(
        "POST", f"/1.0/containers/{running}/exec", json=body, timeout=30
    ) as operation:
        fds = operation.metadata["fds"]
        queues = {fd: asyncio.Queue[pb.GetOperationWebsocketRequest | None]() for fd in fds}

        async def requests(fd: str) -> AsyncIterator[pb.GetOperationWebsocketRequest]:
            yield pb.GetOperationWebsocketRequest(name=operation.id, secret=fds[fd])
            while (request := await queues[fd].get()) is not None:
                yield request

        streams = {fd: operations.GetOperationWebsocket(requests(fd)) for fd in fds}
        await queues["0"].put(pb.GetOperationWebsocketRequest(binary=b"hello\n"))
        await queues["0"].put(pb.GetOperationWebsocketRequest(text=""))  # end of stdin

        async def read(fd: str) -> tuple[bytes, pb.GetOperationWebsocketClosed]:
            data = b""
            async for reply in streams[fd]:
                if reply.WhichOneof("event") == "binary":
                    data += reply.binary
                elif reply.WhichOneof("event") == "closed":
                    return data, reply.closed
            raise AssertionError(f"fd {fd} ended without `closed`")

        (out, _), (err, _) = await asyncio.wait_for(asyncio.gather(read("1"), read("2")), 30)
        # Each stream ended with `closed` (LXD 5.0.2 drops these sockets without a close frame:
        # code 1006), after exactly what the command wrote.
        assert out == b"got:hello\n" and err == b"oops\n"
        result = await operation.wait(30)
        assert result["metadata"]["return"] == 0
        for queue in queues.values():
            await queue.put(None)
        for call in streams.values():
            call.cancel()


async def test_a_wrong_websocket_secret_is_permission_denied(
    operations: OperationServiceStub,
) -> None:
    async def requests() -> AsyncIterator[pb.GetOperationWebsocketRequest]:
        yield pb.GetOperationWebsocketRequest(name=UNKNOWN_UUID, secret="nope")

    with pytest.raises(grpc.aio.AioRpcError) as err:
        async for _ in operations.GetOperationWebsocket(requests()):
            pass
    assert err.value.code() in (grpc.StatusCode.NOT_FOUND, grpc.StatusCode.PERMISSION_DENIED)
