"""The streaming RPCs of ContainerService: exec, console, files, log and template contents,
backup export and import (docs/streams.md).

:class:`ContainerStreams` is a mixin of :class:`~bridge.facade.containers.ContainerFacade`: the
service is one, the unary RPCs live in containers.py, the streams here. Paths come from the RPCs'
``google.api.http`` rules, as everywhere in the facade.

Every stream ends explicitly: exec with its ``exit``, console with ``detached``, downloads after
LXD's last byte; anything else is an error status (UNAVAILABLE when LXD goes away). Bytes move
at the pace of the slower side (see bridge.facade.streams), so a stream's memory is a few chunks.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Mapping
from typing import Any

from bridge.errors import InvalidRequest, OperationRunning, ProtocolError, TransportError
from bridge.facade.common import (
    Context,
    Facade,
    Sync,
    decode,
    encode,
    header_value,
    name_from_url,
    remaining,
    scope_query,
    wait_budget,
)
from bridge.facade.streams import CHUNK_SIZE, Upload, chunks, first_request
from bridge.transport import STDERR, ExecSession, JsonObject, decode_response, is_final
from bridge.transport.websocket import open_session
from lxd.api.v1 import operation_pb2
from lxd.api.v1.container_service_pb2 import (
    ConsoleContainerRequest,
    ConsoleContainerResponse,
    ContainerFileInfo,
    CreateContainerFileRequest,
    CreateContainerFileResponse,
    CreateContainerFromBackupRequest,
    CreateContainerFromBackupResponse,
    CreateContainerTemplateFileRequest,
    CreateContainerTemplateFileResponse,
    DeleteContainerFileRequest,
    DeleteContainerFileResponse,
    DeleteContainerTemplateFileRequest,
    DeleteContainerTemplateFileResponse,
    ExecContainerExit,
    ExecContainerRequest,
    ExecContainerResponse,
    GetContainerBackupFileRequest,
    GetContainerBackupFileResponse,
    GetContainerConsoleLogRequest,
    GetContainerConsoleLogResponse,
    GetContainerFileRequest,
    GetContainerFileResponse,
    GetContainerLogfileRequest,
    GetContainerLogfileResponse,
    GetContainerTemplateFileRequest,
    GetContainerTemplateFileResponse,
    UpdateContainerTemplateFileRequest,
    UpdateContainerTemplateFileResponse,
)

__all__ = ["ContainerStreams"]

_log = logging.getLogger(__name__)

_OCTET_STREAM = "application/octet-stream"
_FILE_TYPES = ("file", "directory", "symlink")
_WRITE_MODES = ("overwrite", "append")


def _operation(operation: JsonObject) -> operation_pb2.Operation:
    return decode(operation_pb2.Operation, operation)


class ContainerStreams(Facade):
    """Exec, console, files, logs, templates and backup transfers (mixed into ContainerFacade)."""

    DeleteContainerConsoleLog = Sync()
    DeleteContainerLogfile = Sync()

    def _path(self, rpc: str, request: Any) -> str:
        """LXD's path for ``rpc`` with the request's fields in it (from the http rule)."""
        return self.route(rpc).path(request)

    # -- exec ----------------------------------------------------------------------------------

    async def ExecContainer(
        self, requests: AsyncIterator[ExecContainerRequest], context: Context
    ) -> AsyncIterator[ExecContainerResponse]:
        """Start the command with websockets, pump input while output streams, end with exit.

        The input is read by a task of its own, so output never waits for input nor the other
        way round. Unless the command has ended, leaving (cancel, deadline, error) kills it.
        """
        first, rest = await first_request(requests, "exec")
        path = self._path("ExecContainer", first)
        query = scope_query(first)
        body = encode(first.exec, self.dialect, field="exec")
        if first.exec.record_output:
            async for reply in self._exec_recorded(context, path, query, body):
                yield reply
            return
        body["wait-for-websocket"] = True
        body["record-output"] = False
        operation = await self.lxd.operations.start(
            "POST", path, json=body, query=query, timeout=remaining(context)
        )
        session = await open_session(self.lxd.connection, operation)
        ended = False
        pump = asyncio.create_task(_exec_input(session, rest), name="exec-input")
        try:
            yield ExecContainerResponse(operation=_operation(operation.current))
            async for fd, chunk in session.output(coalesce=CHUNK_SIZE):
                if fd == STDERR:
                    yield ExecContainerResponse(stderr=chunk)
                else:
                    yield ExecContainerResponse(stdout=chunk)
            if pump.done() and not pump.cancelled() and pump.exception() is not None:
                raise pump.exception()  # type: ignore[misc]
            result = await session.wait()
            ended = True
            code = result.exit_code if result.exit_code is not None else -1
            yield ExecContainerResponse(
                exit=ExecContainerExit(exit_code=code, operation=_operation(result.operation))
            )
        finally:
            pump.cancel()
            with contextlib.suppress(BaseException):
                await pump
            if ended:
                await session.aclose()
            else:
                await session.kill()

    async def _exec_recorded(
        self, context: Context, path: str, query: Mapping[str, Any], body: JsonObject
    ) -> AsyncIterator[ExecContainerResponse]:
        """record-output: run without websockets, wait, then stream the two logs and the exit."""
        body.update({"wait-for-websocket": False, "record-output": True, "interactive": False})
        started = await self.lxd.operations.start(
            "POST", path, json=body, query=query, timeout=remaining(context)
        )
        async with started:
            yield ExecContainerResponse(operation=_operation(started.current))
            final = await started.wait(wait_budget(context))
        if not is_final(final):
            raise OperationRunning(final)
        metadata = final.get("metadata")
        metadata = metadata if isinstance(metadata, dict) else {}
        output = metadata.get("output")
        output = output if isinstance(output, dict) else {}
        logs: dict[str, str] = {}
        for key, field in (("1", "stdout"), ("2", "stderr")):
            url = output.get(key)
            if not isinstance(url, str) or not url:
                continue
            logs[field] = name_from_url(url)
            async with self.lxd.stream("GET", url, timeout=remaining(context)) as raw:
                async for chunk in chunks(raw):
                    yield (
                        ExecContainerResponse(stdout=chunk)
                        if field == "stdout"
                        else ExecContainerResponse(stderr=chunk)
                    )
        code = metadata.get("return")
        yield ExecContainerResponse(
            exit=ExecContainerExit(
                exit_code=code if isinstance(code, int) else -1,
                operation=_operation(final),
                stdout_log=logs.get("stdout", ""),
                stderr_log=logs.get("stderr", ""),
            )
        )

    # -- console -------------------------------------------------------------------------------

    async def ConsoleContainer(
        self, requests: AsyncIterator[ConsoleContainerRequest], context: Context
    ) -> AsyncIterator[ConsoleContainerResponse]:
        """Attach, pump input while output streams; detach when the client half-closes."""
        first, rest = await first_request(requests, "console")
        path = self._path("ConsoleContainer", first)
        body = encode(first.console, self.dialect, field="console")
        operation = await self.lxd.operations.start(
            "POST", path, json=body, query=scope_query(first), timeout=remaining(context)
        )
        session = await open_session(self.lxd.connection, operation)
        pump = asyncio.create_task(_console_input(session, rest), name="console-input")
        try:
            yield ConsoleContainerResponse(operation=_operation(operation.current))
            async for _, chunk in session.output():
                yield ConsoleContainerResponse(data=chunk)
            if pump.done() and not pump.cancelled() and pump.exception() is not None:
                raise pump.exception()  # type: ignore[misc]
        finally:
            pump.cancel()
            with contextlib.suppress(BaseException):
                await pump
            await session.aclose()
        # A detach is a clean end even when LXD 5.0.2's own race on it marks the console
        # operation Failure (ExecSession.detach, docs/streams.md): it is sent as it ended.
        yield ConsoleContainerResponse(detached=_operation(await session.detach()))

    async def GetContainerConsoleLog(
        self, request: GetContainerConsoleLogRequest, context: Context
    ) -> AsyncIterator[GetContainerConsoleLogResponse]:
        """GET .../console, raw, in chunks."""
        path = self._path("GetContainerConsoleLog", request)
        async for chunk in self._download(context, path, scope_query(request)):
            yield GetContainerConsoleLogResponse(data=chunk)

    # -- files ---------------------------------------------------------------------------------

    async def GetContainerFile(
        self, request: GetContainerFileRequest, context: Context
    ) -> AsyncIterator[GetContainerFileResponse]:
        """The X-LXD-* headers as ``info`` (a directory's entries with them), then the bytes."""
        path = self._path("GetContainerFile", request)
        query = {**scope_query(request), "path": _required(request.path, "path")}
        async with self.lxd.stream("GET", path, query=query, timeout=remaining(context)) as raw:
            info = _file_info(raw.headers)
            if info.type == "directory":
                body = b"".join([chunk async for chunk in raw.aiter_bytes()])
                listing = decode_response(raw.http_status, body, raw.headers).metadata
                if not isinstance(listing, list):
                    raise ProtocolError(f"directory listing is not a list: {listing!r}")
                info.entries.extend(str(name) for name in listing)
                yield GetContainerFileResponse(info=info)
                return
            yield GetContainerFileResponse(info=info)
            async for chunk in chunks(raw):
                yield GetContainerFileResponse(data=chunk)

    async def CreateContainerFile(
        self, requests: AsyncIterator[CreateContainerFileRequest], context: Context
    ) -> CreateContainerFileResponse:
        """POST .../files with the headers of the first request and the chunks as the body."""
        first, rest = await first_request(requests)
        path = self._path("CreateContainerFile", first)
        query = {**scope_query(first), "path": _required(first.path, "path")}
        file_type = first.type or "file"
        write = first.write or "overwrite"
        if file_type not in _FILE_TYPES:
            raise InvalidRequest(f"type must be one of {', '.join(_FILE_TYPES)}", field="type")
        if write not in _WRITE_MODES:
            raise InvalidRequest(f"write must be one of {', '.join(_WRITE_MODES)}", field="write")
        headers = {"Content-Type": _OCTET_STREAM, "X-LXD-type": file_type, "X-LXD-write": write}
        if first.HasField("uid"):
            headers["X-LXD-uid"] = str(first.uid)
        if first.HasField("gid"):
            headers["X-LXD-gid"] = str(first.gid)
        if first.HasField("mode"):
            headers["X-LXD-mode"] = f"{first.mode:04o}"
        upload = Upload(first, rest)
        await self.lxd.request(
            "POST",
            path,
            query=query,
            headers=headers,
            content=b"" if file_type == "directory" else upload,
            timeout=remaining(context),
        )
        return CreateContainerFileResponse(size=upload.size)

    async def DeleteContainerFile(
        self, request: DeleteContainerFileRequest, context: Context
    ) -> DeleteContainerFileResponse:
        """DELETE .../files?path= (ext file_delete)."""
        path = self._path("DeleteContainerFile", request)
        query = {**scope_query(request), "path": _required(request.path, "path")}
        await self.request(context, "DELETE", path, query=query)
        return DeleteContainerFileResponse()

    # -- log files and templates ---------------------------------------------------------------

    async def GetContainerLogfile(
        self, request: GetContainerLogfileRequest, context: Context
    ) -> AsyncIterator[GetContainerLogfileResponse]:
        """GET .../logs/<file>, raw, in chunks."""
        path = self._path("GetContainerLogfile", request)
        async for chunk in self._download(context, path, scope_query(request)):
            yield GetContainerLogfileResponse(data=chunk)

    async def GetContainerTemplateFile(
        self, request: GetContainerTemplateFileRequest, context: Context
    ) -> AsyncIterator[GetContainerTemplateFileResponse]:
        """GET .../metadata/templates?path=, raw, in chunks."""
        path = self._path("GetContainerTemplateFile", request)
        query = {**scope_query(request), "path": _required(request.path, "path")}
        async for chunk in self._download(context, path, query):
            yield GetContainerTemplateFileResponse(data=chunk)

    async def CreateContainerTemplateFile(
        self, requests: AsyncIterator[CreateContainerTemplateFileRequest], context: Context
    ) -> CreateContainerTemplateFileResponse:
        """POST .../metadata/templates?path= with the chunks as the body."""
        size = await self._upload_template(context, "CreateContainerTemplateFile", requests)
        return CreateContainerTemplateFileResponse(size=size)

    async def UpdateContainerTemplateFile(
        self, requests: AsyncIterator[UpdateContainerTemplateFileRequest], context: Context
    ) -> UpdateContainerTemplateFileResponse:
        """POST .../metadata/templates?path= with the chunks as the body (LXD 5.0 has no PUT)."""
        size = await self._upload_template(context, "UpdateContainerTemplateFile", requests)
        return UpdateContainerTemplateFileResponse(size=size)

    async def _upload_template(
        self, context: Context, rpc: str, requests: AsyncIterator[Any]
    ) -> int:
        first, rest = await first_request(requests)
        route = self.route(rpc)
        query = {**scope_query(first), "path": _required(first.path, "path")}
        upload = Upload(first, rest)
        await self.lxd.request(
            route.method,
            route.path(first),
            query=query,
            headers={"Content-Type": _OCTET_STREAM},
            content=upload,
            timeout=remaining(context),
        )
        return upload.size

    async def DeleteContainerTemplateFile(
        self, request: DeleteContainerTemplateFileRequest, context: Context
    ) -> DeleteContainerTemplateFileResponse:
        """DELETE .../metadata/templates?path=."""
        path = self._path("DeleteContainerTemplateFile", request)
        query = {**scope_query(request), "path": _required(request.path, "path")}
        await self.request(context, "DELETE", path, query=query)
        return DeleteContainerTemplateFileResponse()

    # -- backups -------------------------------------------------------------------------------

    async def GetContainerBackupFile(
        self, request: GetContainerBackupFileRequest, context: Context
    ) -> AsyncIterator[GetContainerBackupFileResponse]:
        """GET .../backups/<b>/export, raw, in chunks."""
        path = self._path("GetContainerBackupFile", request)
        async for chunk in self._download(context, path, scope_query(request)):
            yield GetContainerBackupFileResponse(data=chunk)

    async def CreateContainerFromBackup(
        self, requests: AsyncIterator[CreateContainerFromBackupRequest], context: Context
    ) -> CreateContainerFromBackupResponse:
        """POST /1.0/containers with the tarball as an application/octet-stream body."""
        first, rest = await first_request(requests)
        headers = {"Content-Type": _OCTET_STREAM}
        if first.pool:
            headers["X-LXD-pool"] = header_value(first.pool, "pool")
        if first.name:
            headers["X-LXD-name"] = header_value(first.name, "name")
        operation = await self.operation(
            context,
            "POST",
            self._path("CreateContainerFromBackup", first),
            wait=first.wait,
            query=scope_query(first),
            headers=headers,
            content=Upload(first, rest),
        )
        return CreateContainerFromBackupResponse(operation=_operation(operation))

    # -- helpers -------------------------------------------------------------------------------

    async def _download(
        self, context: Context, path: str, query: Mapping[str, Any]
    ) -> AsyncIterator[bytes]:
        """A raw LXD body in chunks (an error answer is raised before the first chunk)."""
        async with self.lxd.stream("GET", path, query=query, timeout=remaining(context)) as raw:
            async for chunk in chunks(raw):
                yield chunk


def _required(value: str, field: str) -> str:
    if not value:
        raise InvalidRequest(f"{field} is required", field=field)
    return value


def _file_info(headers: Mapping[str, str]) -> ContainerFileInfo:
    """ContainerFileInfo from LXD's X-LXD-uid/gid/mode/type headers (mode is %04o)."""
    try:
        return ContainerFileInfo(
            uid=int(headers.get("x-lxd-uid", "-1")),
            gid=int(headers.get("x-lxd-gid", "-1")),
            mode=int(headers.get("x-lxd-mode", "0"), 8),
            type=headers.get("x-lxd-type", "file"),
        )
    except ValueError as e:
        raise ProtocolError(f"bad X-LXD file headers: {dict(headers)!r}") from e


async def _exec_input(session: ExecSession, requests: AsyncIterator[ExecContainerRequest]) -> None:
    """Copy the client's input to the session; the end of the request stream ends stdin.

    A write the command no longer takes (its stdin socket is gone because it ended) is dropped:
    the exit is on its way. A request that makes no sense ends the session (INVALID_ARGUMENT).
    """
    try:
        async for message in requests:
            kind = message.WhichOneof("input")
            try:
                if kind == "stdin":
                    await session.write(message.stdin)
                elif kind == "close_stdin":
                    if message.close_stdin:
                        await session.close_stdin()
                elif kind == "window_size":
                    await session.resize(message.window_size.width, message.window_size.height)
                elif kind == "signal":
                    await session.signal(message.signal)
                elif kind == "exec":
                    raise InvalidRequest("only the first request may carry exec", field="exec")
            except ValueError:
                raise InvalidRequest(
                    "stdin was closed (close_stdin) before this stdin", field="stdin"
                ) from None
            except TransportError as e:
                _log.debug("exec input dropped: %s", e)
        with contextlib.suppress(TransportError):
            await session.close_stdin()
    except InvalidRequest:
        await session.kill()
        raise


async def _console_input(
    session: ExecSession, requests: AsyncIterator[ConsoleContainerRequest]
) -> None:
    """Copy the client's input to the console; the end of the request stream detaches."""
    try:
        async for message in requests:
            kind = message.WhichOneof("input")
            try:
                if kind == "data":
                    await session.write(message.data)
                elif kind == "window_size":
                    await session.resize(message.window_size.width, message.window_size.height)
                elif kind == "console":
                    raise InvalidRequest(
                        "only the first request may carry console", field="console"
                    )
            except TransportError as e:
                _log.debug("console input dropped: %s", e)
    finally:
        await session.aclose()
