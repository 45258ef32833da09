"""LxdClient: the transport's front object, one per LXD endpoint."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterable, Mapping, Sequence
from contextlib import AbstractAsyncContextManager, suppress
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, Any

from bridge.errors import TransportError
from bridge.transport.connection import (
    Connection,
    Kind,
    Limits,
    Query,
    RawResponse,
    Transport,
)
from bridge.transport.endpoint import Endpoint
from bridge.transport.envelope import JsonObject, LxdResponse
from bridge.transport.events import Events
from bridge.transport.files import Files
from bridge.transport.operations import Operation, Operations
from bridge.transport.paths import segment
from bridge.transport.upgrade import upgrade
from bridge.transport.websocket import ExecSession, StdinSource, open_session

if TYPE_CHECKING:
    from bridge.codec import Dialect

__all__ = ["LxdClient", "RecordedExec", "recorded_exec"]


@dataclass(frozen=True, slots=True)
class RecordedExec:
    """An exec run with ``record-output``: exit code, log URLs (fetch them with
    :meth:`LxdClient.stream`) and the final operation."""

    exit_code: int | None
    stdout_url: str | None
    stderr_url: str | None
    operation: JsonObject


class LxdClient:
    """Async client for one LXD endpoint.

    Holds the pooled HTTP clients (:attr:`connection`, a pool per kind of request, with
    :class:`~bridge.transport.connection.Limits`), the event hubs (:attr:`events`), the
    operation calls (:attr:`operations`) and file calls (:attr:`files`). :attr:`server` is the
    raw metadata of ``GET /1.0``, fetched by :meth:`open` and again after a transport failure.
    """

    def __init__(
        self,
        endpoint: Endpoint,
        *,
        limits: Limits | None = None,
        transport: Transport | None = None,
    ) -> None:
        self.endpoint = endpoint
        self.connection = Connection(endpoint, limits=limits)
        #: Where requests with an envelope go: the connection, or what a test puts instead.
        self.transport: Transport = transport if transport is not None else self.connection
        self.events = Events(self.connection)
        # Operation calls go through this client, so that they too refresh the server after a
        # transport failure and use the transport seam.
        self.operations = Operations(self, self.events)
        self.files = Files(self)
        self.server: JsonObject = {}
        self._server_stale = True
        self._dialect: Dialect | None = None

    @classmethod
    async def open(
        cls,
        url: str | None = None,
        *,
        client_cert: str | os.PathLike[str] | None = None,
        client_key: str | os.PathLike[str] | None = None,
        server_cert: str | os.PathLike[str] | None = None,
        ca: str | os.PathLike[str] | None = None,
        limits: Limits | None = None,
    ) -> LxdClient:
        """Connect to ``url`` (``unix:///path``, ``https://host:port``; ``None`` discovers the
        local socket) and fetch ``GET /1.0``. ``limits``: concurrent requests per kind."""
        endpoint = Endpoint.parse(
            url, client_cert=client_cert, client_key=client_key, server_cert=server_cert, ca=ca
        )
        client = cls(endpoint, limits=limits)
        try:
            await client.refresh_server()
        except BaseException:
            await client.aclose()
            raise
        return client

    async def refresh_server(self, *, timeout: float | None = None) -> JsonObject:
        """Fetch ``GET /1.0`` again and store it in :attr:`server` (the dialect is read anew)."""
        response = await self.transport.request("GET", "/1.0", timeout=timeout)
        self.server = response.metadata if isinstance(response.metadata, dict) else {}
        self._server_stale = False
        self._dialect = None
        return self.server

    async def refresh_if_stale(self) -> None:
        """Fetch ``GET /1.0`` again if a transport failure since the last one means the daemon
        may have been restarted or upgraded (another version, even another family); a failure
        here is left to the request that follows."""
        if self._server_stale and self.server:
            with suppress(TransportError):
                await self.refresh_server()

    @property
    def dialect(self) -> Dialect:
        """The JSON dialect of the connected server, computed once from :attr:`server`."""
        if self._dialect is None:
            # The one place the server's dialect is chosen; imported here so the transport
            # does not load the codec's descriptors until a dialect is needed.
            from bridge.codec import dialect_for

            self._dialect = dialect_for(self.server)
        return self._dialect

    async def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        query: Query | None = None,
        etag: str | None = None,
        headers: Mapping[str, str] | None = None,
        content: bytes | AsyncIterable[bytes] | None = None,
        timeout: float | None = None,
        kind: Kind | None = None,
    ) -> LxdResponse:
        """One request, envelope decoded (see :meth:`Connection.request`).

        After a transport failure the next request first refreshes :attr:`server`, since the
        daemon may have been restarted or upgraded in between.
        """
        if self._server_stale and self.server:
            await self.refresh_server()
        path, query = self.dialect.locate(path, query)
        try:
            return await self.transport.request(
                method,
                path,
                json=json,
                query=query,
                etag=etag,
                headers=headers,
                content=content,
                timeout=timeout,
                kind=kind,
            )
        except TransportError:
            self._server_stale = True
            raise

    async def get(
        self, path: str, *, query: Query | None = None, timeout: float | None = None
    ) -> LxdResponse:
        """``GET path``: metadata, ETag and all."""
        return await self.request("GET", path, query=query, timeout=timeout)

    def stream(
        self,
        method: str,
        path: str,
        *,
        query: Query | None = None,
        headers: Mapping[str, str] | None = None,
        content: bytes | AsyncIterable[bytes] | None = None,
        timeout: float | None = None,
    ) -> AbstractAsyncContextManager[RawResponse]:
        """A raw response (file, log, image or backup export) streamed in chunks."""
        path, query = self.dialect.locate(path, query)
        return self.connection.stream(
            method, path, query=query, headers=headers, content=content, timeout=timeout
        )

    def upgrade(
        self, path: str, protocol: str, *, query: Query | None = None, timeout: float | None = None
    ) -> AbstractAsyncContextManager[tuple[asyncio.StreamReader, asyncio.StreamWriter]]:
        """``path`` upgraded to a raw byte stream (SFTP), on a connection of its own."""
        return upgrade(self.connection.endpoint, path, protocol, query=query, timeout=timeout)

    def instance_path(self, container: str) -> str:
        """``container``'s path, as the container RPCs write it (``/1.0/containers/<name>``);
        each request asks the dialect where that is on the server (:meth:`Dialect.locate`)."""
        return f"/1.0/containers/{segment(container, 'container')}"

    async def exec_at(
        self,
        path: str,
        body: JsonObject,
        *,
        query: Query | None = None,
        stdin: StdinSource | None = None,
        timeout: float | None = None,
    ) -> ExecSession:
        """POST ``body`` (a ``ContainerExecPost``) to the exec endpoint ``path`` with websockets,
        and return the live session (its operation: ``session.operation``).

        ``stdin`` (bytes or an async iterator) is fed in the background, then end-of-file;
        without it, write with :meth:`ExecSession.write` and :meth:`ExecSession.close_stdin`.
        ``timeout`` bounds starting the session, not the command.
        """
        body = {**body, "wait-for-websocket": True, "record-output": False}
        operation = await self.operations.start(
            "POST", path, json=body, query=query, timeout=timeout
        )
        session = await open_session(self.connection, operation)
        if stdin is not None:
            session.feed(stdin)
        return session

    async def exec(
        self,
        container: str,
        command: Sequence[str],
        *,
        environment: Mapping[str, str] | None = None,
        interactive: bool = False,
        width: int = 0,
        height: int = 0,
        stdin: StdinSource | None = None,
        extra: JsonObject | None = None,
        project: str = "",
        timeout: float | None = None,
    ) -> ExecSession:
        """Start ``command`` in ``container`` with websockets (:meth:`exec_at`).

        ``extra`` adds keys of ``ContainerExecPost`` (e.g. ``cwd``, ``user`` on 5.0).
        """
        body: JsonObject = {
            "command": list(command),
            "environment": dict(environment or {}),
            "interactive": interactive,
            "width": width,
            "height": height,
            **(extra or {}),
        }
        return await self.exec_at(
            f"{self.instance_path(container)}/exec",
            body,
            query={"project": project or None},
            stdin=stdin,
            timeout=timeout,
        )

    async def start_recorded(
        self,
        path: str,
        body: JsonObject,
        *,
        query: Query | None = None,
        timeout: float | None = None,
    ) -> Operation:
        """POST ``body`` to the exec endpoint ``path`` without websockets (stdin is /dev/null)
        and with ``record-output``; wait for the operation, then :func:`recorded_exec`."""
        body = {
            **body,
            "interactive": False,
            "wait-for-websocket": False,
            "record-output": True,
        }
        return await self.operations.start("POST", path, json=body, query=query, timeout=timeout)

    async def exec_recorded(
        self,
        container: str,
        command: Sequence[str],
        *,
        environment: Mapping[str, str] | None = None,
        extra: JsonObject | None = None,
        project: str = "",
        timeout: float | None = None,
    ) -> RecordedExec:
        """Run ``command`` with ``record-output`` (:meth:`start_recorded`) and wait for it. On
        timeout the command keeps running and ``exit_code`` is ``None``."""
        body: JsonObject = {
            "command": list(command),
            "environment": dict(environment or {}),
            **(extra or {}),
        }
        deadline = None if timeout is None else asyncio.get_running_loop().time() + timeout
        async with await self.start_recorded(
            f"{self.instance_path(container)}/exec",
            body,
            query={"project": project or None},
            timeout=timeout,
        ) as operation:
            left = None if deadline is None else deadline - asyncio.get_running_loop().time()
            return recorded_exec(await operation.wait(left))

    async def console_at(
        self,
        path: str,
        body: JsonObject,
        *,
        query: Query | None = None,
        timeout: float | None = None,
    ) -> ExecSession:
        """POST ``body`` (``ContainerConsolePost``) to the console endpoint ``path`` and attach
        (fd 0 plus control); close the session to detach."""
        operation = await self.operations.start(
            "POST", path, json=body, query=query, timeout=timeout
        )
        return await open_session(self.connection, operation)

    async def console(
        self,
        container: str,
        *,
        width: int = 0,
        height: int = 0,
        project: str = "",
        timeout: float | None = None,
    ) -> ExecSession:
        """Attach to ``container``'s console (:meth:`console_at`)."""
        return await self.console_at(
            f"{self.instance_path(container)}/console",
            {"width": width, "height": height},
            query={"project": project or None},
            timeout=timeout,
        )

    async def aclose(self) -> None:
        """Close event hubs and pooled connections."""
        await self.events.aclose()
        await self.connection.aclose()

    async def __aenter__(self) -> LxdClient:
        return self

    async def __aexit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()


def recorded_exec(operation: JsonObject) -> RecordedExec:
    """What a ``record-output`` exec's final (or current) operation says: exit code and logs."""
    metadata = operation.get("metadata")
    metadata = metadata if isinstance(metadata, dict) else {}
    output = metadata.get("output")
    output = output if isinstance(output, dict) else {}
    code = metadata.get("return")
    stdout, stderr = output.get("1"), output.get("2")
    return RecordedExec(
        exit_code=code if isinstance(code, int) else None,
        stdout_url=stdout if isinstance(stdout, str) and stdout else None,
        stderr_url=stderr if isinstance(stderr, str) and stderr else None,
        operation=operation,
    )
