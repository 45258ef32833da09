"""The bridge as a server: health, reflection, TLS and mTLS, the listen policy, the command line.

The listen policy is a security property (issue 11): the default unix socket grants exactly what
LXD's socket grants, checked with a client process running as the unprivileged user `nobody`.

TLS material is made here with `cryptography`: a CA, a server certificate for 127.0.0.1 and a
client certificate, all signed by that CA.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime
import ipaddress
import os
import re
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
from collections.abc import AsyncIterator, Iterator
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
from bridge.listener import SocketAccess, needs_tls
from bridge.server import BridgeServer, ListenRefused, ServerTls, start
from bridge.transport import LxdClient
from lxd.api.v1 import (
    container_service_pb2,
    container_service_pb2_grpc,
    server_service_pb2,
    server_service_pb2_grpc,
)
from tests.conftest import REPO, LxdSandbox

# The bridge's own server (listeners, TLS, limits, shutdown): the same on every family.
pytestmark = [pytest.mark.timeout(60), pytest.mark.families("lxd")]

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
    ("address", "tls_needed"),
    [
        ("unix:/run/lxd-grpc-bridge/bridge.sock", False),
        ("unix:///run/lxd-grpc-bridge/bridge.sock", False),
        ("unix:bridge.sock", False),
        ("127.0.0.1:50051", True),  # loopback too: every local account can connect
        ("localhost:50051", True),
        ("[::1]:50051", True),
        ("unix-abstract:bridge", True),  # no file, so no mode to guard it
        ("0.0.0.0:50051", True),
        ("bridge.example.com:50051", True),
    ],
)
def test_only_a_unix_socket_file_may_serve_without_tls(address: str, tls_needed: bool) -> None:
    assert needs_tls(address) is tls_needed


@pytest.mark.parametrize("address", ["127.0.0.1:0", "[::1]:0", "0.0.0.0:0"])
async def test_tcp_without_tls_is_refused_loopback_included(lxd: LxdClient, address: str) -> None:
    with pytest.raises(ListenRefused, match=f"refusing to listen on {re.escape(address)} without"):
        await start(lxd, address)


async def test_tcp_without_tls_is_served_with_insecure(lxd: LxdClient) -> None:
    bridge = await start(lxd, "127.0.0.1:0", insecure=True)
    try:
        reply = await get_server(bridge.address, None)
        assert reply.server.auth == "trusted"
    finally:
        await bridge.stop(grace=0)


async def test_the_socket_takes_the_owner_group_and_mode_of_lxds(
    bridge: BridgeServer, lxd_sandbox: LxdSandbox
) -> None:
    lxd_socket = os.stat(lxd_sandbox.socket)
    ours = os.stat(bridge.address.removeprefix("unix:"))
    assert stat.S_ISSOCK(ours.st_mode)
    assert (ours.st_uid, ours.st_gid, stat.S_IMODE(ours.st_mode)) == (
        lxd_socket.st_uid,
        lxd_socket.st_gid,
        stat.S_IMODE(lxd_socket.st_mode),
    )


@pytest.mark.parametrize(
    ("access", "expected"),
    [
        (SocketAccess(0, 0, 0o660), (0, 0, 0o660)),
        (SocketAccess(0, 65534, 0o660), (0, 65534, 0o660)),
        (SocketAccess(65534, 65534, 0o600), (65534, 65534, 0o600)),
        (SocketAccess(0, 0, 0o600), (0, 0, 0o600)),
    ],
    ids=["root-root-0660", "group-nogroup", "owner-nobody", "owner-only"],
)
async def test_a_socket_gets_exactly_the_access_asked(
    lxd: LxdClient, tmp_path: Path, access: SocketAccess, expected: tuple[int, int, int]
) -> None:
    bridge = await start(lxd, f"unix:{tmp_path / 'b.sock'}", access=access)
    try:
        st = os.stat(tmp_path / "b.sock")
        assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == expected
    finally:
        await bridge.stop(grace=0)
    assert not (tmp_path / "b.sock").exists(), "a stopped bridge leaves no socket behind"


async def test_a_stale_socket_is_replaced(lxd: LxdClient, tmp_path: Path) -> None:
    stale = refusing_socket(tmp_path / "b.sock")
    bridge = await start(lxd, f"unix:{stale}")
    try:
        reply = await get_server(bridge.address, None)
        assert reply.server.auth == "trusted"
    finally:
        await bridge.stop(grace=0)


@pytest.mark.parametrize(
    ("occupant", "message"),
    [
        ("live-bridge", "another process is serving on it"),
        ("regular-file", "it exists and is not a socket"),
    ],
)
async def test_a_taken_socket_path_is_a_clear_error_and_left_alone(
    lxd: LxdClient, tmp_path: Path, occupant: str, message: str
) -> None:
    path = tmp_path / "b.sock"
    first = None
    if occupant == "live-bridge":
        first = await start(lxd, f"unix:{path}")
    else:
        path.write_text("not a socket")
    try:
        before = os.stat(path).st_ino
        with pytest.raises(ListenRefused, match=message):
            await start(lxd, f"unix:{path}")
        assert os.stat(path).st_ino == before
        if first is not None:  # and the first bridge still answers
            assert (await get_server(first.address, None)).server.auth == "trusted"
    finally:
        if first is not None:
            await first.stop(grace=0)


async def test_health_listen_serves_health_and_nothing_else(lxd: LxdClient, tmp_path: Path) -> None:
    bridge = await start(lxd, f"unix:{tmp_path / 'b.sock'}", health_listen="127.0.0.1:0")
    try:
        assert bridge.health_address is not None
        async with grpc.aio.insecure_channel(bridge.health_address) as channel:
            reply = await health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest())
            assert reply.status == health_pb2.HealthCheckResponse.SERVING
            calls = {
                "GetServer": server_service_pb2_grpc.ServerServiceStub(channel).GetServer(
                    server_service_pb2.GetServerRequest(), timeout=5
                ),
                "GetContainerNames": container_service_pb2_grpc.ContainerServiceStub(
                    channel
                ).GetContainerNames(container_service_pb2.GetContainerNamesRequest(), timeout=5),
                "reflection": reflect(
                    channel, reflection_pb2.ServerReflectionRequest(list_services="")
                ),
            }
            for name, call in calls.items():
                with pytest.raises(grpc.aio.AioRpcError) as caught:
                    await call
                assert caught.value.code() == grpc.StatusCode.UNIMPLEMENTED, name
    finally:
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
    target: str, credentials: grpc.ChannelCredentials | None
) -> server_service_pb2.GetServerResponse:
    async with (
        grpc.aio.secure_channel(target, credentials)
        if credentials
        else grpc.aio.insecure_channel(target)
    ) as channel:
        stub = server_service_pb2_grpc.ServerServiceStub(channel)
        return await stub.GetServer(server_service_pb2.GetServerRequest(), timeout=5)


async def test_tls_serves_clients_that_trust_the_ca(tls_bridge: BridgeServer, pki: Pki) -> None:
    credentials = grpc.ssl_channel_credentials(root_certificates=pki.ca.read_bytes())
    reply = await get_server(tls_bridge.address, credentials)
    assert reply.server.auth == "trusted"


async def test_tls_refuses_plaintext_clients(tls_bridge: BridgeServer) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await get_server(tls_bridge.address, None)
    assert caught.value.code() == grpc.StatusCode.UNAVAILABLE


async def test_mtls_serves_clients_with_a_certificate_from_the_client_ca(
    mtls_bridge: BridgeServer, pki: Pki
) -> None:
    credentials = grpc.ssl_channel_credentials(
        root_certificates=pki.ca.read_bytes(),
        private_key=pki.client_key.read_bytes(),
        certificate_chain=pki.client_cert.read_bytes(),
    )
    reply = await get_server(mtls_bridge.address, credentials)
    assert reply.server.auth == "trusted"


async def test_mtls_refuses_clients_without_a_certificate(
    mtls_bridge: BridgeServer, pki: Pki
) -> None:
    credentials = grpc.ssl_channel_credentials(root_certificates=pki.ca.read_bytes())
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await get_server(mtls_bridge.address, credentials)
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
            ["--lxd", "SANDBOX", "--listen", "127.0.0.1:0"],
            "refusing to listen on 127.0.0.1:0 without TLS: every local user",
        ),
        (
            ["--lxd", "SANDBOX", "--listen", "unix:TMP/b.sock", "--listen-mode", "0999"],
            "--listen-mode 0999: expected octal permission bits",
        ),
        (
            ["--lxd", "SANDBOX", "--listen", "unix:TMP/b.sock", "--listen-group", "no-such-grp"],
            "--listen-group no-such-grp: no such group",
        ),
        (
            ["--lxd", "SANDBOX", "--listen", "unix:TMP/not-a-socket"],
            "cannot listen on unix:TMP/not-a-socket: it exists and is not a socket",
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
        "insecure-loopback-listen",
        "bad-listen-mode",
        "unknown-listen-group",
        "listen-path-not-a-socket",
        "unreadable-cert",
        "half-tls",
        "bad-url",
    ],
)
def test_startup_problems_are_one_line_and_exit_2(
    args: list[str], message: str, lxd_sandbox: LxdSandbox, tmp_path: Path
) -> None:
    (tmp_path / "not-a-socket").write_text("")
    replacements = {
        "REFUSING": f"unix://{refusing_socket(tmp_path / 'refusing.sock')}",
        "SANDBOX": f"unix://{lxd_sandbox.socket}",
        "SANDBOX_CERT": lxd_sandbox.client_cert,
    }
    args = [replacements.get(a, a).replace("TMP", str(tmp_path)) for a in args]
    result = run_cli(*args)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("lxd-grpc-bridge: error: ")
    assert message.replace("TMP", str(tmp_path)) in lines[0]


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
    lxd_sandbox: LxdSandbox, tmp_path: Path
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        health_port = probe.getsockname()[1]
    listen = f"unix:{tmp_path / 'bridge.sock'}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("LXD_GRPC_BRIDGE_")}
    env |= {
        "LXD_GRPC_BRIDGE_LXD": lxd_sandbox.https_url,
        "LXD_GRPC_BRIDGE_CLIENT_CERT": lxd_sandbox.client_cert,
        "LXD_GRPC_BRIDGE_CLIENT_KEY": lxd_sandbox.client_key,
        "LXD_GRPC_BRIDGE_SERVER_CERT": lxd_sandbox.server_cert,
        "LXD_GRPC_BRIDGE_LISTEN": listen,
        "LXD_GRPC_BRIDGE_HEALTH_LISTEN": f"127.0.0.1:{health_port}",
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bridge", "serve", cwd=REPO, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        async with grpc.aio.insecure_channel(listen) as channel:
            await asyncio.wait_for(channel.channel_ready(), 20)
            # No LXD socket to copy over HTTPS: root:root 0660.
            st = os.stat(tmp_path / "bridge.sock")
            assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (0, 0, 0o660)
            server = server_service_pb2_grpc.ServerServiceStub(channel)
            got = await server.GetServer(server_service_pb2.GetServerRequest())
            assert got.server.environment.server_version == lxd_sandbox.lxd_version
        async with grpc.aio.insecure_channel(f"127.0.0.1:{health_port}") as probe_channel:
            health = health_pb2_grpc.HealthStub(probe_channel)
            reply = await health.Check(health_pb2.HealthCheckRequest())
            assert reply.status == health_pb2.HealthCheckResponse.SERVING
        process.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(process.wait(), 20) == 0
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    assert process.stderr is not None
    log = (await process.stderr.read()).decode()
    assert "serving ServerService" in log and "stopping" in log
    assert f"on {listen} (root:root 0660 the default when LXD is reached over HTTPS" in log
    assert not (tmp_path / "bridge.sock").exists()


# --- who may call it: the unprivileged user `nobody` against root --------------------------------

#: Whether the user running it can connect to a unix socket (LXD's): "served" or "refused".
CONNECT = """
require("net").connect(process.argv[1])
  .on("connect", function () { console.log("served"); this.destroy(); })
  .on("error", (e) => console.log(e.code === "EACCES" ? "refused" : e.message));
"""


def call_as(user: str, lxd_socket: str, bridge: str) -> dict[str, str]:
    """What ``user``, with only its own primary group, gets from LXD's socket and from the
    bridge (through the README's Node client; root's Python is out of other users' reach)."""
    node = shutil.which("node")
    assert node, "node is needed (make setup) to call the bridge as another user"
    group = "nogroup" if user == "nobody" else "root"
    runs = {
        "lxd": [node, "-e", CONNECT, lxd_socket],
        "bridge": [node, str(REPO / "examples/node/list-containers.js"), bridge],
    }
    got = {}
    for name, command in runs.items():
        result = subprocess.run(
            command, user=user, group=group, extra_groups=[], cwd="/",
            capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
        if name == "lxd":
            got[name] = result.stdout.strip()
        elif result.returncode == 0:
            got[name] = "served"
        else:
            got[name] = f"refused {result.stderr.strip()}"
    return got


@dataclass(frozen=True)
class CliBridge:
    """A bridge run by the command line, and the address its banner says it serves on."""

    address: str
    process: subprocess.Popen[str]


@contextlib.contextmanager
def cli_bridge(lxd_sandbox: LxdSandbox, *args: str, env: dict[str, str]) -> Iterator[CliBridge]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("LXD_GRPC_BRIDGE_")}
    with subprocess.Popen(
        [sys.executable, "-m", "bridge", "serve", "--lxd", f"unix://{lxd_sandbox.socket}", *args],
        cwd=REPO, env=environ | env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    ) as process:  # fmt: skip
        try:
            assert process.stderr is not None
            banner = ""
            while " serving " not in banner:  # bounded by the test's timeout
                banner = process.stderr.readline()
                assert banner, f"the bridge exited: {process.wait()}"
            served = re.search(r" on (\S+) \(", banner)
            assert served, banner
            yield CliBridge(served.group(1), process)
        finally:
            process.terminate()
            process.wait(timeout=30)


@pytest.fixture
def runtime_dir() -> Iterator[Path]:
    """A directory every user can traverse (pytest's tmp_path is root's only), as systemd's
    RuntimeDirectory= would be."""
    directory = Path(tempfile.mkdtemp(prefix="bridge-run-", dir="/tmp"))
    directory.chmod(0o755)
    try:
        yield directory
    finally:
        shutil.rmtree(directory, ignore_errors=True)


@pytest.mark.parametrize(
    ("user", "expected"),
    [("nobody", "refused"), ("root", "served")],
)
def test_the_default_listener_grants_exactly_what_lxds_socket_grants(
    lxd_sandbox: LxdSandbox, runtime_dir: Path, user: str, expected: str
) -> None:
    # No --listen: the default, in $RUNTIME_DIRECTORY instead of /run/lxd-grpc-bridge so that
    # test runs never meet.
    with cli_bridge(lxd_sandbox, env={"RUNTIME_DIRECTORY": str(runtime_dir)}) as bridge:
        got = call_as(user, lxd_sandbox.socket, bridge.address)
    assert got["lxd"] == expected, "LXD's own socket, the door the bridge fronts"
    assert got["bridge"].split()[0] == expected, got["bridge"]
    if expected == "refused":  # 14 is UNAVAILABLE; the socket's mode stopped it
        assert got["bridge"].startswith("refused GetServer: 14 "), got["bridge"]
        assert "EACCES" in got["bridge"], got["bridge"]
    assert bridge.address == f"unix:{runtime_dir / 'bridge.sock'}"


def test_listen_group_and_mode_open_the_socket_to_that_group(
    lxd_sandbox: LxdSandbox, runtime_dir: Path
) -> None:
    listen = f"unix:{runtime_dir / 'group.sock'}"
    args = ["--listen", listen, "--listen-group", "nogroup", "--listen-mode", "0660"]
    with cli_bridge(lxd_sandbox, *args, env={}) as bridge:
        st = os.stat(runtime_dir / "group.sock")
        assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (0, 65534, 0o660)
        got = call_as("nobody", lxd_sandbox.socket, bridge.address)
    assert got == {"lxd": "refused", "bridge": "served"}


def test_insecure_tcp_is_served_and_the_log_says_what_that_means(
    lxd_sandbox: LxdSandbox,
) -> None:
    with cli_bridge(lxd_sandbox, "--listen", "127.0.0.1:0", "--insecure", env={}) as bridge:
        assert re.fullmatch(r"127\.0\.0\.1:[1-9][0-9]*", bridge.address), bridge.address
        assert bridge.process.stderr is not None
        warning = bridge.process.stderr.readline()
        got = call_as("nobody", lxd_sandbox.socket, bridge.address)
    assert "WARNING" in warning
    assert f"--insecure: {bridge.address} has no TLS: any local user" in warning
    assert "is LXD's administrator" in warning
    # And so it is: TCP knows no file mode, `nobody` gets what LXD's socket refuses it.
    assert got == {"lxd": "refused", "bridge": "served"}
