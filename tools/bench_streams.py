"""The streams benchmark (``python -m tools.bench streams``): every byte-moving RPC beside the
same transfer done directly against LXD, 64 MiB each (1 GiB with ``--big``).

Runs against the sandbox LXD (``tools/lxd-sandbox ensure``; $SANDBOX_DIR, default build/sandbox)
with the bridge served by a separate process (``python -m bridge serve``, insecure loopback TCP),
whose resident memory is sampled from /proc/<pid>/status while it works. Each pair runs in
alternating rounds (bridge, then direct), the median rate of each is kept:

- upload:   CreateContainerFile (1 MiB requests) vs ``POST .../files`` with the same 1 MiB chunks;
- download: GetContainerFile vs ``GET .../files`` read as aiohttp gives it;
- backup export: GetContainerBackupFile vs ``GET .../backups/<b>/export`` (a backup of the
  container holding that file, uncompressed);
- image export: GetImageFile vs ``GET /1.0/images/<fp>/export`` (the container published as an
  image, uncompressed);
- exec output: ``head -c SIZE /dev/zero`` through ExecContainer vs LXD's websockets read with
  bridge.transport (``LxdClient.exec``);
- exec input: SIZE bytes of stdin (256 KiB requests) into ``cat >/dev/null`` through
  ExecContainer vs the same chunks written to the websocket directly.

The direct clients are aiohttp (the bridge's own HTTP client) and websockets on LXD's unix socket.
Beside each rate: the CPU per MiB moved of the bridge process (/proc) and of this client process
(getrusage, the gRPC client's or the direct client's), medians: on this 2-core machine LXD, the
bridge and the client share two cores, so where the CPU goes says what bounds the rate.
Goals (issue 15): each within 0.9x of the direct rate; the bridge's RSS grows by less than
64 MiB during each transfer. Prints markdown tables; exit status 1 if a transfer moved the wrong
number of bytes or the memory bar is missed (a rate below the goal is reported, not fatal).
"""

from __future__ import annotations

import asyncio
import os
import resource
import secrets
import statistics
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import grpc

from bridge.transport import LxdClient
from lxd.api.v1 import container_exec_pb2
from lxd.api.v1.container_service_pb2 import (
    CreateContainerFileRequest,
    ExecContainerRequest,
    GetContainerBackupFileRequest,
    GetContainerFileRequest,
)
from lxd.api.v1.container_service_pb2_grpc import ContainerServiceStub
from lxd.api.v1.image_service_pb2 import GetImageFileRequest
from lxd.api.v1.image_service_pb2_grpc import ImageServiceStub
from tools import bench_support as support

ROOT = Path(__file__).resolve().parent.parent
SIZE = 64 << 20  # the default: a few seconds each way
BIG = 1 << 30  # --big
CHUNK = 1 << 20
STDIN_CHUNK = 256 << 10
RSS_LIMIT = 64 << 20
GOAL = 0.9  # issue 15: each transfer at least 0.9x the direct rate
PATH = "/root/bench-stream"
ROUNDS = 3

Work = Callable[[], Awaitable[int]]


def own_cpu() -> float:
    """CPU seconds (user + system) of this process: the client's side of a transfer."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


@dataclass
class Round:
    """One transfer: bytes moved, seconds, the bridge's RSS growth and CPU seconds (0 for a
    direct transfer), and this client's CPU seconds."""

    moved: int
    seconds: float
    growth: int = 0
    bridge_cpu: float = 0.0
    client_cpu: float = 0.0


class RssSampler:
    """Samples a process's RSS every 20 ms while a transfer runs; reports the peak growth."""

    def __init__(self, pid: int) -> None:
        self.pid = pid

    async def measure(self, work: Work) -> Round:
        """Run ``work`` (returns bytes moved), sampling the bridge's RSS and CPU."""
        cpu_before, client_before = support.cpu_seconds(self.pid), own_cpu()
        before = peak = support.rss(self.pid)
        done = asyncio.Event()

        async def sample() -> None:
            nonlocal peak
            while not done.is_set():
                peak = max(peak, support.rss(self.pid))
                await asyncio.sleep(0.02)

        sampler = asyncio.create_task(sample())
        start = time.perf_counter()
        try:
            moved = await work()
        finally:
            elapsed = time.perf_counter() - start
            done.set()
            await sampler
        return Round(
            moved, elapsed, peak - before,
            support.cpu_seconds(self.pid) - cpu_before, own_cpu() - client_before,
        )  # fmt: skip


async def _upload(stub: ContainerServiceStub, name: str, size: int) -> int:
    block = os.urandom(CHUNK)

    async def requests() -> AsyncIterator[CreateContainerFileRequest]:
        yield CreateContainerFileRequest(name=name, path=PATH, mode=0o600)
        for _ in range(size // CHUNK):
            yield CreateContainerFileRequest(data=block)

    reply = await stub.CreateContainerFile(requests())
    return int(reply.size)


async def _upload_direct(http: aiohttp.ClientSession, name: str, size: int) -> int:
    block = os.urandom(CHUNK)

    async def body() -> AsyncIterator[bytes]:
        for _ in range(size // CHUNK):
            yield block

    headers = {"Content-Type": "application/octet-stream", "X-LXD-type": "file",
               "X-LXD-mode": "0600", "X-LXD-write": "overwrite"}  # fmt: skip
    async with http.post(
        f"/1.0/containers/{name}/files", params={"path": PATH}, data=body(), headers=headers
    ) as response:
        await response.read()
        if response.status != 200:
            raise RuntimeError(f"direct upload: HTTP {response.status}")
    return size


async def _download_direct(http: aiohttp.ClientSession, url: str) -> int:
    received = 0
    async with http.get(url) as response:
        if response.status != 200:
            raise RuntimeError(f"direct GET {url}: HTTP {response.status}")
        async for chunk in response.content.iter_any():
            received += len(chunk)
    return received


async def _download(stub: ContainerServiceStub, name: str) -> int:
    received = 0
    async for reply in stub.GetContainerFile(GetContainerFileRequest(name=name, path=PATH)):
        received += len(reply.data)
    return received


async def _backup(stub: ContainerServiceStub, name: str) -> int:
    received = 0
    request = GetContainerBackupFileRequest(container=name, name="bench")
    async for reply in stub.GetContainerBackupFile(request):
        received += len(reply.data)
    return received


async def _image(stub: ImageServiceStub, fingerprint: str) -> int:
    received = 0
    async for reply in stub.GetImageFile(GetImageFileRequest(name=fingerprint)):
        received += len(reply.data)
    return received


async def _exec_bridge(stub: ContainerServiceStub, name: str, size: int) -> int:
    call = stub.ExecContainer()
    post = container_exec_pb2.ContainerExecPost(command=["head", "-c", str(size), "/dev/zero"])
    await call.write(ExecContainerRequest(name=name, exec=post))
    await call.done_writing()
    received = 0
    while (reply := await call.read()) is not grpc.aio.EOF:
        received += len(reply.stdout)
        if reply.WhichOneof("output") == "exit" and reply.exit.exit_code != 0:
            raise RuntimeError(f"exec failed: {reply.exit}")
    return received


async def _exec_direct(lxd: LxdClient, name: str, size: int) -> int:
    received = 0
    async with await lxd.exec(name, ["head", "-c", str(size), "/dev/zero"], stdin=b"") as proc:
        async for _, chunk in proc.output():
            received += len(chunk)
        result = await proc.wait()
    if result.exit_code != 0:
        raise RuntimeError(f"exec failed: {result}")
    return received


_STDIN_COMMAND = ["sh", "-c", "cat >/dev/null"]


async def _stdin_bridge(stub: ContainerServiceStub, name: str, size: int) -> int:
    block = bytes(STDIN_CHUNK)
    call = stub.ExecContainer()
    post = container_exec_pb2.ContainerExecPost(command=_STDIN_COMMAND)
    await call.write(ExecContainerRequest(name=name, exec=post))
    for _ in range(size // STDIN_CHUNK):
        await call.write(ExecContainerRequest(stdin=block))
    await call.done_writing()
    while (reply := await call.read()) is not grpc.aio.EOF:
        if reply.WhichOneof("output") == "exit" and reply.exit.exit_code != 0:
            raise RuntimeError(f"exec failed: {reply.exit}")
    return size


async def _stdin_direct(lxd: LxdClient, name: str, size: int) -> int:
    block = bytes(STDIN_CHUNK)

    async def stdin() -> AsyncIterator[bytes]:
        for _ in range(size // STDIN_CHUNK):
            yield block

    async with await lxd.exec(name, _STDIN_COMMAND, stdin=stdin()) as proc:
        result = await proc.wait()
    if result.exit_code != 0:
        raise RuntimeError(f"exec failed: {result}")
    return size


@dataclass
class Pair:
    """One transfer through the bridge and directly: bytes moved, seconds, RSS growth."""

    label: str
    bridge: list[Round] = field(default_factory=list)
    direct: list[Round] = field(default_factory=list)

    def rate(self, runs: list[Round]) -> float:
        """Median MiB/s of ``runs``."""
        return statistics.median(r.moved / r.seconds / (1 << 20) for r in runs)

    def rates(self, runs: list[Round]) -> str:
        return ", ".join(f"{r.moved / r.seconds / (1 << 20):.0f}" for r in runs)

    @staticmethod
    def per_mib(runs: list[Round], cpu: Callable[[Round], float]) -> float:
        """Median CPU milliseconds per MiB moved."""
        return statistics.median(cpu(r) * 1000 / (r.moved / (1 << 20)) for r in runs)


async def run(size: int) -> tuple[list[Pair], int]:
    """Every pair, in alternating rounds: the pairs and the bytes each transfer should move."""
    sandbox = support.sandbox()
    sock = sandbox["socket"]
    listen = support.free_tcp_address()
    server = support.start_bridge(sock, listen)
    name = f"bench-streams-{secrets.token_hex(4)}"
    fingerprint = ""
    pairs: list[Pair] = []
    http = aiohttp.ClientSession(connector=aiohttp.UnixConnector(path=sock), base_url="http://lxd")
    try:
        async with await LxdClient.open(f"unix://{sock}") as lxd:
            body = {"name": name, "source": {"type": "image", "alias": "busybox"}}
            await lxd.operations.run("POST", "/1.0/containers", json=body, timeout=120)
            await _upload_direct(http, name, size)  # what the exports carry
            await lxd.operations.run(
                "POST", f"/1.0/containers/{name}/backups", timeout=300,
                json={"name": "bench", "compression_algorithm": "none", "container_only": True},
            )  # fmt: skip
            published = await lxd.operations.run(
                "POST", "/1.0/images", timeout=300,
                json={"source": {"type": "container", "name": name},
                      "compression_algorithm": "none"},
            )  # fmt: skip
            fingerprint = published["metadata"]["fingerprint"]
            image_size = (await lxd.get(f"/1.0/images/{fingerprint}")).metadata["size"]
            backup_size = await _download_direct(
                http, f"/1.0/containers/{name}/backups/bench/export"
            )
            await lxd.operations.run(
                "PUT", f"/1.0/containers/{name}/state", json={"action": "start"}, timeout=120
            )
            async with grpc.aio.insecure_channel(listen) as channel:
                await asyncio.wait_for(channel.channel_ready(), 30)
                stub = ContainerServiceStub(channel)
                images = ImageServiceStub(channel)
                sampler = RssSampler(server.pid)
                files = f"/1.0/containers/{name}/files?path={PATH}"
                work: list[tuple[str, int, Work, Work]] = [
                    ("upload (CreateContainerFile)", size,
                     lambda: _upload(stub, name, size), lambda: _upload_direct(http, name, size)),
                    ("download (GetContainerFile)", size,
                     lambda: _download(stub, name), lambda: _download_direct(http, files)),
                    ("backup export (GetContainerBackupFile)", backup_size,
                     lambda: _backup(stub, name),
                     lambda: _download_direct(
                         http, f"/1.0/containers/{name}/backups/bench/export")),
                    ("image export (GetImageFile)", image_size,
                     lambda: _image(images, fingerprint),
                     lambda: _download_direct(http, f"/1.0/images/{fingerprint}/export")),
                    ("exec output (ExecContainer)", size,
                     lambda: _exec_bridge(stub, name, size), lambda: _exec_direct(lxd, name, size)),
                    ("exec input (ExecContainer stdin)", size,
                     lambda: _stdin_bridge(stub, name, size),
                     lambda: _stdin_direct(lxd, name, size)),
                ]  # fmt: skip
                for _, _, bridged, direct in work:  # warm up every path, small or not
                    await bridged()
                    await direct()
                expected: dict[str, int] = {}
                for label, want, bridged, direct in work:
                    pair = Pair(label)
                    expected[label] = want
                    for _ in range(ROUNDS):
                        pair.bridge.append(await sampler.measure(bridged))
                        client_before, start = own_cpu(), time.perf_counter()
                        moved = await direct()
                        elapsed = time.perf_counter() - start
                        pair.direct.append(
                            Round(moved, elapsed, client_cpu=own_cpu() - client_before)
                        )
                    pairs.append(pair)
            await lxd.operations.run(
                "PUT", f"/1.0/containers/{name}/state", json={"action": "stop", "force": True},
                timeout=120,
            )  # fmt: skip
            await lxd.operations.run("DELETE", f"/1.0/containers/{name}", timeout=120)
            await lxd.operations.run("DELETE", f"/1.0/images/{fingerprint}", timeout=120)
    finally:
        await http.close()
        support.stop(server)
    wrong = sum(
        1 for pair in pairs for r in (*pair.bridge, *pair.direct) if r.moved != expected[pair.label]
    )
    return pairs, wrong


def _human(size: int) -> str:
    return f"{size >> 30} GiB" if size >= 1 << 30 else f"{size >> 20} MiB"


def main(size: int = SIZE) -> int:
    """Run the transfers and print the table; exit status 1 if a bar is missed."""
    pairs, wrong = asyncio.run(run(size))
    print(f"## Streams: {_human(size)} through the bridge (its own process) and directly to LXD")
    print()
    print(f"Median of {ROUNDS} alternating rounds each (MiB/s of every round in brackets).")
    print()
    print(
        "| transfer | bridge MiB/s | direct MiB/s | bridge / direct | bridge RSS growth | goal "
        "| bridge CPU ms/MiB | gRPC client CPU ms/MiB | direct client CPU ms/MiB |"
    )
    print("|---|---:|---:|---|---:|---|---:|---:|---:|")
    ok = wrong == 0
    for pair in pairs:
        bridge, direct = pair.rate(pair.bridge), pair.rate(pair.direct)
        growth = max(r.growth for r in pair.bridge)
        ok &= growth < RSS_LIMIT
        ratio = bridge / direct
        met = "met" if ratio >= GOAL else "not met"
        print(
            f"| {pair.label} | {bridge:.0f} ({pair.rates(pair.bridge)}) "
            f"| {direct:.0f} ({pair.rates(pair.direct)}) | {ratio:.2f}x "
            f"| {growth / (1 << 20):.1f} MiB | >= {GOAL}x: {met} "
            f"| {pair.per_mib(pair.bridge, lambda r: r.bridge_cpu):.2f} "
            f"| {pair.per_mib(pair.bridge, lambda r: r.client_cpu):.2f} "
            f"| {pair.per_mib(pair.direct, lambda r: r.client_cpu):.2f} |"
        )
    print()
    if wrong:
        print(f"{wrong} transfers moved the wrong number of bytes.")
    print(
        f"Bridge RSS growth under {RSS_LIMIT >> 20} MiB in every transfer: {'yes' if ok else 'NO'}."
    )
    print()
    return 0 if ok else 1
