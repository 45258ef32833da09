"""CopyContainer between two real LXD servers (issue 14, item 3): a stopped busybox container on
s1, with a config key of its own and a file written into it, is copied to s2 in each of LXD's
modes (pull: s2 connects to s1; push: s1 connects to s2; relay: the bridge carries the
websockets) and arrives with the same configuration and the same file. The servers trust the
bridge's certificate only, not each other. Errors (an unknown server, a missing source, a bad
mode) are clean and leave nothing behind on either server.
"""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator, Callable
from typing import Any

import grpc
import pytest

from bridge.transport import LxdClient
from lxd.api.v1 import container_service_pb2 as cs
from lxd.api.v1 import container_service_pb2_grpc, operation_service_pb2
from lxd.api.v1.operation_service_pb2_grpc import OperationServiceStub
from lxd.api.v1.status_code_pb2 import STATUS_CODE_SUCCESS
from tests.integration.conftest import error_details
from tests.integration.servers.conftest import on
from tests.integration.support import OP_TIMEOUT, delete_container

pytestmark = pytest.mark.timeout(180)

#: Keys LXD sets per instance on the server that holds it: a copy gets its own.
PER_INSTANCE = ("volatile.uuid", "volatile.eth0.hwaddr", "volatile.last_state.power")


@pytest.fixture(scope="module")
async def original(s1: LxdClient, unique_name: Callable[[str], str]) -> AsyncIterator[str]:
    """A stopped busybox container on s1 with `user.copied` set and /marker written."""
    name = unique_name("copy-src")
    body = {
        "name": name,
        "source": {"type": "image", "alias": "busybox"},
        "config": {"user.copied": "yes", "limits.memory": "64MiB"},
        "description": "copied between servers",
    }
    await s1.operations.run("POST", "/1.0/containers", json=body, timeout=OP_TIMEOUT)
    try:
        await s1.files.push(name, "/marker", MARKER, mode=0o640, timeout=OP_TIMEOUT)
        yield name
    finally:
        await delete_container(s1, name)


@pytest.fixture(scope="module")
def unique_name() -> Callable[[str], str]:  # module scope, for the module's fixture
    from tests.conftest import make_unique_name

    return make_unique_name


MARKER = b"made on s1 " + secrets.token_hex(8).encode() + b"\n"


async def read_file(lxd: LxdClient, name: str, path: str) -> bytes:
    async with lxd.files.pull(name, path, timeout=OP_TIMEOUT) as pulled:
        return b"".join([chunk async for chunk in pulled.raw.aiter_bytes()])


def comparable(container: dict[str, Any]) -> dict[str, Any]:
    """What a copy must keep: the writable part, minus the keys LXD makes per instance."""
    config = {k: v for k, v in container["config"].items() if k not in PER_INSTANCE}
    return {
        "config": config,
        "devices": container["devices"],
        "profiles": container["profiles"],
        "ephemeral": container["ephemeral"],
        "description": container["description"],
        "architecture": container["architecture"],
        "status": container["status"],
    }


@pytest.mark.parametrize("mode", ["pull", "push", "relay"])
async def test_a_stopped_container_is_copied_to_the_other_server_in_each_mode(
    servers_channel: grpc.aio.Channel, s1: LxdClient, s2: LxdClient, original: str, mode: str
) -> None:
    containers = container_service_pb2_grpc.ContainerServiceStub(servers_channel)
    copy = f"{original}-{mode}"
    request = cs.CopyContainerRequest(
        name=original,
        source_server="s1",
        args=cs.ContainerCopyArgs(name=copy, mode=mode),
        wait=True,
    )
    try:
        reply = await containers.CopyContainer(request, metadata=on("s2"), timeout=120)
        assert reply.operation.status_code == STATUS_CODE_SUCCESS
        assert reply.operation_server == ("s1" if mode == "push" else "s2")
        source = (await s1.get(f"/1.0/containers/{original}")).metadata
        copied = (await s2.get(f"/1.0/containers/{copy}")).metadata
        assert comparable(copied) == comparable(source)
        assert copied["config"]["user.copied"] == "yes"
        assert await read_file(s2, copy, "/marker") == MARKER
        names = await containers.GetContainerNames(cs.GetContainerNamesRequest())
        assert copy not in names.names, "nothing new on s1"
    finally:
        await delete_container(s2, copy)


async def test_a_copy_not_waited_for_is_waited_for_on_the_server_the_reply_names(
    servers_channel: grpc.aio.Channel, s2: LxdClient, original: str
) -> None:
    containers = container_service_pb2_grpc.ContainerServiceStub(servers_channel)
    operations = OperationServiceStub(servers_channel)
    copy = f"{original}-later"
    request = cs.CopyContainerRequest(
        name=original, source_server="s1", args=cs.ContainerCopyArgs(name=copy, mode="relay")
    )
    try:
        reply = await containers.CopyContainer(request, metadata=on("s2"), timeout=60)
        assert reply.operation_server == "s2"
        done = await operations.GetOperationWait(
            operation_service_pb2.GetOperationWaitRequest(name=reply.operation.id),
            metadata=on(reply.operation_server),
            timeout=120,
        )
        assert done.operation.status_code == STATUS_CODE_SUCCESS
        assert await read_file(s2, copy, "/marker") == MARKER
    finally:
        await delete_container(s2, copy)


async def test_a_copy_on_one_server_is_lxds_local_copy(
    servers_channel: grpc.aio.Channel, s1: LxdClient, original: str
) -> None:
    containers = container_service_pb2_grpc.ContainerServiceStub(servers_channel)
    copy = f"{original}-local"
    request = cs.CopyContainerRequest(
        name=original, args=cs.ContainerCopyArgs(name=copy), wait=True
    )  # no source_server: the call's own (s1, the default)
    try:
        reply = await containers.CopyContainer(request, timeout=120)
        assert reply.operation_server == "s1"
        assert await read_file(s1, copy, "/marker") == MARKER
    finally:
        await delete_container(s1, copy)


async def test_copy_errors_are_clean_and_leave_nothing_behind(
    servers_channel: grpc.aio.Channel, s1: LxdClient, s2: LxdClient, original: str
) -> None:
    containers = container_service_pb2_grpc.ContainerServiceStub(servers_channel)
    # A container of the original's name on s2 already: the copy's name is taken there.
    body = {"name": original, "source": {"type": "none"}}
    await s2.operations.run("POST", "/1.0/containers", json=body, timeout=OP_TIMEOUT)
    try:
        before = {
            "s1": (await s1.get("/1.0/containers")).metadata,
            "s2": (await s2.get("/1.0/containers")).metadata,
        }

        async def refused(request: cs.CopyContainerRequest) -> grpc.aio.AioRpcError:
            with pytest.raises(grpc.aio.AioRpcError) as caught:
                await containers.CopyContainer(request, metadata=on("s2"), timeout=60)
            return caught.value

        unknown = await refused(
            cs.CopyContainerRequest(name=original, source_server="s9", wait=True)
        )
        assert unknown.code() == grpc.StatusCode.INVALID_ARGUMENT
        message = unknown.details() or ""
        assert "source_server" in message and "s1, s2" in message

        missing = await refused(
            cs.CopyContainerRequest(name=f"{original}-none", source_server="s1", wait=True)
        )
        assert missing.code() == grpc.StatusCode.NOT_FOUND
        assert error_details(missing).info.metadata["error_code"] == "404"

        bad_mode = await refused(
            cs.CopyContainerRequest(
                name=original, source_server="s1", args=cs.ContainerCopyArgs(mode="teleport")
            )
        )
        assert bad_mode.code() == grpc.StatusCode.INVALID_ARGUMENT
        assert "args.mode" in (bad_mode.details() or "")

        for mode in ("pull", "push", "relay"):
            taken = await refused(
                cs.CopyContainerRequest(
                    name=original,
                    source_server="s1",
                    args=cs.ContainerCopyArgs(mode=mode),
                    wait=True,
                )
            )
            # LXD 5.0.2's own answer, passed on as it is: a 500 "already exists" from the
            # database (a plain create of a taken name is a 409), so INTERNAL.
            assert taken.code() == grpc.StatusCode.INTERNAL, (mode, taken.details())
            assert "already exists" in (taken.details() or ""), taken.details()

        after = {
            "s1": (await s1.get("/1.0/containers")).metadata,
            "s2": (await s2.get("/1.0/containers")).metadata,
        }
        assert after == before
        for lxd in (s1, s2):  # no migration half set up is left waiting for its sockets
            operations = (await lxd.get("/1.0/operations")).metadata or {}
            assert not operations.get("running"), operations
    finally:
        await delete_container(s2, original)
