"""Event fan-out (``python -m tools.bench events``): GetEvents at 1, 100 and 1,000 subscribers.

Against the sandbox LXD, with a container whose config is PATCHed at a steady 20 per second (one
``container-updated`` lifecycle event each), side by side in one run:

- bridge: ``python -m bridge serve`` (its own process, insecure loopback TCP), N GetEvents
  streams (types=[lifecycle]) from the Node client (tools/bench_node/client.js, @grpc/grpc-js,
  one connection per 100 streams), so that the client is not what is measured;
- floor: tools/bench_floor.py, a bare grpc.aio server streaming one pre-serialized message to
  the same N streams at the same rate, read by the same client;
- direct: N websockets straight to LXD's ``/1.0/events?type=lifecycle`` (from Python; what is
  read here is LXD's CPU, RSS and sockets, beside what one bridge upstream costs it).

Every subscriber must get every event, in order (timestamps never go back, every stream the same
sequence). Delay is from LXD's event timestamp (the floor's: when it made the message) to the
client's receipt. CPU per delivery is the server process's CPU time (/proc) while the events
flow, divided by streams x events.
"""

from __future__ import annotations

import asyncio
import json
import secrets
import subprocess
import time
from dataclasses import dataclass
from typing import Any

import aiohttp
from websockets.asyncio.client import unix_connect

from tools import bench_support as support

RATE = 20.0  # events per second, as in issue 15
SIZES = (1, 100, 1000)
#: The bridge's per-caller limits (64 streams by default) raised above the largest size.
PER_CALLER_LIMITS = ("--max-streams-per-caller", "2000", "--max-inflight-per-caller", "2000")
DIRECT_SIZES = (100,)  # LXD beside N direct websockets: 1,000 Python readers would load the box


@dataclass
class Run:
    """One server at one size."""

    server: str
    streams: int
    events: int
    result: dict[str, Any]
    cpu: float  # seconds of the server's CPU while the events flowed

    @property
    def complete(self) -> bool:
        """Every stream got every event, in order, the same sequence, without errors."""
        r = self.result
        return (
            r["counts"] == [self.events] * self.streams
            and r["in_order"]
            and r["same_sequence"]
            and not r["errors"]
        )

    @property
    def us_per_delivery(self) -> float:
        """The server's CPU per event delivered to one stream, in microseconds."""
        return self.cpu / max(1, self.streams * self.events) * 1e6


class Patcher:
    """PATCHes a container's config at ``RATE`` per second: one lifecycle event each."""

    def __init__(self, session: aiohttp.ClientSession, name: str) -> None:
        self.session = session
        self.name = name
        self.seq = 0

    async def run(self, count: int) -> None:
        """``count`` PATCHes, spaced from a fixed start (a slow one does not shift the rest)."""
        loop = asyncio.get_running_loop()
        start = loop.time()
        for i in range(count):
            await asyncio.sleep(max(0.0, start + i / RATE - loop.time()))
            self.seq += 1
            body = {"config": {"user.bench": str(self.seq)}}
            async with self.session.patch(f"/1.0/containers/{self.name}", json=body) as r:
                r.raise_for_status()


async def _subscribe(target: str, streams: int, events: int) -> asyncio.subprocess.Process:
    timeout = events / RATE + 60
    client = await asyncio.create_subprocess_exec(
        support.node(), str(support.NODE_CLIENT), "events", target,
        str(streams), str(events), str(timeout),
        stdout=subprocess.PIPE, cwd=support.ROOT,
    )  # fmt: skip
    assert client.stdout is not None
    line = await asyncio.wait_for(client.stdout.readline(), 120)
    if line.strip() != b"ready":
        raise RuntimeError(f"the Node client did not subscribe: {line!r}")
    return client


async def _result(client: asyncio.subprocess.Process) -> dict[str, Any]:
    assert client.stdout is not None
    out = await client.stdout.read()
    await client.wait()
    result: dict[str, Any] = json.loads(out)
    return result


@dataclass
class LxdCost:
    """What LXD itself spent while the events flowed to N subscribers, bridged or direct."""

    cpu: float = 0.0  # seconds
    rss: int = 0  # peak bytes seen
    sockets: int = 0  # sockets LXD held while subscribed
    complete: bool = True  # (direct) every websocket got every event


class LxdWatch:
    """Reads LXD's CPU, RSS and sockets around a run."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.cost = LxdCost()
        self._cpu = 0.0

    def start(self) -> None:
        """Subscribed: count the sockets, start the CPU clock."""
        self.cost.sockets = support.sockets(self.pid)
        self.cost.rss = support.rss(self.pid)
        self._cpu = support.cpu_seconds(self.pid)

    def stop(self) -> LxdCost:
        """The events have flowed."""
        self.cost.cpu = support.cpu_seconds(self.pid) - self._cpu
        self.cost.rss = max(self.cost.rss, support.rss(self.pid))
        return self.cost


async def _bridge_run(
    pid: int, target: str, patcher: Patcher, lxd: LxdWatch, *, streams: int, events: int
) -> Run:
    """The bridge at one size."""
    client = await _subscribe(target, streams, events)
    await asyncio.sleep(1)  # let the subscriptions settle before the CPU is read
    cpu = support.cpu_seconds(pid)
    lxd.start()
    await patcher.run(events)
    result = await _result(client)
    lxd.stop()
    return Run("bridge", streams, events, result, support.cpu_seconds(pid) - cpu)


async def _floor_run(lxd_socket: str, streams: int, events: int) -> Run:
    """The floor server at one size (it starts sending 1 s after the last stream opened)."""
    floor, target = support.start_floor(
        lxd_socket, "--streams", str(streams), "--events", str(events), "--rate", str(RATE)
    )
    try:
        client = await _subscribe(target, streams, events)
        cpu = support.cpu_seconds(floor.pid)
        result = await _result(client)
        return Run("floor", streams, events, result, support.cpu_seconds(floor.pid) - cpu)
    finally:
        support.stop(floor)


async def _direct_run(
    lxd_socket: str, patcher: Patcher, lxd: LxdWatch, streams: int, events: int
) -> LxdCost:
    """LXD with ``streams`` direct websocket subscribers."""
    connections = [
        await unix_connect(lxd_socket, "ws://lxd/1.0/events?type=lifecycle", max_size=None)
        for _ in range(streams)
    ]
    counts = [0] * streams

    async def read(i: int) -> None:
        async for _ in connections[i]:
            counts[i] += 1
            if counts[i] == events:
                return

    try:
        readers = [asyncio.create_task(read(i)) for i in range(streams)]
        await asyncio.sleep(1)
        lxd.start()
        await patcher.run(events)
        await asyncio.wait_for(asyncio.gather(*readers), 60)
        cost = lxd.stop()
    finally:
        for ws in connections:
            await ws.close()
    cost.complete = counts == [events] * streams
    return cost


@dataclass
class Size:
    """Everything measured at one number of subscribers."""

    bridge: Run
    floor: Run
    lxd_bridged: LxdCost
    lxd_direct: LxdCost | None


async def run(events: int, sizes: tuple[int, ...] = SIZES) -> list[Size]:
    """Every size, bridge, floor and (at DIRECT_SIZES) direct, in one run."""
    info = support.sandbox()
    lxd_socket, lxd_pid = info["socket"], int(info["pid"])
    name = f"bench-events-{secrets.token_hex(4)}"
    out: list[Size] = []
    async with aiohttp.ClientSession(
        connector=aiohttp.UnixConnector(path=lxd_socket), base_url="http://lxd"
    ) as session:
        source = {"type": "image", "alias": info["image_alias"]}
        await _operation(session, "POST", "/1.0/containers", {"name": name, "source": source})
        patcher = Patcher(session, name)
        target = support.free_tcp_address()
        # Every stream is the one anonymous caller's: its limits go above the largest size.
        bridge = support.start_bridge(lxd_socket, target, *PER_CALLER_LIMITS)
        try:
            await _wait_listening(target)
            for streams in sizes:
                bridged = LxdWatch(lxd_pid)
                bridge_run = await _bridge_run(
                    bridge.pid, target, patcher, bridged, streams=streams, events=events
                )
                floor_run = await _floor_run(lxd_socket, streams, events)
                direct = None
                if streams in DIRECT_SIZES:
                    direct = await _direct_run(
                        lxd_socket, patcher, LxdWatch(lxd_pid), streams, events
                    )
                out.append(Size(bridge_run, floor_run, bridged.cost, direct))
        finally:
            support.stop(bridge)
            await _operation(session, "DELETE", f"/1.0/containers/{name}", None)
    return out


async def _operation(
    session: aiohttp.ClientSession, method: str, path: str, body: dict[str, Any] | None
) -> None:
    async with session.request(method, path, json=body) as r:
        r.raise_for_status()
        operation = (await r.json())["operation"]
    async with session.get(f"{operation}/wait?timeout=120") as r:
        r.raise_for_status()


async def _wait_listening(address: str) -> None:
    host, port = address.rsplit(":", 1)
    deadline = time.monotonic() + 30
    while True:
        try:
            _, writer = await asyncio.open_connection(host, int(port))
        except OSError:
            if time.monotonic() > deadline:
                raise
            await asyncio.sleep(0.1)
            continue
        writer.close()
        return


GOAL_FLOOR_RATIO = 1.5
GOAL_P99_AT_100_MS = 100.0


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f} ms"


def main(events: int) -> bool:
    """Run every size, print the tables; True if every subscriber got every event."""
    sizes = asyncio.run(run(events))
    print(f"## Events: GetEvents fan-out, {events} lifecycle events at {RATE:.0f}/s per size")
    print()
    print("| subscribers | server | every event, in order | p50 delay | p99 delay "
          "| CPU per delivery | bridge / floor |")  # fmt: skip
    print("|---:|---|---|---:|---:|---:|---|")
    ok = True
    for size in sizes:
        ratio = size.bridge.us_per_delivery / max(1e-9, size.floor.us_per_delivery)
        for r in (size.bridge, size.floor):
            ok &= r.complete
            got = f"{r.result['deliveries']}/{r.streams * r.events}"
            received = f"{'yes' if r.complete else 'NO'} ({got})"
            goal = ""
            if r.server == "bridge":
                met = ratio <= GOAL_FLOOR_RATIO
                goal = f"{ratio:.2f}x (goal <= {GOAL_FLOOR_RATIO}x: {'met' if met else 'not met'})"
                if r.streams == 100:
                    met = r.result["p99_ms"] is not None and r.result["p99_ms"] < GOAL_P99_AT_100_MS
                    goal += f"; p99 goal < 100 ms: {'met' if met else 'not met'}"
            delays = f"{_ms(r.result['p50_ms'])} | {_ms(r.result['p99_ms'])}"
            cpu = f"{r.us_per_delivery:.1f} µs"
            print(f"| {r.streams} | {r.server} | {received} | {delays} | {cpu} | {goal} |")
            if r.result["errors"]:
                print(f"|  | errors | {'; '.join(r.result['errors'])} | | | | |")
    print()
    print("LXD's own cost while the events flowed: one bridge upstream, or a websocket each:")
    print()
    print("| subscribers | LXD serves | LXD CPU | LXD RSS | LXD sockets open |")
    print("|---:|---|---:|---:|---:|")
    for size in sizes:
        rows = [("the bridge (1 websocket)", size.lxd_bridged)]
        if size.lxd_direct is not None:
            rows.append((f"{size.bridge.streams} direct websockets", size.lxd_direct))
            ok &= size.lxd_direct.complete
        for label, cost in rows:
            rss = f"{cost.rss / (1 << 20):.0f} MiB"
            print(
                f"| {size.bridge.streams} | {label} | {cost.cpu:.2f} s | {rss} | {cost.sockets} |"
            )
    print()
    return ok
