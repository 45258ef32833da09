"""GetContainer through the bridge against the same call made directly to LXD's REST API.

All go to the same LXD over the same unix socket, side by side in one run:
- direct httpx: an httpx client on the socket, ``GET /1.0/containers/<name>`` and orjson parsing;
- direct aiohttp: the same with an aiohttp session (the HTTP client the bridge's transport uses);
- bridge: a grpc.aio channel to the bridge (``python -m bridge serve``, its own process) calling
  ``ContainerService.GetContainer``, which does that same GET, decodes it with the codec and
  answers a typed ``Container``.
Latency: one client, alternating rounds of each, p50 and p99. Throughput: 32 concurrent clients
for a fixed time, alternating, requests per second. The LXD is the sandbox (tools/lxd-sandbox).
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import aiohttp
import grpc
import httpx
import orjson

from bridge.transport import LxdClient
from lxd.api.v1 import container_service_pb2, container_service_pb2_grpc

ROOT = Path(__file__).resolve().parent.parent
ROUNDS, PER_ROUND = 10, 50  # latency: 10 alternating rounds of 50 calls each
CONCURRENCY, WINDOW = 32, 3.0  # throughput: 32 clients, 3 s windows, two of each


def _sandbox() -> dict[str, str]:
    env = {**os.environ, "SANDBOX_DIR": os.environ.get("SANDBOX_DIR", str(ROOT / "build/sandbox"))}
    subprocess.run([str(ROOT / "tools/lxd-sandbox"), "ensure"], check=True, env=env,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    info: dict[str, str] = json.loads((Path(env["SANDBOX_DIR"]) / "sandbox.json").read_text())
    return info


def _bridge_listen(sandbox_socket: str) -> str:
    """A unix socket for the bridge beside the sandbox (the default kind of listener; the
    bridge gives it the mode of LXD's socket and removes it when it stops)."""
    return (
        f"unix:{Path(sandbox_socket).parent.parent.parent / f'bench-{secrets.token_hex(4)}.sock'}"
    )


async def _latencies(call: Callable[[], Awaitable[object]], n: int) -> list[float]:
    out = []
    for _ in range(n):
        start = time.perf_counter()
        await call()
        out.append(time.perf_counter() - start)
    return out


async def _throughput(call: Callable[[], Awaitable[object]]) -> float:
    done = 0
    stop = time.perf_counter() + WINDOW

    async def worker() -> None:
        nonlocal done
        while time.perf_counter() < stop:
            await call()
            done += 1

    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
    return done / (time.perf_counter() - start)


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


#: The contenders, in the order they alternate and appear in the table.
CONTENDERS = ("httpx", "aiohttp", "bridge")


async def run() -> list[tuple[str, ...]]:
    """Rows of (measure, direct httpx, direct aiohttp, bridge, bridge/httpx, bridge/aiohttp)."""
    info = _sandbox()
    sock = info["socket"]
    name = f"bench-{secrets.token_hex(4)}"
    async with await LxdClient.open(f"unix://{sock}") as lxd:
        body = {"name": name, "source": {"type": "image", "alias": "busybox"},
                "config": {"user.bench": "1"}}  # fmt: skip
        await lxd.operations.run("POST", "/1.0/containers", json=body, timeout=60)
        listen = _bridge_listen(info["sandbox_dir"])
        server = subprocess.Popen(
            [sys.executable, "-m", "bridge", "serve", "--lxd", f"unix://{sock}",
             "--listen", listen, "--log-level", "warning"],
        )  # fmt: skip
        try:
            http = httpx.AsyncClient(
                transport=httpx.AsyncHTTPTransport(uds=sock), base_url="http://lxd"
            )
            session = aiohttp.ClientSession(
                connector=aiohttp.UnixConnector(path=sock), base_url="http://lxd"
            )
            channel = grpc.aio.insecure_channel(listen)
            await asyncio.wait_for(channel.channel_ready(), 30)
            stub = container_service_pb2_grpc.ContainerServiceStub(channel)
            request = container_service_pb2.GetContainerRequest(name=name)

            async def direct_httpx() -> object:
                response = await http.get(f"/1.0/containers/{name}")
                return orjson.loads(response.content)["metadata"]

            async def direct_aiohttp() -> object:
                async with session.get(f"/1.0/containers/{name}") as response:
                    return orjson.loads(await response.read())["metadata"]

            async def bridge() -> object:
                return await stub.GetContainer(request)

            calls = {"httpx": direct_httpx, "aiohttp": direct_aiohttp, "bridge": bridge}
            for call in calls.values():  # warm up every path
                await _latencies(call, 50)
            lat: dict[str, list[float]] = {k: [] for k in CONTENDERS}
            for _ in range(ROUNDS):
                for k in CONTENDERS:
                    lat[k] += await _latencies(calls[k], PER_ROUND)
            rps: dict[str, list[float]] = {k: [] for k in CONTENDERS}
            for _ in range(2):
                for k in CONTENDERS:
                    rps[k].append(await _throughput(calls[k]))
            await channel.close()
            await http.aclose()
            await session.close()
        finally:
            server.terminate()
            server.wait(30)
            await lxd.operations.run("DELETE", f"/1.0/containers/{name}", timeout=60)

    rows: list[tuple[str, ...]] = []
    for label, p in (("p50 latency, 1 client", 0.50), ("p99 latency, 1 client", 0.99)):
        h, a, b = (_pct(lat[k], p) * 1e3 for k in CONTENDERS)
        rows.append(
            (label, f"{h:.2f} ms", f"{a:.2f} ms", f"{b:.2f} ms", f"{b / h:.2f}x", f"{b / a:.2f}x")
        )
    h, a, b = (statistics.median(rps[k]) for k in CONTENDERS)
    rows.append(
        (
            f"throughput, {CONCURRENCY} clients",
            *(f"{v:.0f}/s" for v in (h, a, b)),
            f"{b / h:.2f}x",
            f"{b / a:.2f}x",
        )
    )
    return rows


def main() -> None:
    """Print the markdown table."""
    rows = asyncio.run(run())
    print("## GetContainer: bridge vs direct REST on the same socket")
    print()
    print(
        "| measure | direct REST (httpx) | direct REST (aiohttp) | through the bridge "
        "| bridge / direct httpx | bridge / direct aiohttp |"
    )
    print("|---|---:|---:|---:|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print()
