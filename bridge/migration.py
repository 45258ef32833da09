"""Copies of instances between two servers of the bridge: pull, push and relay.

What LXD's Go client does in ``CopyContainer``/``CopyInstance`` (client/lxd_containers.go and
lxd_instances.go at lxd-5.0.2), with the bridge as the client both servers trust:

- **pull** (the default): the source prepares a migration (``POST <instance>`` with
  ``migration: true``: an operation whose metadata holds one secret per websocket, ``control``,
  ``fs`` and, live, ``criu``); the target is asked to create the instance from it (a
  ``migration`` source in ``pull`` mode naming the source's operation URL, secrets and
  certificate) and connects to the source itself. The target must reach the source's HTTPS
  address (``environment.addresses``).
- **push**: the target prepares to receive (a ``migration`` source in ``push`` mode: an
  operation with secrets), and the source is asked to connect to it (``target`` in the
  migration request: the target's operation URL, secrets and certificate).
- **relay**: both prepare (source: migration; target: push mode), and the bridge connects to
  the websockets of both and carries every frame between them, control first, until both sides
  close. The servers need not reach each other, only the bridge reaches both.

Neither server needs to trust the other: each trusts the bridge, and the websockets are
authorised by the operations' one-time secrets (the certificate pins the TLS connection between
the servers). On one server a copy is LXD's local copy (source ``copy``).

The bodies are the messages of ``container.proto`` encoded with each server's dialect (an LXD
5.0 source and an Incus 6.0 target each get their own JSON), and the instance's writable part is
taken as Go's ``Writable()`` takes it. The collection is the caller's (``/1.0/containers`` for
ContainerService; an instance service passes ``/1.0/instances``), so the machinery is shared.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from websockets.asyncio.client import ClientConnection
from websockets.exceptions import ConnectionClosed

from bridge import codec
from bridge.errors import BridgeError, InvalidRequest, OperationRunning, ProtocolError, clip
from bridge.facade.bodies import decode, encode
from bridge.facade.context import CallContext, Resolver
from bridge.objects import writable
from bridge.transport import JsonObject, LxdClient, is_final
from bridge.transport.operations import Operation
from bridge.transport.paths import segment
from lxd.api.v1 import container_pb2

__all__ = [
    "MODES",
    "CopyArgs",
    "CopyResult",
    "check_mode",
    "copy_instance",
    "finish",
    "reachable_urls",
    "server_addresses",
    "server_certificate",
    "source_context",
    "start_at_first",
]

_log = logging.getLogger(__name__)

#: The transfer modes of LXD's Go client.
MODES = ("pull", "push", "relay")

#: Relays still carrying data after their RPC returned (``wait: false``): kept referenced.
_RELAYS: set[asyncio.Task[None]] = set()


@dataclass(frozen=True, slots=True)
class CopyArgs:
    """The Go client's ``ContainerCopyArgs``/``InstanceCopyArgs``: the new name ("" keeps the
    source's), live, the instance without its snapshots, the mode, an incremental refresh."""

    name: str = ""
    live: bool = False
    instance_only: bool = False
    mode: str = "pull"
    refresh: bool = False


@dataclass(frozen=True, slots=True)
class CopyResult:
    """The operation that completes the copy (final when waited for), and the context of the
    server it runs on (the target's, or the source's in push mode)."""

    operation: JsonObject
    server: CallContext


def source_context(
    upstreams: Resolver, call: CallContext, server: str, project: str, *, field: str
) -> CallContext:
    """The call context of a copy's source: server ``server`` (a name the resolver knows; ""
    is the call's own) for the same caller, in ``project``. InvalidRequest naming ``field``
    for a server the bridge does not have."""
    if not server or server == call.upstream.name:
        upstream = call.upstream
    else:
        named = getattr(upstreams, "resolve_named", None)
        if named is None:  # a bridge in front of one server
            raise InvalidRequest(
                f"unknown LXD server {clip(server)!r} in {field}; this bridge serves: "
                f"{call.upstream.name}",
                field=field,
            )
        upstream = named(call.grpc, server, field=field)
    return replace(call, upstream=upstream, project=project)


def server_addresses(lxd: LxdClient) -> list[str]:
    """The HTTPS URLs another server can reach ``lxd`` at, as the Go client's
    ``GetConnectionInfo`` lists them: the URL the bridge uses (if HTTPS), then the server's
    ``environment.addresses`` (an address ``:8443`` without a host is left out)."""
    urls = [lxd.endpoint.url] if lxd.endpoint.url.startswith("https://") else []
    environment = lxd.server.get("environment")
    addresses = environment.get("addresses") if isinstance(environment, dict) else None
    for address in addresses or ():
        if isinstance(address, str) and address and not address.startswith(":"):
            url = f"https://{address}"
            if url not in urls:
                urls.append(url)
    return urls


def reachable_urls(call: CallContext, *, side: str, mode: str, instead: str) -> list[str]:
    """:func:`server_addresses` of ``call``'s server, the copy's ``side`` ("source" or
    "target"); InvalidRequest naming ``args.mode`` (suggesting mode ``instead``) when it lists
    none, for then the other server cannot reach it."""
    urls = server_addresses(call.lxd)
    if not urls:
        other = "target" if side == "source" else "source"
        raise InvalidRequest(
            f"{mode}: the {side} server {call.upstream.name!r} is not listening on the network "
            f"(core.https_address), so the {other} cannot reach it; use mode {instead}",
            field="args.mode",
        )
    return urls


async def start_at_first(
    urls: list[str], start: Callable[[str], Awaitable[Operation]]
) -> Operation:
    """``start(url)`` for each URL in turn, as the Go client tries each address a server
    listens on: the first operation started, else the last URL's error."""
    error: BridgeError | None = None
    for url in urls:
        try:
            return await start(url)
        except BridgeError as e:
            error = e
    assert error is not None
    raise error


def server_certificate(lxd: LxdClient) -> str:
    """The certificate ``lxd`` serves HTTPS with (``environment.certificate``), for the other
    server to pin; "" when it gives none."""
    environment = lxd.server.get("environment")
    certificate = environment.get("certificate") if isinstance(environment, dict) else None
    return certificate if isinstance(certificate, str) else ""


def check_mode(mode: str) -> None:
    """InvalidRequest naming ``args.mode`` unless ``mode`` is one of :data:`MODES`."""
    if mode not in MODES:
        raise InvalidRequest(
            f"args.mode must be one of {', '.join(MODES)} (or empty for pull), not {mode!r}",
            field="args.mode",
        )


def _collection(lxd: LxdClient) -> str:
    return lxd.dialect.instances


async def copy_instance(
    source: CallContext,
    target: CallContext,
    name: str,
    args: CopyArgs,
    *,
    wait: bool,
    member: str = "",
    collection: Callable[[LxdClient], str] = _collection,
) -> CopyResult:
    """Copy instance ``name`` of ``source`` (its upstream and project) to ``target``.

    ``member`` places it on a cluster member of the target; ``collection`` gives a server's
    instance collection (default: its dialect's). With ``wait`` the copy is waited for within
    the RPC deadline (OperationRunning when the deadline comes first). Raises InvalidRequest
    naming ``args.mode`` for an unknown mode or one the servers cannot do, and LXD's errors as
    they come (NotFound when the instance is not on the source).
    """
    check_mode(args.mode)
    path = f"{collection(source.lxd)}/{segment(name, 'name')}"
    got = await source.request("GET", path, query={"project": source.project or None})
    copy = _Copy(
        source,
        target,
        path,
        collection(target.lxd),
        _create_body(got.metadata, args.name or name, source.dialect),
        args,
        {"project": target.project or None, "target": member or None},
        wait,
    )
    if source.upstream.name == target.upstream.name:
        return await copy.local(name)
    if args.mode == "push":
        return await copy.push()
    return await copy.pull_or_relay()


@dataclass
class _Copy:
    """One copy under way: both sides, the source's instance path, the target's collection,
    the target's creation body, the arguments, the target's query and whether to wait."""

    source: CallContext
    target: CallContext
    path: str
    collection: str
    post: container_pb2.ContainersPost
    args: CopyArgs
    scope: dict[str, str | None]
    wait: bool

    async def local(self, name: str) -> CopyResult:
        """LXD's own copy on one server (source ``copy``)."""
        self.post.source.CopyFrom(_source(self.post, self.args, type="copy", source=name))
        if self.source.project != self.target.project:
            self.post.source.project = self.source.project or "default"
        started = await _start(self.target, self.collection, self.post, self.scope, self.wait)
        return await finish(started, self.target, self.wait)

    async def pull_or_relay(self) -> CopyResult:
        """The source prepares its migration, then the target pulls (or the bridge relays)."""
        outgoing = await _start(
            self.source, self.path, _migrate_body(self.args), _project(self.source), False
        )
        secrets = _secrets(outgoing)
        try:
            if self.args.mode == "relay":
                body = _push_source(self.post, self.args)
                incoming = await _start(self.target, self.collection, body, self.scope, self.wait)
                try:
                    await _relay(self.source.lxd, outgoing.id, secrets, self.target.lxd, incoming)
                except BaseException:
                    await incoming.aclose()
                    await _cancel(self.target.lxd, incoming.id)
                    raise
                return await finish(incoming, self.target, self.wait)
            return await self.pull(outgoing, secrets)
        except BaseException:
            await _cancel(self.source.lxd, outgoing.id)
            raise

    async def pull(self, outgoing: Operation, secrets: dict[str, str]) -> CopyResult:
        """The target connects to the source's migration websockets."""
        urls = reachable_urls(self.source, side="source", mode="pull", instead="push or relay")
        post = self.post
        post.source.CopyFrom(_source(post, self.args, type="migration", mode="pull"))
        post.source.certificate = server_certificate(self.source.lxd)
        post.source.secrets.update(secrets)

        def start(url: str) -> Awaitable[Operation]:
            post.source.operation = f"{url}/1.0/operations/{segment(outgoing.id, 'operation')}"
            return _start(self.target, self.collection, post, self.scope, self.wait)

        return await finish(await start_at_first(urls, start), self.target, self.wait)

    async def push(self) -> CopyResult:
        """The target prepares to receive, then the source connects to it."""
        urls = reachable_urls(self.target, side="target", mode="push", instead="pull or relay")
        body = _push_source(self.post, self.args)
        incoming = await _start(self.target, self.collection, body, self.scope, False)
        try:
            migrate = _migrate_body(self.args)
            migrate.target.certificate = server_certificate(self.target.lxd)
            migrate.target.secrets.update(_secrets(incoming))

            def start(url: str) -> Awaitable[Operation]:
                migrate.target.operation = (
                    f"{url}/1.0/operations/{segment(incoming.id, 'operation')}"
                )
                return _start(self.source, self.path, migrate, _project(self.source), self.wait)

            return await finish(await start_at_first(urls, start), self.source, self.wait)
        except BaseException:
            await _cancel(self.target.lxd, incoming.id)
            raise


def _create_body(instance: Any, name: str, dialect: codec.Dialect) -> container_pb2.ContainersPost:
    """The target's ``ContainersPost``: the source instance's writable part (Go's Writable())
    and the new name; the source is set by the mode."""
    put = writable(decode(container_pb2.Container, instance))
    post = codec.from_json(container_pb2.ContainersPost, codec.to_json(put, dialect))
    assert isinstance(post, container_pb2.ContainersPost)
    post.name = name
    return post


def _source(
    post: container_pb2.ContainersPost, args: CopyArgs, **fields: Any
) -> container_pb2.ContainerSource:
    source = container_pb2.ContainerSource(
        base_image=post.config.get("volatile.base_image", ""),
        live=args.live,
        container_only=args.instance_only,
        instance_only=args.instance_only,
        refresh=args.refresh,
        **fields,
    )
    return source


def _push_source(
    post: container_pb2.ContainersPost, args: CopyArgs
) -> container_pb2.ContainersPost:
    pushed = container_pb2.ContainersPost()
    pushed.CopyFrom(post)
    pushed.source.CopyFrom(_source(post, args, type="migration", mode="push"))
    return pushed


def _migrate_body(args: CopyArgs) -> container_pb2.ContainerPost:
    return container_pb2.ContainerPost(
        migration=True,
        live=args.live,
        container_only=args.instance_only,
        instance_only=args.instance_only,
    )


def _project(call: CallContext) -> dict[str, str | None]:
    return {"project": call.project or None}


async def _start(
    call: CallContext, path: str, body: Any, query: Mapping[str, str | None], watch: bool
) -> Operation:
    """POST ``body`` (a message, in the server's dialect) to ``path`` on ``call``'s server: an
    operation, watched when it will be waited for."""
    return await call.lxd.operations.start(
        "POST",
        path,
        json=encode(body, call.dialect, field="args"),
        query=dict(query),
        timeout=call.remaining(),
        watch=watch,
    )


async def finish(started: Operation, call: CallContext, wait: bool) -> CopyResult:
    """The copy's result: ``started`` closed at once without ``wait``, else waited for within
    the RPC deadline (OperationRunning when the deadline comes first)."""
    if not wait:
        await started.aclose()
        return CopyResult(started.current, call)
    async with started:
        current = await started.wait(call.wait_budget())
    if not is_final(current):
        raise OperationRunning(current)
    return CopyResult(current, call)


def _secrets(operation: Operation) -> dict[str, str]:
    metadata = operation.metadata
    if not isinstance(metadata, dict) or not isinstance(metadata.get("control"), str):
        raise ProtocolError(f"operation {operation.id} has no migration websockets: {metadata!r}")
    return {k: v for k, v in metadata.items() if isinstance(v, str)}


async def _cancel(lxd: LxdClient, op_id: str) -> None:
    """Best effort: a migration half set up is cancelled, not left waiting for its sockets."""
    with contextlib.suppress(BridgeError, TimeoutError):
        await lxd.operations.cancel(op_id)


async def _relay(
    source: LxdClient,
    source_op: str,
    source_secrets: Mapping[str, str],
    target: LxdClient,
    incoming: Operation,
) -> None:
    """Connect the websockets of both operations (control first) and carry their frames in the
    background until both sides have closed them."""
    target_secrets = _secrets(incoming)
    missing = sorted(set(target_secrets) - set(source_secrets))
    if missing:
        raise ProtocolError(
            f"the migration target expects the {missing[0]!r} socket, which the source lacks"
        )
    names = ["control", *sorted(n for n in target_secrets if n != "control")]
    pairs: list[tuple[ClientConnection, ClientConnection]] = []
    opened: list[ClientConnection] = []
    try:
        for name in names:
            outgoing = await source.connection.websocket(
                _websocket(source_op), query={"secret": source_secrets[name]}
            )
            opened.append(outgoing)
            incoming_ws = await target.connection.websocket(
                _websocket(incoming.id), query={"secret": target_secrets[name]}
            )
            opened.append(incoming_ws)
            pairs.append((outgoing, incoming_ws))
    except BaseException:
        for ws in opened:
            with contextlib.suppress(Exception):
                await ws.close()
        raise
    task = asyncio.create_task(_carry(pairs, incoming.id))
    _RELAYS.add(task)
    task.add_done_callback(_RELAYS.discard)


def _websocket(op_id: str) -> str:
    return f"/1.0/operations/{segment(op_id, 'operation')}/websocket"


async def _carry(pairs: list[tuple[ClientConnection, ClientConnection]], op_id: str) -> None:
    """Carry frames both ways on every pair of sockets until each pair has closed."""
    try:
        await asyncio.gather(*(_pair(a, b) for a, b in pairs))
    except Exception:  # a relay must not end with an unhandled task error
        _log.warning("relay of migration %s ended with an error", op_id, exc_info=True)


async def _pair(a: ClientConnection, b: ClientConnection) -> None:
    await asyncio.gather(_forward(a, b), _forward(b, a))


async def _forward(reader: ClientConnection, writer: ClientConnection) -> None:
    """Frames from ``reader`` to ``writer``, text as text and binary as binary; when ``reader``
    closes (or fails), ``writer`` is closed too, as the Go client's proxy does."""
    try:
        async for message in reader:
            await writer.send(message)
    except ConnectionClosed:
        pass
    finally:
        with contextlib.suppress(Exception):
            await writer.close()
