"""InstanceService's streams through the real gRPC channel, on LXD 5.0 and Incus 6.0 (the `daemon`
fixture's families): exec, console, files (HEAD included), templates, log files, backup export
and SFTP. They are the same implementation as ContainerService's streams (instance_streams.py);
these tests prove the InstanceService bindings, paths and messages on both daemons.
"""

from __future__ import annotations

import asyncio
import os
import socket
import struct
from collections.abc import AsyncIterator
from pathlib import Path

import grpc
import paramiko
import pytest

from bridge.transport import LxdClient
from lxd.api.v1 import instance_service_pb2 as pb
from lxd.api.v1.instance_backup_pb2 import InstanceBackupsPost
from lxd.api.v1.instance_console_pb2 import InstanceConsolePost
from lxd.api.v1.instance_exec_pb2 import InstanceExecPost
from lxd.api.v1.instance_service_pb2_grpc import InstanceServiceStub
from tests.conftest import LxdSandbox
from tests.integration.instance_support import OP_TIMEOUT, instance

pytestmark = pytest.mark.timeout(120)


@pytest.fixture(scope="module")
async def running(lxd: LxdClient) -> AsyncIterator[str]:
    """A running busybox container shared by this module's tests."""
    async with instance(lxd, "in-streams", start=True) as name:
        yield name


async def exec_in(
    instances: InstanceServiceStub, name: str, command: list[str], **post: object
) -> tuple[bytes, bytes, pb.ExecInstanceExit]:
    """One non-interactive exec: stdout, stderr and the exit."""
    call = instances.ExecInstance(timeout=OP_TIMEOUT)
    await call.write(
        pb.ExecInstanceRequest(name=name, exec=InstanceExecPost(command=command, **post))  # type: ignore[arg-type]
    )
    await call.done_writing()
    out, err, end = b"", b"", None
    kinds = []
    while (reply := await call.read()) is not grpc.aio.EOF:
        kind = reply.WhichOneof("output")
        kinds.append(kind)
        if kind == "stdout":
            out += reply.stdout
        elif kind == "stderr":
            err += reply.stderr
        elif kind == "exit":
            end = reply.exit
    assert kinds[0] == "operation" and kinds[-1] == "exit", kinds
    assert end is not None
    return out, err, end


async def test_exec_streams_stdout_stderr_and_the_exit_code(
    instances: InstanceServiceStub, running: str
) -> None:
    out, err, end = await exec_in(
        instances, running, ["sh", "-c", "echo out; echo err >&2; exit 3"]
    )
    assert (out, err, end.exit_code) == (b"out\n", b"err\n", 3)
    assert end.operation.status == "Success"


async def test_exec_with_record_output_names_its_logs_and_the_log_rpcs_read_them(
    instances: InstanceServiceStub, running: str
) -> None:
    out, _, end = await exec_in(instances, running, ["echo", "recorded"], record_output=True)
    assert out == b"recorded\n" and end.stdout_log.startswith("exec_")
    # The listing has the instance's own logs; exec outputs are kept apart.
    logs = await instances.GetInstanceLogfiles(pb.GetInstanceLogfilesRequest(name=running))
    assert "lxc.log" in logs.names
    lxc_log = pb.GetInstanceLogfileRequest(name=running, filename="lxc.log")
    # lxc.log may be empty: what is checked is that it streams to its end without error.
    _ = [r.data async for r in instances.GetInstanceLogfile(lxc_log)]
    # Exec outputs live under logs/exec-output/ on Incus 6.0 (and LXD >= 5.15); the dialect
    # routes the log RPCs there, so the same calls read and delete them on both families.
    request = pb.GetInstanceLogfileRequest(name=running, filename=end.stdout_log)
    assert b"".join([r.data async for r in instances.GetInstanceLogfile(request)]) == out
    await instances.DeleteInstanceLogfile(
        pb.DeleteInstanceLogfileRequest(name=running, filename=end.stdout_log)
    )
    with pytest.raises(grpc.aio.AioRpcError) as gone:
        async for _ in instances.GetInstanceLogfile(request):
            pass
    # LXD 5.0 says 500 "no such file or directory"; Incus may say 404.
    assert gone.value.code() in (grpc.StatusCode.NOT_FOUND, grpc.StatusCode.INTERNAL)


async def pull(
    instances: InstanceServiceStub, name: str, path: str
) -> tuple[pb.InstanceFileInfo, bytes]:
    """GetInstanceFile: the info and the content."""
    info, data = None, []
    async for reply in instances.GetInstanceFile(pb.GetInstanceFileRequest(name=name, path=path)):
        if reply.WhichOneof("content") == "info":
            assert info is None and not data, "info comes first, once"
            info = reply.info
        else:
            data.append(reply.data)
    assert info is not None
    return info, b"".join(data)


async def test_files_push_pull_head_list_delete(
    instances: InstanceServiceStub, running: str
) -> None:
    content = os.urandom(600 * 1024 + 7)
    pushed = await instances.CreateInstanceFile(
        [
            pb.CreateInstanceFileRequest(
                name=running, path="/tmp/blob", uid=1000, gid=1001, mode=0o640
            ),
            pb.CreateInstanceFileRequest(data=content[:300_000]),
            pb.CreateInstanceFileRequest(data=content[300_000:]),
        ]
    )
    assert pushed.size == len(content)
    info, data = await pull(instances, running, "/tmp/blob")
    assert data == content
    assert (info.uid, info.gid, info.mode, info.type) == (1000, 1001, 0o640, "file")

    head = await instances.GetInstanceFileInfo(
        pb.GetInstanceFileInfoRequest(name=running, path="/tmp/blob")
    )
    assert (head.info.uid, head.info.gid, head.info.mode, head.info.type) == (
        1000,
        1001,
        0o640,
        "file",
    )
    assert head.info.modified.endswith("UTC"), head.info.modified  # Go's time.String()
    directory = await instances.GetInstanceFileInfo(
        pb.GetInstanceFileInfoRequest(name=running, path="/tmp")
    )
    assert directory.info.type == "directory" and list(directory.info.entries) == []

    listing, _ = await pull(instances, running, "/tmp")
    assert listing.type == "directory" and "blob" in listing.entries

    await instances.DeleteInstanceFile(pb.DeleteInstanceFileRequest(name=running, path="/tmp/blob"))
    with pytest.raises(grpc.aio.AioRpcError) as missing:
        await instances.GetInstanceFileInfo(
            pb.GetInstanceFileInfoRequest(name=running, path="/tmp/blob")
        )
    assert missing.value.code() == grpc.StatusCode.NOT_FOUND


async def test_file_info_needs_a_path(instances: InstanceServiceStub, running: str) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as raised:
        await instances.GetInstanceFileInfo(pb.GetInstanceFileInfoRequest(name=running))
    assert raised.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "path" in (raised.value.details() or "")


async def test_template_files(instances: InstanceServiceStub, running: str) -> None:
    name = "t-instance.tpl"
    content = b"hostname: {{ instance.name }}\n" * 500
    created = await instances.CreateInstanceTemplateFile(
        [
            pb.CreateInstanceTemplateFileRequest(name=running, path=name, data=content[:5000]),
            pb.CreateInstanceTemplateFileRequest(data=content[5000:]),
        ]
    )
    assert created.size == len(content)
    names = await instances.GetInstanceTemplateFiles(
        pb.GetInstanceTemplateFilesRequest(name=running)
    )
    assert name in names.names
    request = pb.GetInstanceTemplateFileRequest(name=running, path=name)
    assert b"".join([r.data async for r in instances.GetInstanceTemplateFile(request)]) == content
    await instances.DeleteInstanceTemplateFile(
        pb.DeleteInstanceTemplateFileRequest(name=running, path=name)
    )
    with pytest.raises(grpc.aio.AioRpcError) as gone:
        async for _ in instances.GetInstanceTemplateFile(request):
            pass
    assert gone.value.code() == grpc.StatusCode.NOT_FOUND


async def test_backup_export_then_import(lxd: LxdClient, instances: InstanceServiceStub) -> None:
    async with instance(lxd, "in-bx") as source:
        await instances.CreateInstanceFile(
            [pb.CreateInstanceFileRequest(name=source, path="/root/marker", data=b"kept")]
        )
        await instances.CreateInstanceBackup(
            pb.CreateInstanceBackupRequest(
                instance=source,
                backup=InstanceBackupsPost(name="b0", instance_only=True),
                wait=True,
            )
        )
        export = pb.GetInstanceBackupFileRequest(instance=source, name="b0")
        chunks = [r.data async for r in instances.GetInstanceBackupFile(export)]
        tarball = b"".join(chunks)
        assert tarball[:2] == b"\x1f\x8b" and max(len(c) for c in chunks) <= 256 * 1024
        async with instance(lxd, "in-bx-gone") as restored:
            pass  # a free unique name
        try:
            first = pb.CreateInstanceFromBackupRequest(name=restored, wait=True)
            rest = [
                pb.CreateInstanceFromBackupRequest(data=tarball[i : i + 256 * 1024])
                for i in range(0, len(tarball), 256 * 1024)
            ]
            reply = await instances.CreateInstanceFromBackup([first, *rest])
            assert reply.operation.status == "Success"
            _, data = await pull(instances, restored, "/root/marker")
            assert data == b"kept"
        finally:
            from tests.integration.instance_support import delete_instance

            await delete_instance(lxd, restored)


async def test_console_attach_and_detach(instances: InstanceServiceStub, running: str) -> None:
    call = instances.ConsoleInstance(timeout=OP_TIMEOUT)
    await call.write(
        pb.ConsoleInstanceRequest(name=running, console=InstanceConsolePost(width=80, height=24))
    )
    first = await call.read()
    assert first.WhichOneof("output") == "operation"
    await call.write(
        pb.ConsoleInstanceRequest(window_size=pb.InstanceWindowSize(width=100, height=30))
    )
    await call.write(pb.ConsoleInstanceRequest(data=b"\n"))
    await call.done_writing()  # detach
    last = None
    while (reply := await call.read()) is not grpc.aio.EOF:
        if reply.WhichOneof("output") == "detached":
            last = reply.detached
    assert last is not None and last.id == first.operation.id


async def test_console_log_streams_and_clears(
    lxd: LxdClient, instances: InstanceServiceStub, daemon: LxdSandbox
) -> None:
    # The sandboxes' liblxc keeps no console ring buffer, so the log the daemon serves for a
    # stopped instance is planted where it keeps it (<daemon dir>/logs/<name>/console.log).
    async with instance(lxd, "in-clog") as name:
        planted = Path(daemon.lxd_dir) / "logs" / name / "console.log"
        planted.parent.mkdir(parents=True, exist_ok=True)
        content = b"console line\n" * 30_000
        planted.write_bytes(content)
        request = pb.GetInstanceConsoleLogRequest(name=name)
        assert b"".join([r.data async for r in instances.GetInstanceConsoleLog(request)]) == content
        await instances.DeleteInstanceConsoleLog(pb.DeleteInstanceConsoleLogRequest(name=name))
        assert [r.data async for r in instances.GetInstanceConsoleLog(request)] == []


# --- SFTP ----------------------------------------------------------------------------------------

SSH_FXP_INIT, SSH_FXP_VERSION, SSH_FXP_OPEN, SSH_FXP_CLOSE = 1, 2, 3, 4
SSH_FXP_WRITE, SSH_FXP_STAT, SSH_FXP_STATUS, SSH_FXP_HANDLE, SSH_FXP_ATTRS = 6, 17, 101, 102, 105
SSH_FXF_WRITE, SSH_FXF_CREAT, SSH_FXF_TRUNC = 0x02, 0x08, 0x10
SSH_FILEXFER_ATTR_SIZE = 0x01


def _string(data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + data


class Sftp:
    """Just enough of an SFTP version 3 client (draft-ietf-secsh-filexfer-02) to prove the
    stream carries a real session: packets out as GetInstanceFileSFTP requests, packets in
    reassembled from its responses, however the bytes were cut."""

    def __init__(self, call: grpc.aio.StreamStreamCall) -> None:  # type: ignore[type-arg]
        self.call = call
        self.buffer = b""
        self.next_id = 0

    async def send(self, kind: int, payload: bytes) -> None:
        packet = struct.pack(">IB", len(payload) + 1, kind) + payload
        # Cut in two requests, so that the server side must reassemble too.
        await self.call.write(pb.GetInstanceFileSFTPRequest(data=packet[:3]))
        await self.call.write(pb.GetInstanceFileSFTPRequest(data=packet[3:]))

    async def receive(self) -> tuple[int, bytes]:
        while (
            len(self.buffer) < 4 or len(self.buffer) < 4 + struct.unpack(">I", self.buffer[:4])[0]
        ):
            reply = await self.call.read()
            assert reply is not grpc.aio.EOF, "the SFTP stream ended in the middle of a packet"
            self.buffer += reply.data
        length = struct.unpack(">I", self.buffer[:4])[0]
        packet, self.buffer = self.buffer[4 : 4 + length], self.buffer[4 + length :]
        return packet[0], packet[1:]

    async def request(self, kind: int, payload: bytes) -> tuple[int, bytes]:
        self.next_id += 1
        await self.send(kind, struct.pack(">I", self.next_id) + payload)
        answer, body = await self.receive()
        assert struct.unpack(">I", body[:4])[0] == self.next_id
        return answer, body[4:]

    async def ok(self, kind: int, payload: bytes) -> None:
        answer, body = await self.request(kind, payload)
        assert answer == SSH_FXP_STATUS and struct.unpack(">I", body[:4])[0] == 0, body


async def test_sftp_speaks_sftp_with_the_instance(
    instances: InstanceServiceStub, running: str
) -> None:
    call = instances.GetInstanceFileSFTP(timeout=OP_TIMEOUT)
    await call.write(pb.GetInstanceFileSFTPRequest(name=running))
    sftp = Sftp(call)
    await sftp.send(SSH_FXP_INIT, struct.pack(">I", 3))
    kind, body = await sftp.receive()
    assert kind == SSH_FXP_VERSION and struct.unpack(">I", body[:4])[0] == 3

    content = os.urandom(100_000)
    flags = SSH_FXF_WRITE | SSH_FXF_CREAT | SSH_FXF_TRUNC
    kind, body = await sftp.request(
        SSH_FXP_OPEN, _string(b"/tmp/over-sftp") + struct.pack(">II", flags, 0)
    )
    assert kind == SSH_FXP_HANDLE, body
    handle = body[4 : 4 + struct.unpack(">I", body[:4])[0]]
    for offset in range(0, len(content), 32 * 1024):
        piece = content[offset : offset + 32 * 1024]
        await sftp.ok(SSH_FXP_WRITE, _string(handle) + struct.pack(">Q", offset) + _string(piece))
    await sftp.ok(SSH_FXP_CLOSE, _string(handle))
    kind, body = await sftp.request(SSH_FXP_STAT, _string(b"/tmp/over-sftp"))
    assert kind == SSH_FXP_ATTRS
    (attr_flags,) = struct.unpack(">I", body[:4])
    assert attr_flags & SSH_FILEXFER_ATTR_SIZE and struct.unpack(">Q", body[4:12])[0] == len(
        content
    )

    # Half-closing ends the session: the daemon closes its side and the stream ends OK.
    await call.done_writing()
    assert await asyncio.wait_for(call.read(), OP_TIMEOUT) is grpc.aio.EOF
    assert await call.code() == grpc.StatusCode.OK

    # What SFTP wrote is there for the files RPCs too.
    _, data = await pull(instances, running, "/tmp/over-sftp")
    assert data == content
    await instances.DeleteInstanceFile(
        pb.DeleteInstanceFileRequest(name=running, path="/tmp/over-sftp")
    )


async def test_sftp_to_a_missing_instance_is_not_found(instances: InstanceServiceStub) -> None:
    call = instances.GetInstanceFileSFTP(timeout=OP_TIMEOUT)
    await call.write(pb.GetInstanceFileSFTPRequest(name="t-in-missing"))
    await call.done_writing()
    with pytest.raises(grpc.aio.AioRpcError) as raised:
        await call.read()
    assert raised.value.code() == grpc.StatusCode.NOT_FOUND


class _Channel:
    """What paramiko's SFTPClient asks of its channel: send, recv, close, a name for its log."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock

    def send(self, data: bytes) -> int:
        return self.sock.send(data)

    def recv(self, size: int) -> bytes:
        return self.sock.recv(size)

    def close(self) -> None:
        self.sock.close()

    def get_name(self) -> str:
        return "GetInstanceFileSFTP"


async def test_a_well_kept_sftp_client_works_over_the_stream(
    instances: InstanceServiceStub, running: str
) -> None:
    """paramiko's SFTPClient, on one end of a socket pair whose other end is the RPC: write,
    stat, list, read back, rename and remove, then close (which ends the RPC OK)."""
    call = instances.GetInstanceFileSFTP(timeout=OP_TIMEOUT)
    await call.write(pb.GetInstanceFileSFTPRequest(name=running))
    ours, theirs = socket.socketpair()
    ours.setblocking(False)
    loop = asyncio.get_running_loop()

    async def to_the_bridge() -> None:
        while data := await loop.sock_recv(ours, 64 * 1024):
            await call.write(pb.GetInstanceFileSFTPRequest(data=data))
        await call.done_writing()

    async def from_the_bridge() -> None:
        while (reply := await call.read()) is not grpc.aio.EOF:
            await loop.sock_sendall(ours, reply.data)

    content = os.urandom(300_000)

    def session() -> tuple[int, list[str], bytes, list[str]]:
        client = paramiko.SFTPClient(_Channel(theirs))
        with client.open("/tmp/by-paramiko", "wb") as f:
            f.write(content)
        size = client.stat("/tmp/by-paramiko").st_size
        listed = client.listdir("/tmp")
        client.rename("/tmp/by-paramiko", "/tmp/by-paramiko-2")
        with client.open("/tmp/by-paramiko-2", "rb") as f:
            back = f.read()
        client.remove("/tmp/by-paramiko-2")
        after = client.listdir("/tmp")
        client.close()  # closes its end of the pair: the pump half-closes the RPC
        return size, listed, back, after

    pumps = asyncio.gather(to_the_bridge(), from_the_bridge())
    try:
        size, listed, back, after = await asyncio.wait_for(asyncio.to_thread(session), OP_TIMEOUT)
        await asyncio.wait_for(pumps, OP_TIMEOUT)
    finally:
        pumps.cancel()
        ours.close()
        theirs.close()
    assert size == len(content) and back == content
    assert "by-paramiko" in listed and "by-paramiko-2" not in after
    assert await call.code() == grpc.StatusCode.OK
