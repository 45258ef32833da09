"""The grpc.aio server: every facade servicer, reflection, health, TLS and mTLS.

    lxd = await LxdClient.open("unix:///var/snap/lxd/common/lxd/unix.socket")
    bridge = await start(lxd, "unix:/run/lxd-grpc-bridge/bridge.sock")  # the default
    ...                                             # bridge.address is what clients dial
    await bridge.stop()

Who may connect is the listener's business (bridge/listener.py, docs/security.md): a unix socket
with the owner, group and mode of LXD's own, or TCP with TLS (or ``insecure``, said loudly).
:func:`serve` is what ``lxd-grpc-bridge serve`` runs: :func:`start`, then wait for SIGTERM or
SIGINT and stop gracefully (health NOT_SERVING first, then in-flight RPCs get ``grace`` seconds).
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import ipaddress
import logging
import os
import signal
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from opentelemetry.instrumentation.grpc import aio_server_interceptor
from opentelemetry.sdk.trace import TracerProvider

from bridge import reflection
from bridge.audit import Audit, AuditLog
from bridge.authz import PolicyError, PolicyFile
from bridge.caller_limits import DEFAULT_MAX_INFLIGHT, DEFAULT_MAX_STREAMS, CallerLimits
from bridge.errors import BridgeError
from bridge.facade import FACADES
from bridge.facade.context import OneUpstream, Resolver
from bridge.facade.streams import MAX_MESSAGE_SIZE
from bridge.identity import ReloadingTls
from bridge.interception import CallInterceptor
from bridge.listener import ListenRefused, SocketAccess, bind, default_listen, lxd_access, needs_tls
from bridge.observability import metrics
from bridge.transport import LxdClient
from bridge.upstream import Upstream

__all__ = [
    "DEFAULT_LISTEN",
    "BridgeServer",
    "Keepalive",
    "ListenRefused",
    "PolicyError",
    "ServerTls",
    "SocketAccess",
    "serve",
    "start",
]

_log = logging.getLogger(__name__)

#: ``unix:/run/lxd-grpc-bridge/bridge.sock`` (in ``$RUNTIME_DIRECTORY`` under systemd).
DEFAULT_LISTEN = default_listen()
#: Seconds between two checks that LXD still answers (health SERVING / NOT_SERVING).
HEALTH_INTERVAL = 10.0
#: Seconds in-flight RPCs get to finish on shutdown.
DEFAULT_GRACE = 10.0

_HEALTH_SERVICE = health_pb2.DESCRIPTOR.services_by_name["Health"].full_name
#: The health entry of each server a bridge fronts: ``lxd-server/<name>`` (docs/cluster.md).
SERVER_HEALTH_PREFIX = "lxd-server/"


@dataclass(frozen=True)
class Keepalive:
    """The client connections' keepalive and age (grpc core's server channel arguments).

    ``time``: seconds of quiet before the bridge pings a client (HTTP/2 PING), ``timeout``:
    seconds an unanswered ping is given before the connection is dropped; clients may ping too,
    at most every ``min_ping_interval`` seconds (more often is GOAWAY ``too_many_pings``), and on
    idle connections too when ``permit_without_calls``. ``max_connection_age``: seconds after
    which a connection is asked to go (GOAWAY; 0: never), so that clients reconnect and a load
    balancer spreads them over the replicas; calls still open on it get
    ``max_connection_age_grace`` seconds to finish. Defaults: a connection lives about 30
    minutes (grpc adds +-10% jitter), and a stream then has 10 more to end.
    """

    time: float = 60.0
    timeout: float = 20.0
    min_ping_interval: float = 10.0
    permit_without_calls: bool = True
    max_connection_age: float = 1800.0
    max_connection_age_grace: float = 600.0

    def options(self) -> list[tuple[str, int]]:
        """The channel arguments of grpc.aio.server()."""

        def ms(seconds: float) -> int:
            return max(int(seconds * 1000), 1)

        options = [
            ("grpc.keepalive_time_ms", ms(self.time)),
            ("grpc.keepalive_timeout_ms", ms(self.timeout)),
            ("grpc.keepalive_permit_without_calls", int(self.permit_without_calls)),
            # GRPC_ARG_HTTP2_MIN_RECV_PING_INTERVAL_WITHOUT_DATA_MS: clients' pings accepted
            ("grpc.http2.min_ping_interval_without_data_ms", ms(self.min_ping_interval)),
        ]
        if self.max_connection_age > 0:
            options.append(("grpc.max_connection_age_ms", ms(self.max_connection_age)))
            options.append(("grpc.max_connection_age_grace_ms", ms(self.max_connection_age_grace)))
        return options


@dataclass(frozen=True)
class ServerTls:
    """TLS for the gRPC side: the bridge's certificate and key (PEM files), and with
    ``client_ca`` mutual TLS: clients must present a certificate signed by that CA."""

    cert: Path
    key: Path
    client_ca: Path | None = None

    def reloading(self) -> ReloadingTls:
        """The files, read now and again when they change or on SIGHUP (bridge/identity.py)."""
        return ReloadingTls(self.cert, self.key, self.client_ca)


@dataclass
class BridgeServer:
    """A started bridge: the grpc.aio server, where it listens, its health servicer.

    ``address`` is what a client dials (``unix:/path`` or ``host:port``, the port chosen when 0
    was asked); ``access`` is the socket's owner, group and mode (None on TCP). With
    ``health_listen`` a second, plain server answers only grpc.health.v1 at ``health_address``.
    """

    server: grpc.aio.Server
    address: str
    port: int
    access: SocketAccess | None
    health: health.aio.HealthServicer
    lxd: LxdClient
    health_server: grpc.aio.Server | None
    health_address: str | None
    _monitor: asyncio.Task[None]
    #: ``--metrics-listen``'s server (Prometheus text), when asked for.
    metrics_server: metrics.MetricsServer | None = None
    #: The TLS files, re-read when they change (None without TLS).
    tls: ReloadingTls | None = None
    #: ``--authz-policy``'s file, re-read when it changes (None: no policy).
    policy: PolicyFile | None = None
    _watch: asyncio.Task[None] | None = None
    #: Each caller's RPCs in flight and open streams, and their limits.
    caller_limits: CallerLimits | None = None

    def reload(self) -> None:
        """SIGHUP: re-read the TLS files (next handshake) and the authorization policy."""
        if self.tls is not None:
            self.tls.reload()
        if self.policy is not None:
            self.policy.reload()

    async def stop(self, grace: float | None = DEFAULT_GRACE) -> None:
        """Report NOT_SERVING, let in-flight RPCs finish for ``grace`` seconds, then stop.

        The LXD client is the caller's to close. gRPC removes the socket files it bound.
        """
        for task in (self._monitor, self._watch):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        await self.health.enter_graceful_shutdown()
        if self.health_server is not None:
            await self.health_server.stop(grace)
        await self.server.stop(grace)
        if self.metrics_server is not None:
            await asyncio.to_thread(self.metrics_server.stop)


def _dialed(address: str, port: int) -> str:
    """The address a client dials: ``host:0`` becomes ``host:<port chosen>``."""
    if port and address.endswith(":0"):
        return f"{address[:-2]}:{port}"
    return address


def _metrics_address(listen: str, tls: ServerTls | None, insecure: bool) -> tuple[str, int]:
    """``host:port`` of ``--metrics-listen`` as (host, port). Plain HTTP is for loopback only:
    metrics grant nothing, but elsewhere they would tell anyone what LXD runs; any other
    address needs the bridge's TLS certificate (``tls``) or ``insecure``."""
    host, sep, port_text = listen.rpartition(":")
    host = host.removeprefix("[").removesuffix("]")
    if not sep or not port_text.isdigit() or not host:
        raise ListenRefused(f"--metrics-listen {listen!r} is not host:port")
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback and tls is None and not insecure:
        raise ListenRefused(
            f"refusing to serve metrics on {listen} without TLS: only loopback is served in "
            "plain HTTP (give --tls-cert and --tls-key, a 127.0.0.1 address, or --insecure)"
        )
    return host, int(port_text)


async def start(
    lxd: LxdClient,
    listen: str = DEFAULT_LISTEN,
    *,
    tls: ServerTls | None = None,
    insecure: bool = False,
    access: SocketAccess | None = None,
    health_listen: str | None = None,
    health_interval: float = HEALTH_INTERVAL,
    max_send_message_size: int = MAX_MESSAGE_SIZE,
    metrics_listen: str | None = None,
    tracer_provider: TracerProvider | None = None,
    authz_policy: Path | None = None,
    audit: AuditLog | None = None,
    audit_reads: bool = False,
    max_inflight_per_caller: int = DEFAULT_MAX_INFLIGHT,
    max_streams_per_caller: int = DEFAULT_MAX_STREAMS,
    resolver: Resolver | None = None,
    servers: Mapping[str, LxdClient] | None = None,
    keepalive: Keepalive | None = None,
) -> BridgeServer:
    """Serve every facade for ``lxd`` on ``listen`` and return the running server.

    ``lxd`` must be open (it answered ``GET /1.0``), so health starts as SERVING; it is checked
    again every ``health_interval`` seconds. A unix socket ``listen`` gets ``access`` (default:
    the owner, group and mode of LXD's socket, see :func:`bridge.listener.lxd_access`). A TCP
    ``listen`` without ``tls`` is refused (ListenRefused) unless ``insecure``. ``health_listen``
    serves grpc.health.v1 alone, without TLS, for probes that cannot do TLS.
    ``max_send_message_size`` is the largest message sent (bytes); a larger unary reply is
    RESOURCE_EXHAUSTED naming what is big in it. ``metrics_listen`` (``host:port``) serves
    Prometheus metrics (plain HTTP on loopback, else HTTPS with ``tls``'s certificate or
    ``insecure``). ``tracer_provider`` turns tracing on (:mod:`bridge.observability.tracing`).
    ``authz_policy`` is a gRFC A43 policy file enforced on every RPC (:mod:`bridge.authz`),
    re-read when it changes; PolicyError when it cannot be read or enforced. ``audit`` gets one
    JSON line per RPC that changes something (every RPC with ``audit_reads``; denied calls
    always: :mod:`bridge.audit`). ``max_inflight_per_caller`` and ``max_streams_per_caller``
    cap each principal's RPCs in flight and open streams (:mod:`bridge.caller_limits`).
    ``resolver`` picks each call's upstream (default: ``lxd`` as the bridge itself; per-caller
    LXD identities: :class:`bridge.lxd_identities.IdentityResolver`; several servers:
    :class:`bridge.servers.ServerSelector`). ``servers`` names every server's client (default:
    ``lxd`` alone, as ``default``): health is SERVING while every one answers, and each has its
    own health entry ``lxd-server/<name>``. ``keepalive`` sets the client connections'
    keepalive and maximum age (:class:`Keepalive`; its defaults when ``None``).
    """
    watched = dict(servers) if servers else {"default": lxd}
    metrics_host_port = (
        None if metrics_listen is None else _metrics_address(metrics_listen, tls, insecure)
    )
    if tls is None and not insecure and needs_tls(listen):
        raise ListenRefused(
            f"refusing to listen on {listen} without TLS: every local user (and anyone who can "
            "reach it) could call LXD as its administrator (give --tls-cert and --tls-key, "
            "a unix: address, or --insecure)"
        )
    if access is None:
        access = lxd_access(lxd.endpoint)
    policy = (
        None
        if authz_policy is None
        else PolicyFile(authz_policy, mtls=tls is not None and tls.client_ca is not None)
    )
    reloading = tls.reloading() if tls is not None else None
    tracer = tracer_provider.get_tracer("lxd-grpc-bridge") if tracer_provider else None
    interceptors: list[grpc.aio.ServerInterceptor] = []
    if tracer_provider is not None:  # the RPC's server span (traceparent honoured), outermost
        interceptors.append(aio_server_interceptor(tracer_provider=tracer_provider))  # type: ignore[no-untyped-call]
    # Observation, the policy, per-caller limits and the audit: one interceptor, in that order
    # (bridge/interception.py): a denied call is logged, counted and audited, and takes none
    # of the caller's slots.
    limits = CallerLimits(max_inflight_per_caller, max_streams_per_caller)
    services = [facade.service for facade in FACADES]
    interceptors.append(
        CallInterceptor(
            limits,
            tracer=tracer,
            policy=policy,
            audit=None if audit is None else Audit(audit, services, reads=audit_reads),
        )
    )
    server = grpc.aio.server(
        interceptors=interceptors,
        options=[  # docs/streams.md: chunks are at most 1 MiB, a message at most this
            ("grpc.max_receive_message_length", MAX_MESSAGE_SIZE),
            ("grpc.max_send_message_length", max_send_message_size),
            *(keepalive or Keepalive()).options(),
        ],
    )
    # One daemon, as the bridge itself: every call resolves to this upstream (a server selector
    # or an identity source is another resolver: bridge/facade/context.py).
    upstreams = resolver if resolver is not None else OneUpstream(Upstream(lxd))
    facades = [facade(upstreams, max_reply_size=max_send_message_size) for facade in FACADES]
    server.add_generic_rpc_handlers([facade.generic_handler() for facade in facades])

    health_servicer = health.aio.HealthServicer()
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
    names = [facade.service.full_name for facade in facades]
    reflection.enable(server, [*names, _HEALTH_SERVICE])  # v1 and v1alpha

    port, granted = bind(server, listen, reloading.credentials() if reloading else None, access)
    health_server = None
    health_port = 0
    if health_listen is not None:
        # Its own server: a grpc server serves every service on every port it has.
        health_server = grpc.aio.server()
        health_pb2_grpc.add_HealthServicer_to_server(health_servicer, health_server)
        try:
            health_port, _ = bind(health_server, health_listen, None, access)
        except ListenRefused:
            await server.stop(None)  # removes the socket file bound above
            raise
        await health_server.start()
    metrics_server = None
    if metrics_host_port is not None:
        try:
            metrics_server = metrics.start_metrics_server(
                *metrics_host_port,
                certfile=str(tls.cert) if tls else None,
                keyfile=str(tls.key) if tls else None,
            )
        except OSError as e:
            await server.stop(None)
            if health_server is not None:
                await health_server.stop(None)
            raise ListenRefused(f"cannot serve metrics on {metrics_listen}: {e.strerror}") from e
    await server.start()
    for client in watched.values():
        metrics.watch_events(client.events)
        metrics.LXD_UP.labels(client.endpoint.url).set(1)

    entries = [SERVER_HEALTH_PREFIX + name for name in watched]
    for name in ["", *names, *entries]:  # "" is the whole server
        await health_servicer.set(name, health_pb2.HealthCheckResponse.SERVING)
    monitor = asyncio.create_task(_watch_lxd(watched, health_servicer, names, health_interval))
    watch = asyncio.create_task(policy.watch()) if policy is not None else None
    return BridgeServer(
        server,
        _dialed(listen, port),
        port,
        granted,
        health_servicer,
        lxd,
        health_server,
        _dialed(health_listen, health_port) if health_listen else None,
        monitor,
        metrics_server,
        reloading,
        policy,
        watch,
        limits,
    )


async def _watch_lxd(
    servers: Mapping[str, LxdClient],
    servicer: health.aio.HealthServicer,
    names: list[str],
    interval: float,
) -> None:
    """Keep health in step with the servers: each server's entry (``lxd-server/<name>``) is
    SERVING while its ``GET /1.0`` answers; the whole bridge and its services are SERVING while
    every server answers, else NOT_SERVING.

    Each answer is kept as the server's metadata, so the dialect follows a daemon restarted or
    upgraded in place (another version or family) within an interval, even when no call of the
    bridge saw the connection break."""
    up = dict.fromkeys(servers, True)

    async def check(name: str, lxd: LxdClient) -> bool:
        try:
            await lxd.refresh_server(timeout=min(interval, 5.0))
            return True
        except BridgeError as e:
            if up[name]:
                _log.warning("LXD server %r does not answer: %s", name, e)
            return False

    while True:
        await asyncio.sleep(interval)
        before = all(up.values())
        results = await asyncio.gather(*(check(n, c) for n, c in servers.items()))
        for (name, lxd), now in zip(servers.items(), results, strict=True):
            metrics.LXD_UP.labels(lxd.endpoint.url).set(1 if now else 0)
            if now != up[name]:
                up[name] = now
                await servicer.set(SERVER_HEALTH_PREFIX + name, _status(now))
        if all(up.values()) != before:
            for name in ["", *names]:
                await servicer.set(name, _status(all(up.values())))


def _status(serving: bool) -> Any:
    return (
        health_pb2.HealthCheckResponse.SERVING
        if serving
        else health_pb2.HealthCheckResponse.NOT_SERVING
    )


async def serve(
    lxd: LxdClient,
    listen: str = DEFAULT_LISTEN,
    *,
    tls: ServerTls | None = None,
    servers: Mapping[str, LxdClient] | None = None,
    audit: AuditLog | None = None,
    audit_reads: bool = False,
    tracer_provider: TracerProvider | None = None,
    grace: float = DEFAULT_GRACE,
    **options: Any,
) -> None:
    """Start the bridge and serve until SIGTERM or SIGINT, then stop gracefully.

    The arguments but ``grace`` are :func:`start`'s; ``options`` are its other keyword
    arguments, passed on as they are (the ones named here are logged, or ended on the way out).
    """
    bridge = await start(
        lxd,
        listen,
        tls=tls,
        servers=servers,
        audit=audit,
        audit_reads=audit_reads,
        tracer_provider=tracer_provider,
        **options,
    )
    # Everything made so far (modules, descriptors, the facades, the server) lives as long as
    # the process: out of the collector's sight, a full collection no longer walks it (one took
    # 10-80 ms, an RPC's whole p99, under load) and each young one moves less.
    gc.freeze()
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stopping.set)
    loop.add_signal_handler(signal.SIGHUP, bridge.reload)
    security = "mTLS" if tls and tls.client_ca else "TLS" if tls else "no TLS"
    if bridge.access is not None:
        security = f"{bridge.access} {bridge.access.source}, {security}"
    _log.info(
        "serving %s on %s (%s) for %s",
        ", ".join(f.service.name for f in FACADES),
        bridge.address,
        security,
        ", ".join(
            f"{client.dialect.name} at {client.endpoint.url}"
            + ("" if servers is None else f" ({name})")
            for name, client in (servers or {"default": lxd}).items()
        ),
    )
    if tls is None and needs_tls(listen):
        _log.warning(
            "--insecure: %s has no TLS: any local user, and anyone who can reach it, "
            "is LXD's administrator through it",
            bridge.address,
        )
    if bridge.policy is not None:
        _log.info(
            "authorization policy %r from %s (reloaded on SIGHUP and when it changes)",
            bridge.policy.policy.name,
            bridge.policy.path,
        )
    if audit is not None:
        _log.info("audit log: %s%s", audit.target, " (reads too)" if audit_reads else "")
    if bridge.health_address is not None:
        _log.info("serving grpc.health.v1 only, without TLS, on %s", bridge.health_address)
    if bridge.metrics_server is not None:
        _log.info("serving Prometheus metrics on %s", bridge.metrics_server.url)
    if tracer_provider is not None:
        _log.info("tracing on (OTEL_TRACES_EXPORTER=%s)", os.environ.get("OTEL_TRACES_EXPORTER"))
    try:
        await stopping.wait()
        _log.info("stopping: in-flight RPCs get %.0f s", grace)
    finally:
        for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            loop.remove_signal_handler(signum)
        await bridge.stop(grace)
        if tracer_provider is not None:
            tracer_provider.shutdown()  # flush the spans not yet exported
