"""GetContainer through the bridge against the same call made directly to LXD's REST API.

All go to the same LXD over the same unix socket, side by side in one run:
- direct httpx: an httpx client on the socket, ``GET /1.0/containers/<name>`` and orjson parsing;
- direct aiohttp: the same with an aiohttp session (the HTTP client the bridge's transport uses);
- floor: tools/bench_floor.py (its own process), a grpc.aio server whose one handler does that
  same GET with aiohttp and returns LXD's bytes: no codec, no checks, the floor of any Python
  gRPC-to-REST hop;
- bridge: ``python -m bridge serve`` (its own process) calling ``ContainerService.GetContainer``,
  which does that same GET, decodes it with the codec and answers a typed ``Container``.
The floor and the bridge listen alike (loopback TCP, ``--insecure``: no TLS on either).
Latency: one client, alternating rounds of each, p50 and p99. Throughput: 32 concurrent clients
for a fixed time, alternating, requests per second. Then the same from the Node client
(tools/bench_node/client.js, @grpc/grpc-js, replies kept as bytes), with each server's CPU per
call read from /proc, and a third server beside them: the bridge as it would be deployed (TLS
with a certificate of its own, the 50-rule authorization policy of tools/bench_authz.py,
``--metrics-listen``), to show what those cost. The LXD is the sandbox (tools/lxd-sandbox).
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import statistics
import subprocess
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import grpc
import httpx
import orjson

from bridge.transport import LxdClient
from lxd.api.v1 import container_service_pb2, container_service_pb2_grpc
from tools import bench_support as support
from tools.bench_authz import fifty_rules

ROUNDS, PER_ROUND = 10, 50  # latency: 10 alternating rounds of 50 calls each
CONCURRENCY, WINDOW = 32, 3.0  # throughput: 32 clients, 3 s windows, two of each


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


#: The contenders, in the order they alternate and appear in the table.
CONTENDERS = ("httpx", "aiohttp", "floor", "bridge")
#: Issue 15: the bridge's CPU per GetContainer at most this many times the floor's.
GOAL_FLOOR_RATIO = 1.1
NODE_ROUNDS, NODE_LATENCY_CALLS, NODE_THROUGHPUT_CALLS = 3, 300, 2000


@dataclass
class NodeRow:
    """One server measured from the Node client: latency, throughput, CPU per call."""

    p50_ms: list[float] = field(default_factory=list)
    p99_ms: list[float] = field(default_factory=list)
    rps: list[float] = field(default_factory=list)
    cpu_per_call: list[float] = field(default_factory=list)  # seconds


#: A server the Node client calls: its process id, its address, and its CA when it speaks TLS.
Server = tuple[int, str, str | None]


def _node(server: Server, name: str, calls: int, concurrency: int) -> dict[str, float]:
    _, target, ca = server
    env = {**os.environ, **({"BENCH_CA": ca} if ca else {})}
    out = subprocess.run(
        [support.node(), str(support.NODE_CLIENT), "unary", target, name, str(calls),
         str(concurrency)],
        cwd=support.ROOT, capture_output=True, text=True, check=True, timeout=600, env=env,
    )  # fmt: skip
    result: dict[str, float] = json.loads(out.stdout)
    return result


def node_rows(servers: dict[str, Server], name: str) -> dict[str, NodeRow]:
    """Each server from the Node client, in alternating rounds."""
    rows = {k: NodeRow() for k in servers}
    for server in servers.values():  # warm up
        _node(server, name, 100, 4)
    for _ in range(NODE_ROUNDS):
        for k, server in servers.items():
            pid = server[0]
            latency = _node(server, name, NODE_LATENCY_CALLS, 1)
            rows[k].p50_ms.append(latency["p50_ms"])
            rows[k].p99_ms.append(latency["p99_ms"])
            cpu = support.cpu_seconds(pid)
            throughput = _node(server, name, NODE_THROUGHPUT_CALLS, CONCURRENCY)
            rows[k].cpu_per_call.append((support.cpu_seconds(pid) - cpu) / NODE_THROUGHPUT_CALLS)
            rows[k].rps.append(throughput["rps"])
    return rows


@dataclass
class Results:
    """Python-client latencies and rates per contender, and the Node client's rows."""

    latency: dict[str, list[float]]
    rps: dict[str, list[float]]
    node: dict[str, NodeRow]


async def run() -> Results:
    """Every contender, side by side in one run."""
    info = support.sandbox()
    sock = info["socket"]
    name = f"bench-{secrets.token_hex(4)}"
    async with await LxdClient.open(f"unix://{sock}") as lxd:
        body = {"name": name, "source": {"type": "image", "alias": "busybox"},
                "config": {"user.bench": "1"}}  # fmt: skip
        await lxd.operations.run("POST", "/1.0/containers", json=body, timeout=60)
        listen = support.free_tcp_address()
        server = support.start_bridge(sock, listen)
        floor, floor_address = support.start_floor(sock, "--name", name)
        scratch = tempfile.TemporaryDirectory(prefix="bench-deployed-")
        cert, key = support.self_signed(Path(scratch.name))
        policy = Path(scratch.name) / "policy.json"
        policy.write_bytes(orjson.dumps(fifty_rules()))
        deployed_listen = support.free_tcp_address()
        deployed = support.start_bridge(
            sock, deployed_listen, "--tls-cert", str(cert), "--tls-key", str(key),
            "--authz-policy", str(policy), "--metrics-listen", support.free_tcp_address(),
        )  # fmt: skip
        try:
            http = httpx.AsyncClient(
                transport=httpx.AsyncHTTPTransport(uds=sock), base_url="http://lxd"
            )
            session = aiohttp.ClientSession(
                connector=aiohttp.UnixConnector(path=sock), base_url="http://lxd"
            )
            channel = grpc.aio.insecure_channel(listen)
            floor_channel = grpc.aio.insecure_channel(floor_address)
            await asyncio.wait_for(channel.channel_ready(), 30)
            stub = container_service_pb2_grpc.ContainerServiceStub(channel)
            request = container_service_pb2.GetContainerRequest(name=name)
            raw_request = request.SerializeToString()
            floor_call: grpc.aio.UnaryUnaryMultiCallable[bytes, bytes] = floor_channel.unary_unary(
                "/lxd.api.v1.ContainerService/GetContainer",
                request_serializer=None,
                response_deserializer=None,
            )

            async def direct_httpx() -> object:
                response = await http.get(f"/1.0/containers/{name}")
                return orjson.loads(response.content)["metadata"]

            async def direct_aiohttp() -> object:
                async with session.get(f"/1.0/containers/{name}") as response:
                    return orjson.loads(await response.read())["metadata"]

            async def floor_server() -> object:
                return await floor_call(raw_request)

            async def bridge() -> object:
                return await stub.GetContainer(request)

            calls = {"httpx": direct_httpx, "aiohttp": direct_aiohttp, "floor": floor_server,
                     "bridge": bridge}  # fmt: skip
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
            await floor_channel.close()
            await http.aclose()
            await session.close()
            # Node runs in its own process: the event loop above is idle meanwhile.
            servers: dict[str, Server] = {
                "floor": (floor.pid, floor_address, None),
                "bridge": (server.pid, listen, None),
                "deployed": (deployed.pid, deployed_listen, str(cert)),
            }
            node = await asyncio.to_thread(node_rows, servers, name)
        finally:
            support.stop(server)
            support.stop(floor)
            support.stop(deployed)
            scratch.cleanup()
            await lxd.operations.run("DELETE", f"/1.0/containers/{name}", timeout=60)
    return Results(lat, rps, node)


def main() -> None:
    """Print the markdown tables."""
    results = asyncio.run(run())
    lat, rps = results.latency, results.rps
    print("## GetContainer: bridge vs its floor vs direct REST, from a Python client")
    print()
    print(
        "| measure | direct REST (httpx) | direct REST (aiohttp) | floor server | bridge "
        "| bridge / direct aiohttp | bridge / floor |"
    )
    print("|---|---:|---:|---:|---:|---|---|")
    for label, p in (("p50 latency, 1 client", 0.50), ("p99 latency, 1 client", 0.99)):
        h, a, f, b = (support.percentile(lat[k], p) * 1e3 for k in CONTENDERS)
        print(f"| {label} | {h:.2f} ms | {a:.2f} ms | {f:.2f} ms | {b:.2f} ms "
              f"| {b / a:.2f}x | {b / f:.2f}x |")  # fmt: skip
    h, a, f, b = (statistics.median(rps[k]) for k in CONTENDERS)
    print(f"| throughput, {CONCURRENCY} clients | {h:.0f}/s | {a:.0f}/s | {f:.0f}/s | {b:.0f}/s "
          f"| {b / a:.2f}x | {b / f:.2f}x |")  # fmt: skip
    print()
    node = results.node
    print("## GetContainer from the Node client (@grpc/grpc-js), server CPU per call from /proc")
    print()
    print("Insecure loopback TCP for the floor server and the bridge; the bridge as deployed adds")
    print("TLS, a 50-rule authorization policy (every rule tried) and --metrics-listen.")
    print()
    print(
        "| measure | floor server | bridge | bridge / floor | bridge as deployed "
        "| deployed / floor |"
    )
    print("|---|---:|---:|---|---:|---|")
    med = statistics.median
    f, b, d = node["floor"], node["bridge"], node["deployed"]
    for label, pick, unit in (
        ("p50 latency, 1 caller", lambda r: med(r.p50_ms), "ms"),
        ("p99 latency, 1 caller", lambda r: med(r.p99_ms), "ms"),
        (f"throughput, {CONCURRENCY} callers", lambda r: med(r.rps), "/s"),
        ("server CPU per call", lambda r: med(r.cpu_per_call) * 1e3, "ms"),
    ):
        fv, bv, dv = pick(f), pick(b), pick(d)
        digits = 0 if unit == "/s" else (3 if label.startswith("server") else 2)
        sep = "" if unit == "/s" else " "

        def fmt(v: float, digits: int = digits, sep: str = sep, unit: str = unit) -> str:
            return f"{v:.{digits}f}{sep}{unit}"

        print(f"| {label} | {fmt(fv)} | {fmt(bv)} | {bv / fv:.2f}x | {fmt(dv)} | {dv / fv:.2f}x |")
    cpu = [(x * 1e3, y * 1e3) for x, y in zip(f.cpu_per_call, b.cpu_per_call, strict=True)]
    ratio = med(b.cpu_per_call) / med(f.cpu_per_call)
    met = "met" if ratio <= GOAL_FLOOR_RATIO else "not met"
    rounds = ", ".join(f"{y / x:.2f}x" for x, y in cpu)
    print()
    print(
        f"Bridge CPU per call over the floor's: {ratio:.2f}x (goal <= {GOAL_FLOOR_RATIO}x: {met}; "
        f"each round: {rounds})."
    )
    print()
