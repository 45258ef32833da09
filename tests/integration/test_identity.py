"""Callers have identities (issue 11, items 2 and 3), through real mTLS channels to the real LXD.

A CA and client certificates are minted here with `cryptography` (tests/pki.py). The principal is
read as gRFC A43 reads a certificate (URI SANs, else DNS SANs, else subject); the A43 policy is
enforced on every service before LXD is asked (checked through the recording proxy); the TLS
files and the policy are re-read on SIGHUP and when they change, without losing a call.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import grpc
import orjson
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc

from bridge.identity import Caller, ReloadingTls, caller_of
from bridge.server import BridgeServer, ServerTls, start
from bridge.transport import LxdClient
from lxd.api.v1 import (
    certificate_service_pb2,
    certificate_service_pb2_grpc,
    server_service_pb2,
    server_service_pb2_grpc,
)
from tests.conftest import REPO, LxdSandbox
from tests.integration.conftest import error_details
from tests.integration.recording_proxy import RecordingProxy
from tests.integration.test_bridge_server import run_cli
from tests.pki import Ca, Pair

pytestmark = pytest.mark.timeout(120)

MONITOR_ID = "spiffe://example.org/monitor"
POLICY: dict[str, Any] = {
    "name": "bridge",
    "deny_rules": [
        {
            "name": "no-trust-store",
            "source": {"principals": ["spiffe://example.org/*"]},
            "request": {"paths": ["/lxd.api.v1.CertificateService/*"]},
        }
    ],
    "allow_rules": [
        {"name": "health-for-all", "request": {"paths": ["/grpc.health.v1.Health/*"]}},
        {
            "name": "read-only",
            "source": {"principals": [MONITOR_ID]},
            "request": {
                "paths": ["/lxd.api.v1.ServerService/Get*", "/lxd.api.v1.ContainerService/Get*"]
            },
        },
        {"name": "admin", "source": {"principals": ["O=ops,CN=admin"]}},
    ],
}


@dataclass(frozen=True)
class Pki:
    ca: Ca
    server: Pair
    monitor: Pair
    admin: Pair
    stranger: Pair

    def credentials(self, client: Pair | None) -> grpc.ChannelCredentials:
        key, cert = client.pem() if client else (None, None)
        return grpc.ssl_channel_credentials(self.ca.cert.read_bytes(), key, cert)


def make_pki(directory: Path) -> Pki:
    """A CA with the bridge's server certificate and three callers' certificates."""
    ca = Ca(directory)
    return Pki(
        ca,
        ca.server(),
        ca.issue("monitor", "monitor", uris=(MONITOR_ID,), dns=("monitor.example.org",)),
        ca.issue("admin", "admin", organization="ops"),
        ca.issue("stranger", "stranger", dns=("stranger.example.org",)),
    )


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("identity-pki"))


# --- the principal, as A43 reads a certificate --------------------------------------------------


class _Recorder(health_pb2_grpc.HealthServicer):
    """A health servicer that keeps the caller of the last Check."""

    caller: Caller | None = None

    async def Check(self, request: Any, context: Any) -> health_pb2.HealthCheckResponse:
        self.caller = caller_of(context)
        return health_pb2.HealthCheckResponse(status=health_pb2.HealthCheckResponse.SERVING)


@pytest.mark.parametrize(
    ("sans", "principal"),
    [
        (
            {"uris": ("spiffe://example.org/a",), "dns": ("a.example.org",)},
            "spiffe://example.org/a",
        ),
        ({"dns": ("a.example.org", "b.example.org")}, "a.example.org"),
        ({"organization": "ops"}, "O=ops,CN=client"),
        (None, None),
    ],
    ids=["uri-san-first", "else-dns-san", "else-the-subject", "no-certificate-is-anonymous"],
)
async def test_the_principal_is_read_as_a43_reads_a_certificate(
    pki: Pki, tmp_path: Path, sans: dict[str, Any] | None, principal: str | None
) -> None:
    recorder = _Recorder()
    server = grpc.aio.server()
    health_pb2_grpc.add_HealthServicer_to_server(recorder, server)
    if sans is None:  # no mTLS: a plain unix socket, as the default listener
        target = f"unix:{tmp_path / 'plain.sock'}"
        server.add_insecure_port(target)
        channel = grpc.aio.insecure_channel(target)
    else:
        tls = grpc.ssl_server_credentials(
            [pki.server.pem()], pki.ca.cert.read_bytes(), require_client_auth=True
        )
        target = f"127.0.0.1:{server.add_secure_port('127.0.0.1:0', tls)}"
        client = pki.ca.issue(tmp_path.name, "client", **sans)
        channel = grpc.aio.secure_channel(target, pki.credentials(client))
    await server.start()
    try:
        async with channel:
            await health_pb2_grpc.HealthStub(channel).Check(
                health_pb2.HealthCheckRequest(), timeout=10
            )
    finally:
        await server.stop(None)
    assert recorder.caller is not None
    assert recorder.caller.principal == principal
    assert recorder.caller.authenticated is (sans is not None)


# --- the policy, on every service, before LXD -----------------------------------------------------


@pytest.fixture
async def policy_bridge(
    lxd_sandbox: LxdSandbox, proxy: RecordingProxy, pki: Pki, tmp_path: Path
) -> AsyncIterator[tuple[BridgeServer, Path]]:
    """An mTLS bridge with POLICY whose LXD is behind the recording proxy."""
    path = tmp_path / "policy.json"
    path.write_bytes(orjson.dumps(POLICY))
    tls = ServerTls(pki.server.cert, pki.server.key, pki.ca.cert)
    async with await LxdClient.open(f"unix://{proxy.socket}") as client:
        bridge = await start(
            client, "127.0.0.1:0", tls=tls, authz_policy=path, health_interval=3600
        )
        try:
            yield bridge, path
        finally:
            await bridge.stop(grace=0)


async def _call(stub_call: Any) -> grpc.StatusCode:
    try:
        await stub_call
    except grpc.aio.AioRpcError as e:
        return e.code()
    return grpc.StatusCode.OK


async def _reflect(channel: grpc.aio.Channel) -> None:
    call = reflection_pb2_grpc.ServerReflectionStub(channel).ServerReflectionInfo(timeout=10)
    await call.write(reflection_pb2.ServerReflectionRequest(list_services=""))
    await call.done_writing()
    async for _ in call:
        pass


CASES = [
    ("monitor", "GetServer", grpc.StatusCode.OK, None),
    ("monitor", "UpdateServer", grpc.StatusCode.PERMISSION_DENIED, "no allow rule matches"),
    ("monitor", "GetCertificates", grpc.StatusCode.PERMISSION_DENIED, "deny rule 'no-trust-store'"),
    ("monitor", "Reflection", grpc.StatusCode.PERMISSION_DENIED, "no allow rule matches"),
    ("monitor", "Health", grpc.StatusCode.OK, None),
    ("stranger", "GetServer", grpc.StatusCode.PERMISSION_DENIED, "no allow rule matches"),
    ("stranger", "Health", grpc.StatusCode.OK, None),
    ("admin", "GetCertificates", grpc.StatusCode.OK, None),
    ("admin", "Reflection", grpc.StatusCode.OK, None),
]


def _rpc(channel: grpc.aio.Channel, name: str) -> Any:
    servers = server_service_pb2_grpc.ServerServiceStub(channel)
    certificates = certificate_service_pb2_grpc.CertificateServiceStub(channel)
    if name == "GetServer":
        return servers.GetServer(server_service_pb2.GetServerRequest(), timeout=10)
    if name == "UpdateServer":
        return servers.UpdateServer(server_service_pb2.UpdateServerRequest(), timeout=10)
    if name == "GetCertificates":
        return certificates.GetCertificates(
            certificate_service_pb2.GetCertificatesRequest(), timeout=10
        )
    if name == "Health":
        return health_pb2_grpc.HealthStub(channel).Check(
            health_pb2.HealthCheckRequest(), timeout=10
        )
    assert name == "Reflection"
    return _reflect(channel)


@pytest.mark.parametrize(
    ("who", "rpc", "code", "message"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES]
)
async def test_the_policy_decides_every_service_before_lxd_is_asked(
    policy_bridge: tuple[BridgeServer, Path],
    proxy: RecordingProxy,
    pki: Pki,
    *,
    who: str,
    rpc: str,
    code: grpc.StatusCode,
    message: str | None,
) -> None:
    bridge, _ = policy_bridge
    proxy.take()
    async with grpc.aio.secure_channel(bridge.address, pki.credentials(getattr(pki, who))) as chan:
        try:
            await _rpc(chan, rpc)
            got = grpc.StatusCode.OK
        except grpc.aio.AioRpcError as e:
            got = e.code()
            assert message is not None and message in (e.details() or ""), e.details()
            details = error_details(e)
            assert details.info.reason == "UNAUTHORIZED"
            assert details.info.metadata["policy"] == "bridge"
    assert got == code
    if code != grpc.StatusCode.OK:
        assert proxy.take() == [], "a denied call reached LXD"


async def test_a_policy_reload_under_load_loses_no_call(
    policy_bridge: tuple[BridgeServer, Path], pki: Pki
) -> None:
    """Callers keep calling while the policy is rewritten (and once broken): every call is
    answered by the old or the new policy, none fails; then a policy that denies takes over."""
    bridge, path = policy_bridge
    stop = asyncio.Event()
    codes: list[grpc.StatusCode] = []

    async def caller() -> None:
        async with grpc.aio.secure_channel(bridge.address, pki.credentials(pki.monitor)) as chan:
            stub = server_service_pb2_grpc.ServerServiceStub(chan)
            while not stop.is_set():
                codes.append(
                    await _call(stub.GetServer(server_service_pb2.GetServerRequest(), timeout=30))
                )

    callers = [asyncio.create_task(caller()) for _ in range(8)]
    try:
        for i in range(10):
            if i == 5:
                path.write_text('{"name": "half-written')  # keeps the old policy
            else:
                path.write_bytes(orjson.dumps({**POLICY, "name": f"bridge-{i}"}))
            assert bridge.policy is not None
            bridge.reload()  # what SIGHUP does
            await asyncio.sleep(0.05)
    finally:
        stop.set()
        await asyncio.gather(*callers)
    assert len(codes) > 20
    assert set(codes) == {grpc.StatusCode.OK}
    assert bridge.policy is not None and bridge.policy.policy.name == "bridge-9"

    closed = {**POLICY, "name": "closed", "allow_rules": POLICY["allow_rules"][:1]}
    path.write_bytes(orjson.dumps(closed))
    # the file watcher notices the change by itself (no SIGHUP)
    for _ in range(100):
        if bridge.policy.policy.name == "closed":
            break
        await asyncio.sleep(0.1)
    assert bridge.policy.policy.name == "closed"
    async with grpc.aio.secure_channel(bridge.address, pki.credentials(pki.monitor)) as chan:
        stub = server_service_pb2_grpc.ServerServiceStub(chan)
        assert await _call(stub.GetServer(server_service_pb2.GetServerRequest(), timeout=10)) == (
            grpc.StatusCode.PERMISSION_DENIED
        )


# --- TLS files re-read without dropping open connections ------------------------------------------


async def test_tls_files_are_reread_and_open_connections_stay(
    lxd: LxdClient, tmp_path: Path
) -> None:
    old, new = Ca(tmp_path, "old CA"), Ca(tmp_path, "new CA")
    files = Pair(tmp_path / "bridge.crt", tmp_path / "bridge.key")
    client_ca = tmp_path / "clients.crt"

    def install(ca: Ca) -> None:
        pair = ca.server(f"server-{ca.cert.stem}")
        files.cert.write_bytes(pair.cert.read_bytes())
        files.key.write_bytes(pair.key.read_bytes())
        client_ca.write_bytes(ca.cert.read_bytes())

    def credentials(ca: Ca) -> grpc.ChannelCredentials:
        key, cert = ca.issue(f"client-{ca.cert.stem}-{time.monotonic_ns()}", "c").pem()
        return grpc.ssl_channel_credentials(ca.cert.read_bytes(), key, cert)

    install(old)
    bridge = await start(lxd, "127.0.0.1:0", tls=ServerTls(files.cert, files.key, client_ca))
    try:
        async with grpc.aio.secure_channel(bridge.address, credentials(old)) as open_channel:
            stub = server_service_pb2_grpc.ServerServiceStub(open_channel)
            await stub.GetServer(server_service_pb2.GetServerRequest(), timeout=10)
            # a stream open across the change
            watch = health_pb2_grpc.HealthStub(open_channel).Watch(
                health_pb2.HealthCheckRequest(), timeout=30
            )
            assert (await watch.read()).status == health_pb2.HealthCheckResponse.SERVING

            install(new)  # the files change: the next handshake uses them
            async with grpc.aio.secure_channel(bridge.address, credentials(new)) as chan:
                new_stub = server_service_pb2_grpc.ServerServiceStub(chan)
                await new_stub.GetServer(server_service_pb2.GetServerRequest(), timeout=10)
            async with grpc.aio.secure_channel(bridge.address, credentials(old)) as chan:
                old_stub = server_service_pb2_grpc.ServerServiceStub(chan)
                code = await _call(
                    old_stub.GetServer(server_service_pb2.GetServerRequest(), timeout=10)
                )
                assert code == grpc.StatusCode.UNAVAILABLE  # the old CA is no longer trusted

            # the connection made before the change, and its stream, carry on
            await stub.GetServer(server_service_pb2.GetServerRequest(), timeout=10)
            await bridge.health.set("", health_pb2.HealthCheckResponse.NOT_SERVING)
            assert (await watch.read()).status == health_pb2.HealthCheckResponse.NOT_SERVING
            watch.cancel()
    finally:
        await bridge.stop(grace=0)


def test_reloading_tls_answers_unchanged_until_a_file_changes_or_sighup(
    tmp_path: Path,
) -> None:
    ca = Ca(tmp_path)
    pair = ca.server()
    tls = ReloadingTls(pair.cert, pair.key, ca.cert)
    assert tls._fetch() is None
    tls.reload()
    assert tls._fetch() is not None
    assert tls._fetch() is None
    ca.server()  # the same file names again: a new key and certificate
    assert tls._fetch() is not None


# --- startup --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("policy", "mtls", "message"),
    [
        ('{"name": "p", "allow_rules": [', True, "POLICY: not JSON"),
        ('{"name": "p"}', True, 'POLICY: "allow_rules" is missing'),
        (
            orjson.dumps(POLICY).decode(),
            False,
            "POLICY: rules name principals, but callers have none",
        ),
        (None, True, "cannot read POLICY"),
    ],
    ids=["not-json", "no-allow-rules", "principals-without-mtls", "missing-file"],
)
def test_a_policy_that_cannot_be_enforced_is_one_line_and_exit_2(
    lxd_sandbox: LxdSandbox,
    pki: Pki,
    tmp_path: Path,
    *,
    policy: str | None,
    mtls: bool,
    message: str,
) -> None:
    path = tmp_path / "policy.json"
    if policy is not None:
        path.write_text(policy)
    tls = ["--tls-cert", str(pki.server.cert), "--tls-key", str(pki.server.key)]
    if mtls:
        tls += ["--client-ca", str(pki.ca.cert)]
    result = run_cli(
        "--lxd",
        f"unix://{lxd_sandbox.socket}",
        "--listen",
        "127.0.0.1:0",
        *tls,
        "--authz-policy",
        str(path),
    )
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert message.replace("POLICY", str(path)) in lines[0]


def test_sighup_reloads_the_policy_of_a_running_bridge(
    lxd_sandbox: LxdSandbox, pki: Pki, tmp_path: Path
) -> None:
    path = tmp_path / "policy.json"
    path.write_bytes(orjson.dumps(POLICY))
    sock = tmp_path / "bridge.sock"
    env = {k: v for k, v in os.environ.items() if not k.startswith("LXD_GRPC_BRIDGE_")}
    with subprocess.Popen(
        [
            sys.executable, "-m", "bridge", "serve",
            "--lxd", f"unix://{lxd_sandbox.socket}",
            "--listen", f"unix:{sock}",
            "--tls-cert", str(pki.server.cert),
            "--tls-key", str(pki.server.key),
            "--client-ca", str(pki.ca.cert),
            "--authz-policy", str(path),
        ],
        cwd=REPO, env=env, stderr=subprocess.PIPE, text=True,
    ) as process:  # fmt: skip
        try:
            assert process.stderr is not None
            for line in process.stderr:  # the last startup line
                if "reloaded on SIGHUP" in line:
                    break
            # the file unchanged, so the watcher has nothing to do: only SIGHUP reloads it
            process.send_signal(signal.SIGHUP)
            for line in process.stderr:
                if "reloaded from" in line:
                    assert "authorization policy 'bridge' reloaded" in line, line
                    break
        finally:
            process.terminate()
            process.wait(timeout=30)
    assert process.returncode == 0
