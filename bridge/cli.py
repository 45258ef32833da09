"""The command line: ``lxd-grpc-bridge serve`` (also ``python -m bridge serve``) and
``lxd-grpc-bridge protos DIR`` (the API's .proto files, for other languages).

Every option can also come from an environment variable (listed in ``--help``); an option on the
command line wins. Problems found at startup (no socket, connection refused, a certificate that
cannot be read or is not trusted, a refused listen address) are one line on stderr and exit 2.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import ssl
import stat
import sys
from collections.abc import Sequence
from pathlib import Path

from bridge import protos
from bridge.audit import AuditLog
from bridge.caller_limits import DEFAULT_MAX_INFLIGHT, DEFAULT_MAX_STREAMS
from bridge.errors import LxdError, ProtocolError, SocketNotFound, TransportError
from bridge.facade.common import MAX_MESSAGE_SIZE
from bridge.listener import parse_group, parse_mode, with_overrides
from bridge.lxd_identities import IdentityResolver, load_identities
from bridge.observability import logs, tracing
from bridge.server import (
    DEFAULT_GRACE,
    DEFAULT_LISTEN,
    Keepalive,
    ListenRefused,
    PolicyError,
    ServerTls,
    serve,
)
from bridge.servers import (
    DEFAULT_NAME,
    ServerSelector,
    ServersError,
    ServerSpec,
    listener_access,
    load_servers,
)
from bridge.transport import Limits, LxdClient
from bridge.upstream import Upstream

__all__ = ["ENV_PREFIX", "StartupError", "main"]

PROG = "lxd-grpc-bridge"
ENV_PREFIX = "LXD_GRPC_BRIDGE_"
EXIT_STARTUP = 2


class StartupError(Exception):
    """A problem that stops the bridge from starting; its message is the one line shown."""


def _env(option: str) -> str:
    """The environment variable of an option: ``--client-cert`` -> LXD_GRPC_BRIDGE_CLIENT_CERT."""
    return ENV_PREFIX + option.lstrip("-").replace("-", "_").upper()


def _add(parser: argparse.ArgumentParser, option: str, help_text: str, **kwargs: object) -> None:
    """An option whose default comes from its environment variable (named in the help)."""
    name = _env(option)
    if kwargs.get("action") == "store_true":
        default: object = os.environ.get(name, "").lower() in ("1", "true", "yes", "on")
    else:
        fallback = kwargs.pop("default", None)
        default = os.environ.get(name) or fallback
    parser.add_argument(option, default=default, help=f"{help_text} [env {name}]", **kwargs)  # type: ignore[arg-type]


def _at_least_one(text: str) -> int:
    """A whole number >= 1 (argparse names the option when this refuses a value)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _seconds(text: str) -> float:
    """A number of seconds >= 0."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not value >= 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be 0 or more seconds, not {text}")
    return value


def _positive_seconds(text: str) -> float:
    """A number of seconds > 0."""
    value = _seconds(text)
    if value == 0:
        raise argparse.ArgumentTypeError("must be more than 0 seconds")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser: ``serve``, and ``protos`` to write out the .proto files."""
    parser = argparse.ArgumentParser(prog=PROG, description="A typed gRPC front door for LXD.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    serve_cmd = commands.add_parser(
        "serve",
        help="serve the gRPC API for LXD (one server, or several with --servers)",
        description=(
            "Serve the gRPC API (with reflection and health) for one LXD daemon, or several "
            "(--servers)."
        ),
        epilog=(
            "Every option can be set by the environment variable in brackets; the command line "
            f"wins. Startup problems exit with status {EXIT_STARTUP}."
        ),
    )
    _add(
        serve_cmd,
        "--lxd",
        "LXD to talk to: unix:///path/unix.socket or https://host:8443 "
        "(default: the local socket, found like LXD's clients: $LXD_DIR, snap, /var/lib/lxd)",
        metavar="URL",
    )
    _add(
        serve_cmd,
        "--servers",
        "several LXD servers, from a TOML file: one [[servers]] table each with name, url "
        "(unix:///path or https://), client_cert, client_key, server_cert (pinned) or ca; the "
        "first is the default. A call names its server in the lxd-server metadata key. "
        "Instead of --lxd and its credential options (their short form: one server, default)",
        metavar="FILE",
    )
    _add(serve_cmd, "--client-cert", "client certificate (PEM) for https://", metavar="FILE")
    _add(serve_cmd, "--client-key", "client key (PEM) for https://", metavar="FILE")
    _add(
        serve_cmd,
        "--server-cert",
        "LXD's own certificate (PEM), pinned, for https:// (as `lxc remote add` keeps it)",
        metavar="FILE",
    )
    _add(
        serve_cmd,
        "--lxd-ca",
        "CA that signed LXD's certificate, instead of --server-cert",
        metavar="FILE",
    )
    _add(
        serve_cmd,
        "--listen",
        "gRPC address to listen on: unix:/path/to.sock (owner, group and mode copied from "
        "LXD's socket: it grants what LXD's socket grants) or host:port (needs TLS or "
        f"--insecure) (default {DEFAULT_LISTEN}; $RUNTIME_DIRECTORY/bridge.sock under systemd)",
        default=DEFAULT_LISTEN,
        metavar="ADDR",
    )
    _add(
        serve_cmd,
        "--listen-group",
        "group (name or gid) of the unix socket, instead of LXD's socket's "
        "(root when LXD is reached over https://)",
        metavar="GROUP",
    )
    _add(
        serve_cmd,
        "--listen-mode",
        "mode (octal) of the unix socket, instead of LXD's socket's (0660 for https://)",
        metavar="MODE",
    )
    _add(
        serve_cmd,
        "--health-listen",
        "also serve grpc.health.v1, and nothing else, without TLS on this address "
        "(for probes that cannot do TLS)",
        metavar="ADDR",
    )
    _add(serve_cmd, "--tls-cert", "gRPC TLS certificate (PEM)", metavar="FILE")
    _add(serve_cmd, "--tls-key", "gRPC TLS key (PEM)", metavar="FILE")
    _add(
        serve_cmd,
        "--client-ca",
        "require gRPC clients to present a certificate signed by this CA (mTLS)",
        metavar="FILE",
    )
    _add(
        serve_cmd,
        "--authz-policy",
        "authorization policy (gRFC A43 JSON: deny_rules, allow_rules on principals, paths, "
        "headers) enforced on every RPC before LXD is asked; re-read on SIGHUP and when the "
        "file changes. TLS files are re-read the same way",
        metavar="FILE",
    )
    _add(
        serve_cmd,
        "--lxd-identities",
        "map callers' principals to LXD client certificates (JSON: identities, unmapped: "
        "bridge or refuse); a mapped caller's calls reach LXD over HTTPS with its certificate, "
        "so LXD's own checks (restricted certificates, projects) apply",
        metavar="FILE",
    )
    _add(
        serve_cmd,
        "--audit-log",
        "write one JSON line per RPC that changes something (and every denied call) to FILE, "
        "or - for stderr: time, principal, peer, method, name, project, target, code, LXD "
        "operation, duration; never a body or secret",
        metavar="FILE",
    )
    _add(serve_cmd, "--audit-reads", "audit reads too (with --audit-log)", action="store_true")
    _add(
        serve_cmd,
        "--insecure",
        "allow a TCP listener without TLS (loopback included): any local user, and anyone "
        "who can reach it, is then LXD's administrator",
        action="store_true",
    )
    _add(
        serve_cmd,
        "--grace",
        f"seconds in-flight RPCs get on SIGTERM/SIGINT (default {DEFAULT_GRACE:.0f})",
        default=DEFAULT_GRACE,
        type=float,
        metavar="SECONDS",
    )
    limits = Limits()
    _add(
        serve_cmd,
        "--max-calls",
        "short LXD calls in flight at once; more wait for a free connection within their "
        f"deadline (default {limits.calls})",
        default=limits.calls,
        type=_at_least_one,
        metavar="N",
    )
    _add(
        serve_cmd,
        "--max-transfers",
        "transfers (file, log, image, backup downloads and uploads) in flight at once, on "
        f"connections of their own; one more is RESOURCE_EXHAUSTED (default {limits.transfers})",
        default=limits.transfers,
        type=_at_least_one,
        metavar="N",
    )
    _add(
        serve_cmd,
        "--max-waits",
        "operation waits (wait: true, GetOperationWait) held open on LXD at once, on connections "
        f"of their own; one more is RESOURCE_EXHAUSTED (default {limits.waits})",
        default=limits.waits,
        type=_at_least_one,
        metavar="N",
    )
    _add(
        serve_cmd,
        "--max-inflight-per-caller",
        "RPCs one caller (principal; without mTLS all callers are one) may have in flight; one "
        f"more is RESOURCE_EXHAUSTED (default {DEFAULT_MAX_INFLIGHT})",
        default=DEFAULT_MAX_INFLIGHT,
        type=_at_least_one,
        metavar="N",
    )
    _add(
        serve_cmd,
        "--max-streams-per-caller",
        "streams (events, exec, console, transfers) one caller may hold open; one more is "
        f"RESOURCE_EXHAUSTED (default {DEFAULT_MAX_STREAMS})",
        default=DEFAULT_MAX_STREAMS,
        type=_at_least_one,
        metavar="N",
    )
    _add(
        serve_cmd,
        "--max-send-message-size",
        "largest gRPC message sent, in bytes; a larger reply is RESOURCE_EXHAUSTED. Clients "
        f"receive at most 4 MiB unless told otherwise (default {MAX_MESSAGE_SIZE})",
        default=MAX_MESSAGE_SIZE,
        type=_at_least_one,
        metavar="BYTES",
    )
    keepalive = Keepalive()
    _add(
        serve_cmd,
        "--keepalive-time",
        "seconds of quiet on a client connection before the bridge pings it (HTTP/2 PING) "
        f"(default {keepalive.time:g})",
        default=keepalive.time,
        type=_positive_seconds,
        metavar="SECONDS",
    )
    _add(
        serve_cmd,
        "--keepalive-timeout",
        "seconds a ping may go unanswered before the connection is closed "
        f"(default {keepalive.timeout:g})",
        default=keepalive.timeout,
        type=_positive_seconds,
        metavar="SECONDS",
    )
    _add(
        serve_cmd,
        "--keepalive-min-ping-interval",
        "shortest interval between a client's keepalive pings the bridge accepts, with or "
        "without calls in flight; pinging more often gets the connection closed "
        f"(GOAWAY too_many_pings) (default {keepalive.min_ping_interval:g})",
        default=keepalive.min_ping_interval,
        type=_positive_seconds,
        metavar="SECONDS",
    )
    _add(
        serve_cmd,
        "--keepalive-permit-without-calls",
        "yes: pings flow on connections with no call in flight too (the bridge's, and clients' "
        "at --keepalive-min-ping-interval); no: only while calls are open "
        f"(default {'yes' if keepalive.permit_without_calls else 'no'})",
        default="yes" if keepalive.permit_without_calls else "no",
        choices=("yes", "no"),
        metavar="yes|no",
    )
    _add(
        serve_cmd,
        "--max-connection-age",
        "seconds after which a client connection is asked to go (GOAWAY) so that clients "
        "reconnect and spread over replicas behind a load balancer; 0: never "
        f"(default {keepalive.max_connection_age:g})",
        default=keepalive.max_connection_age,
        type=_seconds,
        metavar="SECONDS",
    )
    _add(
        serve_cmd,
        "--max-connection-age-grace",
        "seconds the calls and streams still open on a connection asked to go get to finish "
        f"before it is closed (default {keepalive.max_connection_age_grace:g})",
        default=keepalive.max_connection_age_grace,
        type=_seconds,
        metavar="SECONDS",
    )
    _add(
        serve_cmd,
        "--metrics-listen",
        "serve Prometheus metrics on host:port (/metrics): plain HTTP on loopback, elsewhere "
        "HTTPS with --tls-cert/--tls-key or --insecure (default: no metrics)",
        metavar="ADDR",
    )
    _add(
        serve_cmd,
        "--log-format",
        "text or json (one object per line: time, level, logger, message, rpc, request_id, "
        "principal, lxd_operation) (default text). Tracing is set by the OTEL_* variables "
        "(OTEL_TRACES_EXPORTER=otlp or console turns it on)",
        default="text",
        choices=("text", "json"),
        metavar="FORMAT",
    )
    _add(
        serve_cmd,
        "--log-level",
        "debug, info, warning or error (default info)",
        default="info",
        metavar="LEVEL",
    )
    protos_cmd = commands.add_parser(
        "protos",
        help="write the .proto files of the API into a directory, for other languages",
        description=(
            "Write lxd/api/v1/*.proto and the google/api files they import into DIR, from the "
            "installed package, so any language can generate a client: "
            "protoc -I DIR --go_out=. DIR/lxd/api/v1/*.proto (the google/protobuf well-known "
            "types are built into protoc and buf)."
        ),
    )
    protos_cmd.add_argument("dir", type=Path, metavar="DIR", help="where to write (created)")
    return parser


def _protos(out: Path) -> int:
    try:
        written = protos.export(out)
    except OSError as e:
        print(f"{PROG}: error: cannot write the .proto files under {out}: {e}", file=sys.stderr)
        return 1
    print(f"wrote {len(written)} .proto files under {out}")
    return 0


def _readable(path: str | None, what: str) -> Path | None:
    """``path`` as a Path after checking it can be read; StartupError otherwise."""
    if path is None:
        return None
    try:
        with open(path, "rb"):
            pass
    except OSError as e:
        raise StartupError(f"cannot read {what} {path}: {e.strerror or e}") from e
    return Path(path)


def _server_tls(opts: argparse.Namespace) -> ServerTls | None:
    cert = _readable(opts.tls_cert, "--tls-cert")
    key = _readable(opts.tls_key, "--tls-key")
    client_ca = _readable(opts.client_ca, "--client-ca")
    if (cert is None) != (key is None):
        raise StartupError("--tls-cert and --tls-key go together")
    if cert is None or key is None:
        if client_ca is not None:
            raise StartupError("--client-ca (mTLS) needs --tls-cert and --tls-key")
        return None
    return ServerTls(cert, key, client_ca)


def server_specs(opts: argparse.Namespace) -> tuple[ServerSpec, ...]:
    """The servers to front: ``--servers FILE``, or ``--lxd`` and its credentials as the one
    server ``default``. StartupError when both are given or the file is wrong."""
    short_form = [
        option
        for option, attr in (
            ("--lxd", "lxd"),
            ("--client-cert", "client_cert"),
            ("--client-key", "client_key"),
            ("--server-cert", "server_cert"),
            ("--lxd-ca", "lxd_ca"),
        )
        if getattr(opts, attr) is not None
    ]
    if opts.servers is not None:
        if short_form:
            raise StartupError(
                f"--servers and {short_form[0]} do not go together: give every server in the file"
            )
        try:
            return load_servers(Path(opts.servers))
        except ServersError as e:
            raise StartupError(f"--servers {e}") from e

    def path(value: str | None) -> Path | None:
        return None if value is None else Path(value)

    return (
        ServerSpec(
            DEFAULT_NAME,
            opts.lxd,
            path(opts.client_cert),
            path(opts.client_key),
            path(opts.server_cert),
            path(opts.lxd_ca),
        ),
    )


def _limits(opts: argparse.Namespace) -> Limits:
    return Limits(calls=opts.max_calls, transfers=opts.max_transfers, waits=opts.max_waits)


async def open_lxd(opts: argparse.Namespace) -> LxdClient:
    """Connect to LXD as ``--lxd`` and its options say; StartupError with one clear line
    otherwise."""
    return await open_server(server_specs(opts)[0], _limits(opts), short_form=True)


async def open_server(spec: ServerSpec, limits: Limits, *, short_form: bool = False) -> LxdClient:
    """Connect to one server; StartupError with one clear line (naming the server of a
    servers file) otherwise."""
    url = spec.url
    named = "" if short_form else f"server {spec.name!r}: "
    if url is not None and url.startswith("unix://"):
        path = url.removeprefix("unix://")
        try:
            if not stat.S_ISSOCK(os.stat(path).st_mode):
                raise StartupError(f"{named}{path} is not a unix socket")
        except FileNotFoundError as e:
            raise StartupError(f"{named}LXD socket {path} does not exist") from e
        except PermissionError as e:
            raise StartupError(f"{named}LXD socket {path}: permission denied") from e
    for value, option, key in (
        (spec.client_cert, "--client-cert", "client_cert"),
        (spec.client_key, "--client-key", "client_key"),
        (spec.server_cert, "--server-cert", "server_cert"),
        (spec.ca, "--lxd-ca", "ca"),
    ):
        _readable(None if value is None else str(value), option if short_form else f"{named}{key}")
    try:
        lxd = await LxdClient.open(
            url,
            client_cert=spec.client_cert,
            client_key=spec.client_key,
            server_cert=spec.server_cert,
            ca=spec.ca,
            limits=limits,
        )
    except SocketNotFound as e:
        raise StartupError(f"{e}; give --lxd") from e
    except ssl.SSLError as e:
        raise StartupError(f"{named}bad client certificate or key: {e}") from e
    except ValueError as e:  # a malformed --lxd, or https:// without its certificates
        raise StartupError(f"{named}{e}") from e
    except TransportError as e:
        raise StartupError(
            f"{named}cannot reach LXD at {url or 'the local socket'}: {_cause(e)}"
        ) from e
    except (LxdError, ProtocolError) as e:
        raise StartupError(f"{named}LXD at {url or 'the local socket'} answered: {e}") from e
    if lxd.server.get("auth") != "trusted":
        await lxd.aclose()
        raise StartupError(
            f"{named}LXD at {lxd.endpoint.url} does not trust this client (auth: "
            f"{lxd.server.get('auth', '?')}); add the certificate with `lxc config trust add`"
        )
    return lxd


async def open_servers(
    specs: tuple[ServerSpec, ...], limits: Limits, *, short_form: bool
) -> ServerSelector:
    """Connect to every server of ``specs`` (:func:`server_specs`); the opened ones are closed
    again when one fails."""
    upstreams: dict[str, Upstream] = {}
    try:
        for spec in specs:
            client = await open_server(spec, limits, short_form=short_form)
            upstreams[spec.name] = Upstream(client, name=spec.name)
    except BaseException:
        for upstream in upstreams.values():
            await upstream.client.aclose()
        raise
    return ServerSelector(upstreams)


def _cause(error: BaseException) -> str:
    """The innermost reason of a transport error (refused, certificate verify failed, ...)."""
    while error.__cause__ is not None:
        error = error.__cause__
    return str(error) or type(error).__name__


async def _serve(opts: argparse.Namespace) -> None:
    tls = _server_tls(opts)
    try:
        gid = None if opts.listen_group is None else parse_group(opts.listen_group)
        mode = None if opts.listen_mode is None else parse_mode(opts.listen_mode)
    except ValueError as e:
        raise StartupError(str(e)) from e
    try:
        tracer_provider = tracing.from_environment()
    except tracing.TracingConfigError as e:
        raise StartupError(str(e)) from e
    audit = None
    if opts.audit_log is not None:
        try:
            audit = AuditLog(opts.audit_log)
        except OSError as e:
            raise StartupError(f"cannot open --audit-log {opts.audit_log}: {e.strerror}") from e
    elif opts.audit_reads:
        raise StartupError("--audit-reads needs --audit-log")
    identities = None
    if opts.lxd_identities is not None:
        try:
            identities = load_identities(Path(opts.lxd_identities))
        except PolicyError as e:
            raise StartupError(str(e)) from e
    specs = server_specs(opts)  # the --servers file is read once
    limits = _limits(opts)
    short_form = opts.servers is None
    selector = await open_servers(specs, limits, short_form=short_form)
    lxd = selector.default.client
    identity_resolver = None
    try:
        if identities is not None:
            try:
                identity_resolver = await IdentityResolver.open(
                    identities,
                    lxd,
                    server_cert=opts.server_cert,
                    ca=opts.lxd_ca,
                    limits=limits,
                    servers=() if short_form else specs,
                )
            except (TransportError, LxdError, ProtocolError, ssl.SSLError, ValueError) as e:
                raise StartupError(f"--lxd-identities {opts.lxd_identities}: {e}") from e
            selector.identities = identity_resolver
        access = with_overrides(listener_access(selector.clients()), gid=gid, mode=mode)
        await serve(
            lxd,
            opts.listen,
            tls=tls,
            insecure=opts.insecure,
            access=access,
            health_listen=opts.health_listen,
            grace=opts.grace,
            max_send_message_size=opts.max_send_message_size,
            metrics_listen=opts.metrics_listen,
            tracer_provider=tracer_provider,
            authz_policy=Path(opts.authz_policy) if opts.authz_policy else None,
            audit=audit,
            audit_reads=opts.audit_reads,
            max_inflight_per_caller=opts.max_inflight_per_caller,
            max_streams_per_caller=opts.max_streams_per_caller,
            resolver=selector,
            servers=selector.clients(),
            keepalive=Keepalive(
                time=opts.keepalive_time,
                timeout=opts.keepalive_timeout,
                min_ping_interval=opts.keepalive_min_ping_interval,
                permit_without_calls=opts.keepalive_permit_without_calls == "yes",
                max_connection_age=opts.max_connection_age,
                max_connection_age_grace=opts.max_connection_age_grace,
            ),
        )
    except (ListenRefused, PolicyError) as e:
        raise StartupError(str(e)) from e
    finally:
        if identity_resolver is not None:
            await identity_resolver.aclose()
        await selector.aclose()
        if audit is not None:
            audit.close()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    opts = parser.parse_args(argv)
    if opts.command == "protos":
        return _protos(opts.dir)
    logs.configure(str(opts.log_level), opts.log_format)  # with the redaction filter
    try:
        asyncio.run(_serve(opts))
    except StartupError as e:
        print(f"{PROG}: error: {e}", file=sys.stderr)
        return EXIT_STARTUP
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
