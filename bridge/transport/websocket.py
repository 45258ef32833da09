"""Operation websockets: exec and console sessions (endpoints.md §2.3 and §2.4).

Framing, as LXD's ``shared/network.go`` does it: payload in binary frames; a text frame (LXD
sends an empty one) or a close ends a stream; the control socket takes JSON text frames.
LXD starts the command only once every data socket is connected, so all of them are opened
(control first, like LXD's Go client) before a session is handed out.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterable, AsyncIterator
from dataclasses import dataclass
from types import TracebackType
from typing import Any

import orjson
from websockets.asyncio.client import ClientConnection
from websockets.exceptions import ConnectionClosed

from bridge.errors import ProtocolError, TransportError
from bridge.transport.connection import Connection
from bridge.transport.envelope import JsonObject
from bridge.transport.operations import Operation, is_final
from bridge.transport.paths import segment

__all__ = ["STDERR", "STDOUT", "ExecResult", "ExecSession", "StdinSource", "open_session"]

STDOUT = 1
STDERR = 2
#: Chunks held between the websocket readers and the consumer (the rest waits in the sockets):
#: at most 32 frames (LXD's are at most 128 KiB, mostly 4 KiB), so a consumer that joins them
#: (``output(coalesce=...)``) finds enough waiting.
_OUTPUT_QUEUE = 32
#: Bulk output (``output(coalesce=...)``): after a chunk of at least LINGER_FROM bytes, the
#: join waits LINGER seconds once for more, so that bulk output leaves in large messages rather
#: than one per 4 KiB frame; smaller chunks (a prompt, an echo) go at once. docs/streams.md.
LINGER_FROM = 4096
LINGER = 0.002

StdinSource = bytes | AsyncIterable[bytes]

#: Seconds :meth:`ExecSession.detach` waits for LXD to end a console operation.
CONSOLE_END_WAIT = 10.0


@dataclass(frozen=True, slots=True)
class ExecResult:
    """How a session ended: ``exit_code`` (LXD's ``metadata.return``; 128+N when killed by
    signal N; ``None`` for a console) and the final operation as parsed JSON."""

    exit_code: int | None
    operation: JsonObject


class ExecSession:
    """A running exec (or console) operation with its websockets connected.

    Iterate :meth:`output` for ``(fd, chunk)`` pairs as LXD sends them (fd 1 stdout, 2 stderr;
    an interactive session or a console reports its single pty stream as fd 1). Reading is
    paced by the consumer: nothing is buffered beyond a few frames. Closing the session before
    the command ends makes LXD kill it.
    """

    def __init__(
        self,
        operation: Operation,
        control: ClientConnection,
        data: dict[int, ClientConnection],
        interactive: bool,
    ) -> None:
        self.operation = operation
        self.interactive = interactive
        self._control = control
        self._data = data
        self._queue: asyncio.Queue[tuple[int, bytes | None]] = asyncio.Queue(_OUTPUT_QUEUE)
        outputs = {STDOUT: data[0]} if interactive else {fd: data[fd] for fd in (1, 2)}
        self._open_outputs = len(outputs)
        self._readers = [
            asyncio.create_task(self._pump(fd, ws), name=f"lxd-exec-fd{fd}")
            for fd, ws in outputs.items()
        ]
        self._feeder: asyncio.Task[None] | None = None
        self._stdin_closed = False

    @property
    def id(self) -> str:
        """The operation id."""
        return self.operation.id

    async def _pump(self, fd: int, ws: ClientConnection) -> None:
        try:
            while True:
                message = await ws.recv()
                if isinstance(message, str):
                    break  # LXD's end-of-stream marker
                await self._queue.put((fd, message))
        except ConnectionClosed:
            pass
        finally:
            await self._queue.put((fd, None))

    async def output(self, coalesce: int = 0) -> AsyncIterator[tuple[int, bytes]]:
        """Yield ``(fd, chunk)`` until every output stream has ended.

        With ``coalesce``, chunks of one fd are joined, up to about that many bytes, into one
        (order across fds is kept): LXD sends a frame per ``write()`` of the command, often
        4 KiB, and a consumer with a cost per chunk (a gRPC message) moves far more per second
        in fewer, larger ones. What is already waiting is joined; after a chunk of
        :data:`LINGER_FROM` bytes or more, what arrives within :data:`LINGER` seconds too.
        """
        pending: tuple[int, bytes | None] | None = None
        while self._open_outputs:
            fd, chunk = pending if pending is not None else await self._queue.get()
            pending = None
            if chunk is None:
                self._open_outputs -= 1
                continue
            if coalesce and (len(chunk) >= LINGER_FROM or not self._queue.empty()):
                chunk, pending = await self._join(fd, chunk, coalesce)
            yield fd, chunk

    async def _join(
        self, fd: int, chunk: bytes, coalesce: int
    ) -> tuple[bytes, tuple[int, bytes | None] | None]:
        """``chunk`` and the chunks of ``fd`` after it, up to about ``coalesce`` bytes: what is
        waiting, and, when the output comes in a frame of :data:`LINGER_FROM` bytes or more
        (bulk output, not a prompt or an echo), what is waiting :data:`LINGER` seconds later.
        Returns the joined chunk and the item that ended the join (another fd's chunk, or an
        end), if any, for the caller to handle next."""
        parts, size = [chunk], len(chunk)
        may_wait = len(chunk) >= LINGER_FROM  # once
        while size < coalesce:
            if self._queue.empty():
                if not may_wait:
                    break
                may_wait = False
                await asyncio.sleep(LINGER)
                continue
            item = self._queue.get_nowait()
            if item[0] != fd or item[1] is None:
                return b"".join(parts), item
            parts.append(item[1])
            size += len(item[1])
        return (b"".join(parts) if len(parts) > 1 else chunk), None

    async def write(self, data: bytes) -> None:
        """Send ``data`` to the command's stdin (the pty when interactive)."""
        if self._stdin_closed:
            raise ValueError("stdin is closed")
        if data:
            await self._send(self._data[0], data)

    async def close_stdin(self) -> None:
        """Send end-of-file on stdin (an empty text frame)."""
        if not self._stdin_closed:
            self._stdin_closed = True
            await self._send(self._data[0], "")

    def feed(self, source: StdinSource) -> None:
        """Copy ``source`` to stdin in the background, then send end-of-file."""
        if self._feeder is not None:
            raise ValueError("stdin is already being fed")

        async def run() -> None:
            if isinstance(source, bytes):
                await self.write(source)
            else:
                async for chunk in source:
                    await self.write(chunk)
            await self.close_stdin()

        self._feeder = asyncio.create_task(run(), name="lxd-exec-stdin")

    async def resize(self, width: int, height: int) -> None:
        """Set the pty size (LXD honours it for interactive sessions and consoles)."""
        await self._control_message(
            {"command": "window-resize", "args": {"width": str(width), "height": str(height)}}
        )

    async def signal(self, signum: int) -> None:
        """Send signal ``signum`` to the command (ext ``container_exec_signal_handling``)."""
        await self._control_message({"command": "signal", "signal": int(signum)})

    async def _control_message(self, message: JsonObject) -> None:
        message.setdefault("args", {})
        message.setdefault("signal", 0)  # LXD's Go client always sends it
        await self._send(self._control, orjson.dumps(message).decode())

    @staticmethod
    async def _send(ws: ClientConnection, message: str | bytes) -> None:
        try:
            await ws.send(message)
        except ConnectionClosed as e:
            raise TransportError(f"exec websocket closed: {e}") from e

    async def wait(self, timeout: float | None = None) -> ExecResult:
        """Wait for the command to end and return its exit code.

        Output not read through :meth:`output` is read and dropped here, so the command never
        blocks on a full pipe. On timeout, raises ``TimeoutError`` (the command keeps running).
        """
        async with asyncio.timeout(timeout):
            async for _ in self.output():
                pass
            await asyncio.gather(*self._readers)
            # LXD ends an interactive session only once both directions of the pty socket
            # are done, so the stdin side is closed as soon as the output has ended.
            if not self._stdin_closed:
                with contextlib.suppress(TransportError):
                    await self.close_stdin()
            operation = await self.operation.wait()
        if not is_final(operation):
            raise ProtocolError(f"operation {self.id} not final after its streams ended")
        metadata = operation.get("metadata")
        code = metadata.get("return") if isinstance(metadata, dict) else None
        return ExecResult(code if isinstance(code, int) else None, operation)

    async def kill(self) -> None:
        """Kill the command and close the session.

        SIGKILL goes over the control socket (LXD 5.0 honours signals in every exec session;
        3.4 only in interactive ones), then the control connection is dropped without a close
        frame, which LXD reads as an abnormal closure (1006) and answers with SIGKILL as well.
        Both reach only the process LXD started. An interactive command leads its own session
        on LXD's pty, so its death also hangs up its foreground process group; a
        non-interactive command's children are left running (docs/streams.md, per mode).
        """
        with contextlib.suppress(Exception):
            async with asyncio.timeout(1.0):
                await self.signal(9)
        self._control.transport.abort()
        await self.aclose()

    async def detach(self, timeout: float = CONSOLE_END_WAIT) -> JsonObject:
        """Leave a console: close the sockets and return the console operation as it ended.

        The control socket is closed first: LXD then ends the console, and its handler and the
        goroutine reaping its ``forkconsole`` helper both close the pty master. LXD 5.0.2 does
        not order the two, so now and then (5 of 150 detaches on a loaded host) the operation
        ends ``Failure`` with ``close /dev/pts/ptmx: file already closed`` (or ``write ...``);
        closing the console socket first makes that the rule (40 of 40). Either way the console
        was left as asked, so the final operation is returned, not raised. Returns the current
        state if LXD has not ended it within ``timeout`` seconds.
        """
        await self._close_sockets()
        try:
            return await self.operation.result(timeout)
        finally:
            await self.operation.aclose()

    async def aclose(self) -> None:
        """Close every websocket (LXD ends the session; see :meth:`kill` to end the command)."""
        await self._close_sockets()
        await self.operation.aclose()

    async def _close_sockets(self) -> None:
        tasks = [*self._readers, *([self._feeder] if self._feeder else [])]
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        for ws in [self._control, *self._data.values()]:  # control first: see detach()
            with contextlib.suppress(Exception):
                await ws.close()

    async def __aenter__(self) -> ExecSession:
        return self

    async def __aexit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()


async def open_session(connection: Connection, operation: Operation) -> ExecSession:
    """Connect every websocket of an exec/console ``operation`` (``metadata.fds``).

    Control first, then the data sockets in fd order; LXD starts the command once all data
    sockets are in. If one fails, the others are closed again.
    """
    metadata: Any = operation.metadata
    fds = metadata.get("fds") if isinstance(metadata, dict) else None
    if not isinstance(fds, dict) or "control" not in fds or "0" not in fds:
        raise ProtocolError(f"operation {operation.id} has no exec websockets: {metadata!r}")
    path = f"/1.0/operations/{segment(operation.id, 'operation')}/websocket"
    opened: list[ClientConnection] = []
    try:
        control = await connection.websocket(path, query={"secret": fds["control"]})
        opened.append(control)
        data: dict[int, ClientConnection] = {}
        for key in sorted(k for k in fds if k != "control"):
            data[int(key)] = await connection.websocket(path, query={"secret": fds[key]})
            opened.append(data[int(key)])
    except BaseException:
        for ws in opened:
            with contextlib.suppress(Exception):
                await ws.close()
        await operation.aclose()
        raise
    return ExecSession(operation, control, data, interactive=set(data) == {0})
