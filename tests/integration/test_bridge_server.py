"""The bridge as a server: health, reflection, TLS and mTLS, the listen policy, the command line.

TLS material is made here with `cryptography`: a CA, a server certificate for 127.0.0.1 and a
client certificate, all signed by that CA.
"""

from __future__ import annotations

import asyncio
import datetime
import ipaddress
import os
import signal
import socket
import subprocess
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import grpc
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from google.protobuf import descriptor_pb2
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc

from bridge.cli import build_parser
from bridge.facade import FACADES
from bridge.server import BridgeServer, ListenRefused, ServerTls, is_loopback, start
from bridge.transport import LxdClient
from lxd.api.v1 import server_service_pb2, server_service_pb2_grpc
from tests.conftest import REPO, LxdSandbox

pytestmark = pytest.mark.timeout(60)

SERVICES = [f.service.full_name for f in FACADES]


# --- health and reflection ----------------------------------------------------------------------


@pytest.mark.parametrize("service", ["", *SERVICES])
async def test_health_is_serving_once_lxd_answered(channel: grpc.aio.Channel, service: str) -> None:
    stub = health_pb2_grpc.HealthStub(channel)
    reply = await stub.Check(health_pb2.HealthCheckRequest(service=service))
    assert reply.status == health_pb2.HealthCheckResponse.SERVING


async def reflect(
    channel: grpc.aio.Channel, request: reflection_pb2.ServerReflectionRequest
) -> reflection_pb2.ServerReflectionResponse:
    call = reflection_pb2_grpc.ServerReflectionStub(channel).ServerReflectionInfo()
    await call.write(request)
    await call.done_writing()
    replies = [reply async for reply in call]
    assert len(replies) == 1
    return replies[0]


async def test_reflection_lists_every_service(channel: grpc.aio.Channel) -> None:
    reply = await reflect(channel, reflection_pb2.ServerReflectionRequest(list_services=""))
    listed = {s.name for s in reply.list_services_response.service}
    assert set(SERVICES) <= listed
    assert {"grpc.health.v1.Health", "grpc.reflection.v1alpha.ServerReflection"} <= listed


async def test_reflection_describes_a_service_with_its_http_rules(
    channel: grpc.aio.Channel,
) -> None:
    request = reflection_pb2.ServerReflectionRequest(
        file_containing_symbol="lxd.api.v1.ContainerService"
    )
    reply = await reflect(channel, request)
    files = [
        descriptor_pb2.FileDescriptorProto.FromString(raw)
        for raw in reply.file_descriptor_response.file_descriptor_proto
    ]
    (service_file,) = [f for f in files if f.name == "lxd/api/v1/container_service.proto"]
    assert "google/api/annotations.proto" in service_file.dependency
    methods = {m.name for m in service_file.service[0].method}
    assert {"GetContainer", "UpdateContainerState", "GetContainerTemplateFiles"} <= methods


# --- listen policy, TLS, mTLS -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "loopback"),
    [
        ("127.0.0.1:50051", True),
        ("127.1.2.3:1", True),
        ("localhost:50051", True),
        ("[::1]:50051", True),
        ("unix:/run/bridge.sock", True),
        ("0.0.0.0:50051", False),
        ("[::]:50051", False),
        ("10.0.0.5:50051", False),
        ("bridge.example.com:50051", False),
    ],
)
def test_is_loopback(address: str, loopback: bool) -> None:
    assert is_loopback(address) is loopback


async def test_a_non_loopback_address_without_tls_is_refused(lxd: LxdClient) -> None:
    with pytest.raises(ListenRefused, match="without TLS"):
        await start(lxd, "0.0.0.0:0")


async def test_a_non_loopback_address_without_tls_is_allowed_with_insecure(
    lxd: LxdClient,
) -> None:
    bridge = await start(lxd, "0.0.0.0:0", insecure=True)
    await bridge.stop(grace=0)


@dataclass(frozen=True)
class Pki:
    """PEM files: a CA, a server certificate for 127.0.0.1, a client certificate."""

    ca: Path
    server_cert: Path
    server_key: Path
    client_cert: Path
    client_key: Path


def _issue(
    name: str,
    issuer: tuple[x509.Name, ec.EllipticCurvePrivateKey] | None,
    *,
    ca: bool = False,
    ip: str | None = None,
) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    issuer_name, issuer_key = issuer or (subject, key)
    now = datetime.datetime.now(datetime.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if ip:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address(ip))]),
            critical=False,
        )
    return builder.sign(issuer_key, hashes.SHA256()), key


def _write(
    directory: Path, name: str, cert: x509.Certificate, key: ec.EllipticCurvePrivateKey
) -> tuple[Path, Path]:
    cert_path, key_path = directory / f"{name}.crt", directory / f"{name}.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    directory = tmp_path_factory.mktemp("pki")
    ca_cert, ca_key = _issue("test CA", None, ca=True)
    server_cert, server_key = _issue("bridge", (ca_cert.subject, ca_key), ip="127.0.0.1")
    client_cert, client_key = _issue("client", (ca_cert.subject, ca_key))
    ca_path, _ = _write(directory, "ca", ca_cert, ca_key)
    return Pki(
        ca_path,
        *_write(directory, "server", server_cert, server_key),
        *_write(directory, "client", client_cert, client_key),
    )


@pytest.fixture
async def tls_bridge(lxd: LxdClient, pki: Pki) -> AsyncIterator[BridgeServer]:
    bridge = await start(lxd, "127.0.0.1:0", tls=ServerTls(pki.server_cert, pki.server_key))
    yield bridge
    await bridge.stop(grace=0)


@pytest.fixture
async def mtls_bridge(lxd: LxdClient, pki: Pki) -> AsyncIterator[BridgeServer]:
    tls = ServerTls(pki.server_cert, pki.server_key, client_ca=pki.ca)
    bridge = await start(lxd, "127.0.0.1:0", tls=tls)
    yield bridge
    await bridge.stop(grace=0)


async def get_server(
    port: int, credentials: grpc.ChannelCredentials | None
) -> server_service_pb2.GetServerResponse:
    target = f"127.0.0.1:{port}"
    async with (
        grpc.aio.secure_channel(target, credentials)
        if credentials
        else grpc.aio.insecure_channel(target)
    ) as channel:
        stub = server_service_pb2_grpc.ServerServiceStub(channel)
        return await stub.GetServer(server_service_pb2.GetServerRequest(), timeout=5)


async def test_tls_serves_clients_that_trust_the_ca(tls_bridge: BridgeServer, pki: Pki) -> None:
    credentials = grpc.ssl_channel_credentials(root_certificates=pki.ca.read_bytes())
    reply = await get_server(tls_bridge.port, credentials)
    assert reply.server.auth == "trusted"


async def test_tls_refuses_plaintext_clients(tls_bridge: BridgeServer) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await get_server(tls_bridge.port, None)
    assert caught.value.code() == grpc.StatusCode.UNAVAILABLE


async def test_mtls_serves_clients_with_a_certificate_from_the_client_ca(
    mtls_bridge: BridgeServer, pki: Pki
) -> None:
    credentials = grpc.ssl_channel_credentials(
        root_certificates=pki.ca.read_bytes(),
        private_key=pki.client_key.read_bytes(),
        certificate_chain=pki.client_cert.read_bytes(),
    )
    reply = await get_server(mtls_bridge.port, credentials)
    assert reply.server.auth == "trusted"


async def test_mtls_refuses_clients_without_a_certificate(
    mtls_bridge: BridgeServer, pki: Pki
) -> None:
    credentials = grpc.ssl_channel_credentials(root_certificates=pki.ca.read_bytes())
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await get_server(mtls_bridge.port, credentials)
    assert caught.value.code() == grpc.StatusCode.UNAVAILABLE


# --- the command line ---------------------------------------------------------------------------


def run_cli(*args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LXD_GRPC_BRIDGE_")}
    return subprocess.run(
        [sys.executable, "-m", "bridge", "serve", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def refusing_socket(path: Path) -> Path:
    """A unix socket file nobody listens on (connecting to it is refused)."""
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(str(path))
    sock.close()
    return path


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--lxd", "unix:///nonexistent/unix.socket"],
            "LXD socket /nonexistent/unix.socket does not exist",
        ),
        (["--lxd", "REFUSING"], "cannot reach LXD at unix://"),
        (
            ["--lxd", "SANDBOX", "--listen", "0.0.0.0:0"],
            "refusing to listen on 0.0.0.0:0 without TLS",
        ),
        (
            [
                "--lxd",
                "https://127.0.0.1:1",
                "--client-cert",
                "/nonexistent.crt",
                "--client-key",
                "/x",
            ],
            "cannot read --client-cert /nonexistent.crt",
        ),
        (
            ["--lxd", "SANDBOX", "--tls-cert", "SANDBOX_CERT"],
            "--tls-cert and --tls-key go together",
        ),
        (["--lxd", "ftp://lxd"], "unsupported LXD endpoint"),
    ],
    ids=[
        "missing-socket",
        "refused-connection",
        "insecure-listen",
        "unreadable-cert",
        "half-tls",
        "bad-url",
    ],
)
def test_startup_problems_are_one_line_and_exit_2(
    args: list[str], message: str, lxd_sandbox: LxdSandbox, tmp_path: Path
) -> None:
    replacements = {
        "REFUSING": f"unix://{refusing_socket(tmp_path / 'refusing.sock')}",
        "SANDBOX": f"unix://{lxd_sandbox.socket}",
        "SANDBOX_CERT": lxd_sandbox.client_cert,
    }
    result = run_cli(*(replacements.get(a, a) for a in args))
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("lxd-grpc-bridge: error: ")
    assert message in lines[0]


@pytest.mark.parametrize(
    ("args", "env", "limits"),
    [
        ([], {}, (32, 32, 4 * 1024 * 1024)),
        (
            ["--max-calls", "8", "--max-transfers", "2", "--max-send-message-size", "9000000"],
            {},
            (8, 2, 9_000_000),
        ),
        ([], {"LXD_GRPC_BRIDGE_MAX_TRANSFERS": "5"}, (32, 5, 4 * 1024 * 1024)),
    ],
    ids=["defaults", "options", "environment"],
)
def test_the_limits_are_options(
    args: list[str],
    env: dict[str, str],
    limits: tuple[int, int, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    opts = build_parser().parse_args(["serve", *args])
    assert (opts.max_calls, opts.max_transfers, opts.max_send_message_size) == limits


@pytest.mark.parametrize("option", ["--max-calls", "--max-transfers", "--max-send-message-size"])
@pytest.mark.parametrize("value", ["0", "-1", "lots"])
def test_a_limit_below_one_is_refused_naming_the_option(
    option: str, value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        build_parser().parse_args(["serve", option, value])
    assert exited.value.code == 2
    assert f"argument {option}:" in capsys.readouterr().err


def test_an_untrusted_client_certificate_is_refused_at_startup(
    lxd_sandbox: LxdSandbox, pki: Pki
) -> None:
    result = run_cli(
        "--lxd", lxd_sandbox.https_url,
        "--client-cert", str(pki.client_cert),
        "--client-key", str(pki.client_key),
        "--server-cert", lxd_sandbox.server_cert,
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert "does not trust this client" in result.stderr


async def test_serve_over_https_to_lxd_and_stop_gracefully_on_sigterm(
    lxd_sandbox: LxdSandbox,
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("LXD_GRPC_BRIDGE_")}
    env |= {
        "LXD_GRPC_BRIDGE_LXD": lxd_sandbox.https_url,
        "LXD_GRPC_BRIDGE_CLIENT_CERT": lxd_sandbox.client_cert,
        "LXD_GRPC_BRIDGE_CLIENT_KEY": lxd_sandbox.client_key,
        "LXD_GRPC_BRIDGE_SERVER_CERT": lxd_sandbox.server_cert,
        "LXD_GRPC_BRIDGE_LISTEN": f"127.0.0.1:{port}",
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bridge", "serve", cwd=REPO, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
            await asyncio.wait_for(channel.channel_ready(), 20)
            health = health_pb2_grpc.HealthStub(channel)
            reply = await health.Check(health_pb2.HealthCheckRequest())
            assert reply.status == health_pb2.HealthCheckResponse.SERVING
            server = server_service_pb2_grpc.ServerServiceStub(channel)
            got = await server.GetServer(server_service_pb2.GetServerRequest())
            assert got.server.environment.server_version == lxd_sandbox.lxd_version
        process.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(process.wait(), 20) == 0
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    assert process.stderr is not None
    log = (await process.stderr.read()).decode()
    assert "serving ServerService" in log and "stopping" in log
