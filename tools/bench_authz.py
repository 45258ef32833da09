"""What authorization costs per call: a 50-rule gRFC A43 policy beside a GetContainer.

Two measures, side by side in one run:
- the policy's work per call, in-process (the decision and the request headers it reads), with
  50 rules that all name the RPC's path, so that none is skipped by the per-method filter: 25 deny
  and 24 allow rules that differ only in a header, the 50th allowing the call (the worst case:
  every rule is tried);
- GetContainer through the bridge (in-process, on a unix socket, the real sandbox LXD) without a
  policy and with that policy, in alternating rounds, p50 of each.
The goal (issue 11): the policy's cost under 2% of a GetContainer.
"""

from __future__ import annotations

import asyncio
import secrets
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import grpc
import orjson

from bridge.authz import parse_policy, request_headers
from bridge.identity import ANONYMOUS
from bridge.server import start
from bridge.transport import LxdClient
from lxd.api.v1 import container_service_pb2, container_service_pb2_grpc
from tools import bench_support as support

GOAL = 0.02  # the policy's cost per call, as a share of a GetContainer
RULES = 50
ROUNDS, PER_ROUND = 10, 50
PATH = "/lxd.api.v1.ContainerService/GetContainer"


def fifty_rules() -> dict[str, Any]:
    """The worst case: every rule names the path; only the last one matches."""

    def rule(kind: str, i: int) -> dict[str, Any]:
        return {
            "name": f"{kind}-{i}",
            "request": {
                "paths": ["/lxd.api.v1.ContainerService/*"],
                "headers": [{"key": "x-team", "values": [f"team-{kind}-{i}"]}],
            },
        }

    deny = [rule("deny", i) for i in range(RULES // 2)]
    allow = [rule("allow", i) for i in range(RULES - len(deny) - 1)]
    allow.append({"name": "get", "request": {"paths": ["/lxd.api.v1.ContainerService/Get*"]}})
    return {"name": "bench", "deny_rules": deny, "allow_rules": allow}


def decision_seconds() -> float:
    """Median seconds of the policy's work for one call."""
    policy = parse_policy(orjson.dumps(fifty_rules()))
    metadata = (("user-agent", "grpc-python"), ("x-request-id", "abc"))
    assert policy.decide(PATH, ANONYMOUS, request_headers(metadata)).rule == "get"
    inner, samples = 2000, []
    for _ in range(15):
        start = time.perf_counter()
        for _ in range(inner):
            policy.decide(PATH, ANONYMOUS, request_headers(metadata))
        samples.append((time.perf_counter() - start) / inner)
    return statistics.median(samples)


async def get_container_seconds() -> tuple[float, float]:
    """p50 seconds of GetContainer through a bridge without and with the 50-rule policy."""
    sock = support.sandbox()["socket"]
    name = f"bench-authz-{secrets.token_hex(4)}"
    with tempfile.TemporaryDirectory() as tmp:
        policy = Path(tmp) / "policy.json"
        policy.write_bytes(orjson.dumps(fifty_rules()))
        async with await LxdClient.open(f"unix://{sock}") as lxd:
            body = {"name": name, "source": {"type": "image", "alias": "busybox"}}
            await lxd.operations.run("POST", "/1.0/containers", json=body, timeout=60)
            plain = await start(lxd, f"unix:{tmp}/plain.sock")
            guarded = await start(lxd, f"unix:{tmp}/guarded.sock", authz_policy=policy)
            try:
                times: dict[str, list[float]] = {"plain": [], "guarded": []}
                request = container_service_pb2.GetContainerRequest(name=name)
                async with (
                    grpc.aio.insecure_channel(plain.address) as a,
                    grpc.aio.insecure_channel(guarded.address) as b,
                ):
                    stubs = {
                        "plain": container_service_pb2_grpc.ContainerServiceStub(a),
                        "guarded": container_service_pb2_grpc.ContainerServiceStub(b),
                    }
                    for stub in stubs.values():  # warm up
                        for _ in range(50):
                            await stub.GetContainer(request)
                    for _ in range(ROUNDS):
                        for key, stub in stubs.items():
                            for _ in range(PER_ROUND):
                                started = time.perf_counter()
                                await stub.GetContainer(request)
                                times[key].append(time.perf_counter() - started)
            finally:
                await plain.stop(0)
                await guarded.stop(0)
                await lxd.operations.run("DELETE", f"/1.0/containers/{name}", timeout=60)
    return statistics.median(times["plain"]), statistics.median(times["guarded"])


def main() -> bool:
    """Print the markdown table; False when the goal is missed."""
    decision = decision_seconds()
    plain, guarded = asyncio.run(get_container_seconds())
    share = decision / plain
    met = share < GOAL
    print(f"## Authorization: a {RULES}-rule gRFC A43 policy beside GetContainer")
    print()
    print("| measure | time | share of a GetContainer |")
    print("|---|---:|---|")
    print(f"| the policy's decision per call, {RULES} rules all tried | {decision * 1e6:.1f} µs "
          f"| {share:.2%} (goal < {GOAL:.0%}: {'met' if met else 'not met'}) |")  # fmt: skip
    print(f"| GetContainer p50, no policy (in-process bridge) | {plain * 1e3:.3f} ms | 100% |")
    print(f"| GetContainer p50, with the policy | {guarded * 1e3:.3f} ms "
          f"| {guarded / plain:.2f}x without it (end to end, noise included) |")  # fmt: skip
    print()
    return met
