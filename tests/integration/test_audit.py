"""The audit log (issue 11, item 5): one JSON line per RPC that changes something, denied calls
always, reads with ``--audit-reads``; never a body or secret; whole lines under concurrency and
on SIGTERM. Through real mTLS channels to the real LXD (the CA and certificates of
test_identity.py).
"""

from __future__ import annotations

import asyncio
import datetime
import os
import secrets
import signal
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import grpc
import orjson
import pytest

from bridge.audit import AuditLog
from bridge.server import BridgeServer, ServerTls, start
from bridge.transport import LxdClient
from lxd.api.v1 import (
    profile_pb2,
    profile_service_pb2,
    profile_service_pb2_grpc,
    server_pb2,
    server_service_pb2,
    server_service_pb2_grpc,
)
from tests.conftest import REPO, LxdSandbox
from tests.integration.test_bridge_server import run_cli
from tests.integration.test_identity import MONITOR_ID, POLICY, Pki, make_pki

pytestmark = pytest.mark.timeout(120)

SECRET = "s3cret-trust-password"
FIELDS = {"time", "principal", "peer", "method", "code", "operation", "duration"}


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("audit-pki"))


async def _bridge(lxd: LxdClient, pki: Pki, tmp_path: Path, *, reads: bool) -> BridgeServer:
    policy = tmp_path / "policy.json"
    policy.write_bytes(orjson.dumps(POLICY))
    tls = ServerTls(pki.server.cert, pki.server.key, pki.ca.cert)
    audit = AuditLog(str(tmp_path / "audit.log"))
    return await start(
        lxd, "127.0.0.1:0", tls=tls, authz_policy=policy, audit=audit, audit_reads=reads
    )


@pytest.fixture
async def audited(lxd: LxdClient, pki: Pki, tmp_path: Path) -> AsyncIterator[BridgeServer]:
    bridge = await _bridge(lxd, pki, tmp_path, reads=False)
    yield bridge
    await bridge.stop(grace=0)


def lines(path: Path) -> list[dict[str, Any]]:
    """Every line of the audit log, each parsed (a torn line fails here)."""
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


async def test_changes_and_denials_are_audited_reads_are_not(
    audited: BridgeServer, pki: Pki, tmp_path: Path
) -> None:
    name = f"audit-{secrets.token_hex(3)}"
    async with grpc.aio.secure_channel(audited.address, pki.credentials(pki.admin)) as chan:
        profiles = profile_service_pb2_grpc.ProfileServiceStub(chan)
        await server_service_pb2_grpc.ServerServiceStub(chan).GetServer(
            server_service_pb2.GetServerRequest(), timeout=10
        )
        await profiles.CreateProfile(
            profile_service_pb2.CreateProfileRequest(profile=profile_pb2.ProfilesPost(name=name)),
            timeout=10,
        )
        await profiles.DeleteProfile(
            profile_service_pb2.DeleteProfileRequest(name=name), timeout=10
        )
    async with grpc.aio.secure_channel(audited.address, pki.credentials(pki.monitor)) as chan:
        with pytest.raises(grpc.aio.AioRpcError) as denied:
            await server_service_pb2_grpc.ServerServiceStub(chan).UpdateServer(
                server_service_pb2.UpdateServerRequest(
                    server=server_pb2.ServerPut(config={"core.trust_password": SECRET})
                ),
                timeout=10,
            )
    assert denied.value.code() == grpc.StatusCode.PERMISSION_DENIED
    log = tmp_path / "audit.log"
    assert SECRET.encode() not in log.read_bytes()
    entries = lines(log)
    summary = [(e["principal"], e["method"], e.get("name"), e["code"]) for e in entries]
    assert summary == [
        ("O=ops,CN=admin", "/lxd.api.v1.ProfileService/CreateProfile", name, "OK"),
        ("O=ops,CN=admin", "/lxd.api.v1.ProfileService/DeleteProfile", name, "OK"),
        (MONITOR_ID, "/lxd.api.v1.ServerService/UpdateServer", None, "PERMISSION_DENIED"),
    ]
    for entry in entries:
        assert set(entry) >= FIELDS
        assert entry["time"].endswith("Z")
        datetime.datetime.fromisoformat(entry["time"])
        assert entry["peer"].startswith("ipv4:127.0.0.1:")
        assert entry["duration"] >= 0


async def test_reads_are_audited_with_audit_reads(lxd: LxdClient, pki: Pki, tmp_path: Path) -> None:
    bridge = await _bridge(lxd, pki, tmp_path, reads=True)
    try:
        async with grpc.aio.secure_channel(bridge.address, pki.credentials(pki.monitor)) as chan:
            await server_service_pb2_grpc.ServerServiceStub(chan).GetServer(
                server_service_pb2.GetServerRequest(), timeout=10
            )
    finally:
        await bridge.stop(grace=0)
    assert [(e["principal"], e["method"], e["code"]) for e in lines(tmp_path / "audit.log")] == [
        (MONITOR_ID, "/lxd.api.v1.ServerService/GetServer", "OK")
    ]


async def test_lines_stay_whole_under_concurrency(
    audited: BridgeServer, pki: Pki, tmp_path: Path
) -> None:
    async with grpc.aio.secure_channel(audited.address, pki.credentials(pki.monitor)) as chan:
        stub = server_service_pb2_grpc.ServerServiceStub(chan)

        async def denied() -> grpc.StatusCode:
            try:
                await stub.UpdateServer(server_service_pb2.UpdateServerRequest(), timeout=30)
            except grpc.aio.AioRpcError as e:
                return e.code()
            return grpc.StatusCode.OK

        codes = await asyncio.gather(*(denied() for _ in range(200)))
    assert set(codes) == {grpc.StatusCode.PERMISSION_DENIED}
    assert len(lines(tmp_path / "audit.log")) == 200


def test_lines_stay_whole_on_sigterm(lxd_sandbox: LxdSandbox, pki: Pki, tmp_path: Path) -> None:
    """Callers still calling when SIGTERM comes: every line written is whole."""
    policy = tmp_path / "policy.json"
    policy.write_bytes(orjson.dumps(POLICY))
    log, sock = tmp_path / "audit.log", tmp_path / "bridge.sock"
    env = {k: v for k, v in os.environ.items() if not k.startswith("LXD_GRPC_BRIDGE_")}
    with subprocess.Popen(
        [
            sys.executable, "-m", "bridge", "serve",
            "--lxd", f"unix://{lxd_sandbox.socket}",
            "--listen", f"unix:{sock}",
            "--tls-cert", str(pki.server.cert),
            "--tls-key", str(pki.server.key),
            "--client-ca", str(pki.ca.cert),
            "--authz-policy", str(policy),
            "--audit-log", str(log),
            "--audit-reads",
        ],
        cwd=REPO, env=env, stderr=subprocess.PIPE, text=True,
    ) as process:  # fmt: skip
        try:
            assert process.stderr is not None
            for line in process.stderr:
                if "audit log:" in line:
                    break

            async def load() -> int:
                credentials = pki.credentials(pki.monitor)
                options = [("grpc.ssl_target_name_override", "localhost")]
                async with grpc.aio.secure_channel(f"unix:{sock}", credentials, options) as chan:
                    stub = server_service_pb2_grpc.ServerServiceStub(chan)
                    done = 0
                    for i in range(10_000):
                        if i == 20:
                            process.send_signal(signal.SIGTERM)
                        try:
                            await stub.GetServer(server_service_pb2.GetServerRequest(), timeout=10)
                        except grpc.aio.AioRpcError:
                            break
                        done += 1
                    return done

            done = asyncio.run(load())
            process.wait(timeout=30)  # the SIGTERM sent during the load ends it
        finally:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=30)
    assert process.returncode == 0
    assert len(lines(log)) >= min(done, 20)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--audit-reads"], "--audit-reads needs --audit-log"),
        (["--audit-log", "/nonexistent/dir/audit.log"], "cannot open --audit-log /nonexistent"),
    ],
    ids=["reads-without-a-log", "unwritable-log"],
)
def test_audit_options_that_cannot_work_are_one_line_and_exit_2(
    lxd_sandbox: LxdSandbox, args: list[str], message: str
) -> None:
    result = run_cli("--lxd", f"unix://{lxd_sandbox.socket}", *args)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert message in lines[0]
