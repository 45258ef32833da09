"""Container files, templates and backups through the real gRPC channel (sandbox LXD)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import AsyncIterator
from typing import Any

import grpc
import pytest

from bridge.transport import LxdClient
from lxd.api.v1 import container_backup_pb2
from lxd.api.v1.container_service_pb2 import (
    ContainerFileInfo,
    CreateContainerBackupRequest,
    CreateContainerFileRequest,
    CreateContainerFromBackupRequest,
    CreateContainerTemplateFileRequest,
    DeleteContainerFileRequest,
    DeleteContainerTemplateFileRequest,
    GetContainerBackupFileRequest,
    GetContainerFileRequest,
    GetContainerTemplateFileRequest,
    GetContainerTemplateFilesRequest,
    UpdateContainerTemplateFileRequest,
)
from lxd.api.v1.container_service_pb2_grpc import ContainerServiceStub
from tests.conftest import make_unique_name
from tests.integration.conftest import error_details
from tests.integration.support import (
    create_container,
    delete_container,
    run,
    running_container,
)

pytestmark = pytest.mark.timeout(120)

CHUNK = 64 * 1024


@pytest.fixture(scope="module")
async def running(lxd: LxdClient) -> AsyncIterator[str]:
    """A running busybox container shared by this module's tests."""
    async with running_container(lxd, "sf") as name:
        yield name


async def pull(
    containers: ContainerServiceStub, name: str, path: str
) -> tuple[ContainerFileInfo, bytes, int]:
    """GetContainerFile: the info, the content and the number of data chunks."""
    info, data, count = None, [], 0
    async for reply in containers.GetContainerFile(GetContainerFileRequest(name=name, path=path)):
        if reply.WhichOneof("content") == "info":
            assert info is None and not data, "info comes first, once"
            info = reply.info
        else:
            data.append(reply.data)
            count += 1
            assert len(reply.data) <= 256 * 1024
    assert info is not None
    return info, b"".join(data), count


def push_requests(first: CreateContainerFileRequest, content: bytes) -> list[Any]:
    """The header request, then the content in 64 KiB requests."""
    return [first] + [
        CreateContainerFileRequest(data=content[i : i + CHUNK])
        for i in range(0, len(content), CHUNK)
    ]


async def test_file_round_trip_with_modes(containers: ContainerServiceStub, running: str) -> None:
    content = os.urandom(3 * 1024 * 1024 + 123)
    first = CreateContainerFileRequest(
        name=running, path="/tmp/blob", uid=1000, gid=1001, mode=0o640
    )
    sent = await containers.CreateContainerFile(push_requests(first, content))
    assert sent.size == len(content)
    info, back, chunks = await pull(containers, running, "/tmp/blob")
    assert (info.uid, info.gid, info.mode, info.type) == (1000, 1001, 0o640, "file")
    assert hashlib.sha256(back).digest() == hashlib.sha256(content).digest()
    assert chunks > 1

    # Append, then overwrite.
    more = CreateContainerFileRequest(name=running, path="/tmp/blob", write="append", data=b"tail")
    await containers.CreateContainerFile([more])
    assert (await pull(containers, running, "/tmp/blob"))[1] == content + b"tail"
    small = CreateContainerFileRequest(name=running, path="/tmp/blob", data=b"small")
    await containers.CreateContainerFile([small])
    assert (await pull(containers, running, "/tmp/blob"))[1] == b"small"

    # The container sees the same bytes, owner and mode.
    check = await run(containers, running, ["stat", "-c", "%u %g %a %s", "/tmp/blob"])
    assert check.stdout == b"1000 1001 640 5\n"


async def test_directory_listing_symlink_and_delete(
    containers: ContainerServiceStub, running: str
) -> None:
    directory = f"/tmp/{make_unique_name('dir')}"
    await containers.CreateContainerFile(
        [CreateContainerFileRequest(name=running, path=directory, type="directory", mode=0o750)]
    )
    for entry in ("a", "b"):
        await containers.CreateContainerFile(
            [CreateContainerFileRequest(name=running, path=f"{directory}/{entry}", data=b"x")]
        )
    await containers.CreateContainerFile(
        [
            CreateContainerFileRequest(
                name=running, path=f"{directory}/link", type="symlink", data=b"a"
            )
        ]
    )
    info, content, _ = await pull(containers, running, directory)
    assert info.type == "directory" and info.mode == 0o750
    assert sorted(info.entries) == ["a", "b", "link"]
    assert content == b""
    link, target, _ = await pull(containers, running, f"{directory}/link")
    assert link.type == "symlink"
    assert target in (b"a", f"{directory}/a".encode())  # LXD 5.0 gives it resolved

    for entry in ("a", "b", "link", ""):
        path = f"{directory}/{entry}".rstrip("/")
        await containers.DeleteContainerFile(DeleteContainerFileRequest(name=running, path=path))
    with pytest.raises(grpc.aio.AioRpcError) as e:
        await pull(containers, running, directory)
    assert e.value.code() == grpc.StatusCode.NOT_FOUND
    assert error_details(e.value).info.metadata["error_code"] == "404"


async def test_file_requests_are_checked(containers: ContainerServiceStub, running: str) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as e:
        await containers.CreateContainerFile([CreateContainerFileRequest(name=running)])
    assert e.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    with pytest.raises(grpc.aio.AioRpcError) as e:
        await containers.CreateContainerFile(
            [CreateContainerFileRequest(name=running, path="/tmp/x", type="fifo")]
        )
    assert e.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    with pytest.raises(grpc.aio.AioRpcError) as e:
        await containers.CreateContainerFile([])
    assert e.value.code() == grpc.StatusCode.INVALID_ARGUMENT


async def test_template_files(containers: ContainerServiceStub, running: str) -> None:
    name = "t-stream.tpl"
    content = b"hostname: {{ container.name }}\n" * 1000
    await containers.CreateContainerTemplateFile(
        [
            CreateContainerTemplateFileRequest(name=running, path=name, data=content[:10000]),
            CreateContainerTemplateFileRequest(data=content[10000:]),
        ]
    )
    names = await containers.GetContainerTemplateFiles(
        GetContainerTemplateFilesRequest(name=running)
    )
    assert name in names.names
    request = GetContainerTemplateFileRequest(name=running, path=name)
    got = b"".join([r.data async for r in containers.GetContainerTemplateFile(request)])
    assert got == content
    await containers.UpdateContainerTemplateFile(
        [UpdateContainerTemplateFileRequest(name=running, path=name, data=b"new\n")]
    )
    got = b"".join([r.data async for r in containers.GetContainerTemplateFile(request)])
    assert got == b"new\n"
    await containers.DeleteContainerTemplateFile(
        DeleteContainerTemplateFileRequest(name=running, path=name)
    )
    with pytest.raises(grpc.aio.AioRpcError) as e:
        async for _ in containers.GetContainerTemplateFile(request):
            pass
    assert e.value.code() == grpc.StatusCode.NOT_FOUND


async def test_backup_export_then_import_gives_a_working_container(
    containers: ContainerServiceStub, lxd: LxdClient
) -> None:
    source, restored = make_unique_name("sb"), make_unique_name("sb")
    try:
        await create_container(lxd, source, start=False)
        marker = CreateContainerFileRequest(name=source, path="/root/marker", data=b"from backup")
        await containers.CreateContainerFile([marker])
        await containers.CreateContainerBackup(
            CreateContainerBackupRequest(
                container=source,
                # instance_only: both families read it (Incus has no container_only).
                backup=container_backup_pb2.ContainerBackupsPost(name="b0", instance_only=True),
                wait=True,
            )
        )
        export = GetContainerBackupFileRequest(container=source, name="b0")
        tarball = b"".join([r.data async for r in containers.GetContainerBackupFile(export)])
        assert tarball[:2] == b"\x1f\x8b" or len(tarball) > 1024  # gzip by default

        def upload() -> list[CreateContainerFromBackupRequest]:
            first = CreateContainerFromBackupRequest(name=restored, wait=True)
            return [first] + [
                CreateContainerFromBackupRequest(data=tarball[i : i + 256 * 1024])
                for i in range(0, len(tarball), 256 * 1024)
            ]

        reply = await containers.CreateContainerFromBackup(upload())
        assert reply.operation.status == "Success"
        # The restored container has the source's MAC address, which Incus refuses to start
        # beside it ("already defined on another NIC"): the source goes first.
        await delete_container(lxd, source)
        await lxd.operations.run(
            "PUT", f"/1.0/containers/{restored}/state", json={"action": "start"}, timeout=60
        )
        outcome = await run(containers, restored, ["cat", "/root/marker"])
        assert (outcome.stdout, outcome.exit_code) == (b"from backup", 0)

        with pytest.raises(grpc.aio.AioRpcError) as e:  # the name is taken now
            await containers.CreateContainerFromBackup(upload())
        # LXD: 409 or a failed operation; Incus: 500 "Create instance from backup: Cannot
        # restore volume, already exists on target".
        assert e.value.code() in (
            grpc.StatusCode.ALREADY_EXISTS,
            grpc.StatusCode.UNKNOWN,
            grpc.StatusCode.INTERNAL,
        )
        assert "already exists" in (e.value.details() or "")
    finally:
        await delete_container(lxd, restored)
        await delete_container(lxd, source)
