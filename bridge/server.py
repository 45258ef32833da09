"""The grpc.aio server: every facade servicer, reflection, health, TLS and mTLS.

    lxd = await LxdClient.open("unix:///var/snap/lxd/common/lxd/unix.socket")
    bridge = await start(lxd, "127.0.0.1:0")        # bridge.port is the port chosen
    ...
    await bridge.stop()

:func:`serve` is what ``lxd-grpc-bridge serve`` runs: :func:`start`, then wait for SIGTERM or
SIGINT and stop gracefully (health NOT_SERVING first, then in-flight RPCs get ``grace`` seconds).
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import signal
from dataclasses import dataclass
from pathlib import Path

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc

from bridge import reflection
from bridge.errors import BridgeError
from bridge.facade import FACADES
from bridge.facade.streams import MAX_MESSAGE_SIZE
from bridge.transport import LxdClient

__all__ = [
    "DEFAULT_LISTEN",
    "BridgeServer",
    "ListenRefused",
    "ServerTls",
    "is_loopback",
    "serve",
    "start",
]

_log = logging.getLogger(__name__)

DEFAULT_LISTEN = "127.0.0.1:50051"
#: Seconds between two checks that LXD still answers (health SERVING / NOT_SERVING).
HEALTH_INTERVAL = 10.0
#: Seconds in-flight RPCs get to finish on shutdown.
DEFAULT_GRACE = 10.0

_HEALTH_SERVICE = health_pb2.DESCRIPTOR.services_by_name["Health"].full_name


class ListenRefused(ValueError):
    """The listen address is refused, e.g. a non-loopback address without TLS."""


@dataclass(frozen=True)
class ServerTls:
    """TLS for the gRPC side: the bridge's certificate and key (PEM files), and with
    ``client_ca`` mutual TLS: clients must present a certificate signed by that CA."""

    cert: Path
    key: Path
    client_ca: Path | None = None

    def credentials(self) -> grpc.ServerCredentials:
        """The grpc server credentials (reads the files now)."""
        return grpc.ssl_server_credentials(
            [(self.key.read_bytes(), self.cert.read_bytes())],
            root_certificates=self.client_ca.read_bytes() if self.client_ca else None,
            require_client_auth=self.client_ca is not None,
        )


def is_loopback(address: str) -> bool:
    """Whether a gRPC listen address (``host:port``, ``[v6]:port``, ``unix:path``) stays on
    this host. Host names other than ``localhost`` count as not loopback (not resolved)."""
    if address.startswith(("unix:", "unix-abstract:")):
        return True
    host = address.rsplit(":", 1)[0] if ":" in address else address
    host = host.strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass
class BridgeServer:
    """A started bridge: the grpc.aio server, the port it listens on, its health servicer."""

    server: grpc.aio.Server
    port: int
    health: health.aio.HealthServicer
    lxd: LxdClient
    _monitor: asyncio.Task[None]

    async def stop(self, grace: float | None = DEFAULT_GRACE) -> None:
        """Report NOT_SERVING, let in-flight RPCs finish for ``grace`` seconds, then stop.

        The LXD client is the caller's to close.
        """
        self._monitor.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._monitor
        await self.health.enter_graceful_shutdown()
        await self.server.stop(grace)


async def start(
    lxd: LxdClient,
    listen: str = DEFAULT_LISTEN,
    *,
    tls: ServerTls | None = None,
    insecure: bool = False,
    health_interval: float = HEALTH_INTERVAL,
) -> BridgeServer:
    """Serve every facade for ``lxd`` on ``listen`` and return the running server.

    ``lxd`` must be open (it answered ``GET /1.0``), so health starts as SERVING; it is checked
    again every ``health_interval`` seconds. Without ``tls``, a non-loopback ``listen`` is
    refused (ListenRefused) unless ``insecure``.
    """
    if tls is None and not insecure and not is_loopback(listen):
        raise ListenRefused(
            f"refusing to listen on {listen} without TLS: it is not a loopback address "
            "(give --tls-cert and --tls-key, or --insecure)"
        )
    server = grpc.aio.server(
        options=[  # docs/streams.md: chunks are at most 1 MiB, a message at most this
            ("grpc.max_receive_message_length", MAX_MESSAGE_SIZE),
            ("grpc.max_send_message_length", MAX_MESSAGE_SIZE),
        ]
    )
    facades = [facade_cls(lxd) for facade_cls in FACADES]
    server.add_generic_rpc_handlers([facade.generic_handler() for facade in facades])

    health_servicer = health.aio.HealthServicer()
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
    names = [facade.service.full_name for facade in facades]
    reflection.enable(server, [*names, _HEALTH_SERVICE])  # v1 and v1alpha

    try:
        if tls is None:
            port = server.add_insecure_port(listen)
        else:
            port = server.add_secure_port(listen, tls.credentials())
    except RuntimeError as e:
        raise ListenRefused(f"cannot listen on {listen}: {e}") from e
    await server.start()

    for name in ["", *names]:  # "" is the whole server
        await health_servicer.set(name, health_pb2.HealthCheckResponse.SERVING)
    monitor = asyncio.create_task(_watch_lxd(lxd, health_servicer, names, health_interval))
    return BridgeServer(server, port, health_servicer, lxd, monitor)


async def _watch_lxd(
    lxd: LxdClient, servicer: health.aio.HealthServicer, names: list[str], interval: float
) -> None:
    """Keep health in step with LXD: SERVING while ``GET /1.0`` answers, else NOT_SERVING."""
    serving = True
    while True:
        await asyncio.sleep(interval)
        try:
            await lxd.get("/1.0", timeout=min(interval, 5.0))
            now = True
        except BridgeError as e:
            if serving:
                _log.warning("LXD does not answer: %s", e)
            now = False
        if now != serving:
            serving = now
            status = (
                health_pb2.HealthCheckResponse.SERVING
                if now
                else health_pb2.HealthCheckResponse.NOT_SERVING
            )
            for name in ["", *names]:
                await servicer.set(name, status)


async def serve(
    lxd: LxdClient,
    listen: str = DEFAULT_LISTEN,
    *,
    tls: ServerTls | None = None,
    insecure: bool = False,
    grace: float = DEFAULT_GRACE,
) -> None:
    """Start the bridge and serve until SIGTERM or SIGINT, then stop gracefully."""
    bridge = await start(lxd, listen, tls=tls, insecure=insecure)
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stopping.set)
    version = lxd.server.get("environment", {}).get("server_version", "?")
    _log.info(
        "serving %s on %s (%s) for LXD %s at %s",
        ", ".join(f.service.name for f in FACADES),
        listen.replace(":0", f":{bridge.port}") if listen.endswith(":0") else listen,
        "mTLS" if tls and tls.client_ca else "TLS" if tls else "no TLS",
        version,
        lxd.endpoint.url,
    )
    try:
        await stopping.wait()
        _log.info("stopping: in-flight RPCs get %.0f s", grace)
    finally:
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(signum)
        await bridge.stop(grace)
