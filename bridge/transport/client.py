"""LxdClient: the transport's front object, one per LXD endpoint."""

from __future__ import annotations

import os
from collections.abc import AsyncIterable, Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, Any

from bridge.errors import TransportError
from bridge.transport.connection import Connection, Kind, Limits, Query, RawResponse
from bridge.transport.endpoint import Endpoint
from bridge.transport.envelope import JsonObject, LxdResponse
from bridge.transport.events import Events
from bridge.transport.files import Files
from bridge.transport.operations import Operations
from bridge.transport.paths import segment
from bridge.transport.websocket import ExecSession, StdinSource, open_session

if TYPE_CHECKING:
    from bridge.codec import Dialect

__all__ = ["LxdClient", "RecordedExec"]


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

    def __init__(self, endpoint: Endpoint, *, limits: Limits | None = None) -> None:
        self.endpoint = endpoint
        self.connection = Connection(endpoint, limits=limits)
        self.events = Events(self.connection)
        self.operations = Operations(self.connection, self.events)
        self.files = Files(self.connection)
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

    async def refresh_server(self) -> JsonObject:
        """Fetch ``GET /1.0`` again and store it in :attr:`server`."""
        response = await self.connection.request("GET", "/1.0")
        self.server = response.metadata if isinstance(response.metadata, dict) else {}
        self._server_stale = False
        self._dialect = None
        return self.server

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
        try:
            return await self.connection.request(
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
        return self.connection.stream(
            method, path, query=query, headers=headers, content=content, timeout=timeout
        )

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
        timeout: float | None = None,
    ) -> ExecSession:
        """Start ``command`` in ``container`` with websockets, and return the live session.

        ``stdin`` (bytes or an async iterator) is fed in the background, then end-of-file;
        without it, write with :meth:`ExecSession.write` and :meth:`ExecSession.close_stdin`.
        ``extra`` adds keys of ``ContainerExecPost`` (e.g. ``cwd``, ``user`` on 5.0).
        ``timeout`` bounds starting the session, not the command.
        """
        body: JsonObject = {
            "command": list(command),
            "environment": dict(environment or {}),
            "interactive": interactive,
            "width": width,
            "height": height,
            **(extra or {}),
            "wait-for-websocket": True,
            "record-output": False,
        }
        operation = await self.operations.start(
            "POST", f"{_container_path(container)}/exec", json=body, timeout=timeout
        )
        session = await open_session(self.connection, operation)
        if stdin is not None:
            session.feed(stdin)
        return session

    async def exec_recorded(
        self,
        container: str,
        command: Sequence[str],
        *,
        environment: Mapping[str, str] | None = None,
        extra: JsonObject | None = None,
        timeout: float | None = None,
    ) -> RecordedExec:
        """Run ``command`` without websockets (stdin is /dev/null) with ``record-output``, and
        wait for it. On timeout the command keeps running and ``exit_code`` is ``None``."""
        body: JsonObject = {
            "command": list(command),
            "environment": dict(environment or {}),
            "interactive": False,
            **(extra or {}),
            "wait-for-websocket": False,
            "record-output": True,
        }
        operation = await self.operations.run(
            "POST", f"{_container_path(container)}/exec", json=body, timeout=timeout
        )
        metadata = operation.get("metadata")
        metadata = metadata if isinstance(metadata, dict) else {}
        output = metadata.get("output")
        output = output if isinstance(output, dict) else {}
        code = metadata.get("return")
        return RecordedExec(
            exit_code=code if isinstance(code, int) else None,
            stdout_url=output.get("1"),
            stderr_url=output.get("2"),
            operation=operation,
        )

    async def console(
        self, container: str, *, width: int = 0, height: int = 0, timeout: float | None = None
    ) -> ExecSession:
        """Attach to the container's console (fd 0 plus control); close the session to detach."""
        operation = await self.operations.start(
            "POST",
            f"{_container_path(container)}/console",
            json={"width": width, "height": height},
            timeout=timeout,
        )
        return await open_session(self.connection, operation)

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


def _container_path(container: str) -> str:
    return f"/1.0/containers/{segment(container, 'container')}"
