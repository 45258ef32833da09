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

from bridge.errors import InvalidRequest, OperationRunning, TransportError
from bridge.facade.common import (
    CallContext,
    Facade,
    Sync,
    decode,
    encode,
    header_value,
    name_from_url,
    scope_query,
)
from bridge.facade.streams import CHUNK_SIZE, Upload, chunks, first_request
from bridge.transport import STDERR, ExecSession, JsonObject, is_final
from bridge.transport.client import recorded_exec
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
        self, requests: AsyncIterator[ExecContainerRequest], call: CallContext
    ) -> AsyncIterator[ExecContainerResponse]:
        """Start the command with websockets, pump input while output streams, end with exit.

        The input is read by a task of its own, so output never waits for input nor the other
        way round. Unless the command has ended, leaving (cancel, deadline, error) kills it.
        """
        first, rest = await first_request(requests, "exec")
        call = call.scoped(first)
        path = self._path("ExecContainer", first)
        query = scope_query(first)
        body = encode(first.exec, call.dialect, field="exec")
        if first.exec.record_output:
            async for reply in self._exec_recorded(call, path, query, body):
                yield reply
            return
        session = await call.lxd.exec_at(path, body, query=query, timeout=call.remaining())
        ended = False
        pump = asyncio.create_task(_exec_input(session, rest), name="exec-input")
        try:
            yield ExecContainerResponse(operation=_operation(session.operation.current))
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
        self, call: CallContext, path: str, query: Mapping[str, Any], body: JsonObject
    ) -> AsyncIterator[ExecContainerResponse]:
        """record-output: run without websockets, wait, then stream the two logs and the exit."""
        started = await call.lxd.start_recorded(path, body, query=query, timeout=call.remaining())
        async with started:
            yield ExecContainerResponse(operation=_operation(started.current))
            final = await started.wait(call.wait_budget())
        if not is_final(final):
            raise OperationRunning(final)
        recorded = recorded_exec(final)
        logs: dict[str, str] = {}
        for field, url in (("stdout", recorded.stdout_url), ("stderr", recorded.stderr_url)):
            if url is None:
                continue
            logs[field] = name_from_url(url)
            async with call.lxd.stream("GET", url, timeout=call.remaining()) as raw:
                async for chunk in chunks(raw):
                    yield (
                        ExecContainerResponse(stdout=chunk)
                        if field == "stdout"
                        else ExecContainerResponse(stderr=chunk)
                    )
        code = recorded.exit_code
        yield ExecContainerResponse(
            exit=ExecContainerExit(
                exit_code=code if code is not None else -1,
                operation=_operation(final),
                stdout_log=logs.get("stdout", ""),
                stderr_log=logs.get("stderr", ""),
            )
        )

    # -- console -------------------------------------------------------------------------------

    async def ConsoleContainer(
        self, requests: AsyncIterator[ConsoleContainerRequest], call: CallContext
    ) -> AsyncIterator[ConsoleContainerResponse]:
        """Attach, pump input while output streams; detach when the client half-closes."""
        first, rest = await first_request(requests, "console")
        call = call.scoped(first)
        path = self._path("ConsoleContainer", first)
        body = encode(first.console, call.dialect, field="console")
        session = await call.lxd.console_at(
            path, body, query=scope_query(first), timeout=call.remaining()
        )
        pump = asyncio.create_task(_console_input(session, rest), name="console-input")
        try:
            yield ConsoleContainerResponse(operation=_operation(session.operation.current))
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
        self, request: GetContainerConsoleLogRequest, call: CallContext
    ) -> AsyncIterator[GetContainerConsoleLogResponse]:
        """GET .../console, raw, in chunks."""
        path = self._path("GetContainerConsoleLog", request)
        async for chunk in self._download(call, path, scope_query(request)):
            yield GetContainerConsoleLogResponse(data=chunk)

    # -- files ---------------------------------------------------------------------------------

    async def GetContainerFile(
        self, request: GetContainerFileRequest, call: CallContext
    ) -> AsyncIterator[GetContainerFileResponse]:
        """The file headers as ``info`` (a directory's entries with them), then the bytes."""
        path = self._path("GetContainerFile", request)
        async with call.lxd.files.pull_at(
            path,
            _required(request.path, "path"),
            query=scope_query(request),
            timeout=call.remaining(),
        ) as pulled:
            info = ContainerFileInfo(
                uid=pulled.info.uid,
                gid=pulled.info.gid,
                mode=pulled.info.mode,
                type=pulled.info.type,
            )
            if pulled.entries is not None:
                info.entries.extend(pulled.entries)
                yield GetContainerFileResponse(info=info)
                return
            yield GetContainerFileResponse(info=info)
            async for chunk in chunks(pulled.raw):
                yield GetContainerFileResponse(data=chunk)

    async def CreateContainerFile(
        self, requests: AsyncIterator[CreateContainerFileRequest], call: CallContext
    ) -> CreateContainerFileResponse:
        """POST .../files with the headers of the first request and the chunks as the body."""
        first, rest = await first_request(requests)
        call = call.scoped(first)
        path = self._path("CreateContainerFile", first)
        file_path = _required(first.path, "path")
        file_type = first.type or "file"
        write = first.write or "overwrite"
        if file_type not in _FILE_TYPES:
            raise InvalidRequest(f"type must be one of {', '.join(_FILE_TYPES)}", field="type")
        if write not in _WRITE_MODES:
            raise InvalidRequest(f"write must be one of {', '.join(_WRITE_MODES)}", field="write")
        upload = Upload(first, rest)
        await call.lxd.files.push_at(
            path,
            file_path,
            upload,
            query=scope_query(first),
            uid=first.uid if first.HasField("uid") else None,
            gid=first.gid if first.HasField("gid") else None,
            mode=first.mode if first.HasField("mode") else None,
            file_type=file_type,
            write=write,
            timeout=call.remaining(),
        )
        return CreateContainerFileResponse(size=upload.size)

    async def DeleteContainerFile(
        self, request: DeleteContainerFileRequest, call: CallContext
    ) -> DeleteContainerFileResponse:
        """DELETE .../files?path= (ext file_delete)."""
        path = self._path("DeleteContainerFile", request)
        await call.lxd.files.delete_at(
            path,
            _required(request.path, "path"),
            query=scope_query(request),
            timeout=call.remaining(),
        )
        return DeleteContainerFileResponse()

    # -- log files and templates ---------------------------------------------------------------

    async def GetContainerLogfile(
        self, request: GetContainerLogfileRequest, call: CallContext
    ) -> AsyncIterator[GetContainerLogfileResponse]:
        """GET .../logs/<file>, raw, in chunks."""
        path = self._path("GetContainerLogfile", request)
        async for chunk in self._download(call, path, scope_query(request)):
            yield GetContainerLogfileResponse(data=chunk)

    async def GetContainerTemplateFile(
        self, request: GetContainerTemplateFileRequest, call: CallContext
    ) -> AsyncIterator[GetContainerTemplateFileResponse]:
        """GET .../metadata/templates?path=, raw, in chunks."""
        path = self._path("GetContainerTemplateFile", request)
        query = {**scope_query(request), "path": _required(request.path, "path")}
        async for chunk in self._download(call, path, query):
            yield GetContainerTemplateFileResponse(data=chunk)

    async def CreateContainerTemplateFile(
        self, requests: AsyncIterator[CreateContainerTemplateFileRequest], call: CallContext
    ) -> CreateContainerTemplateFileResponse:
        """POST .../metadata/templates?path= with the chunks as the body."""
        size = await self._upload_template(call, "CreateContainerTemplateFile", requests)
        return CreateContainerTemplateFileResponse(size=size)

    async def UpdateContainerTemplateFile(
        self, requests: AsyncIterator[UpdateContainerTemplateFileRequest], call: CallContext
    ) -> UpdateContainerTemplateFileResponse:
        """POST .../metadata/templates?path= with the chunks as the body (LXD 5.0 has no PUT)."""
        size = await self._upload_template(call, "UpdateContainerTemplateFile", requests)
        return UpdateContainerTemplateFileResponse(size=size)

    async def _upload_template(
        self, call: CallContext, rpc: str, requests: AsyncIterator[Any]
    ) -> int:
        first, rest = await first_request(requests)
        call = call.scoped(first)
        route = self.route(rpc)
        query = {**scope_query(first), "path": _required(first.path, "path")}
        upload = Upload(first, rest)
        await call.lxd.request(
            route.method,
            route.path(first),
            query=query,
            headers={"Content-Type": _OCTET_STREAM},
            content=upload,
            timeout=call.remaining(),
        )
        return upload.size

    async def DeleteContainerTemplateFile(
        self, request: DeleteContainerTemplateFileRequest, call: CallContext
    ) -> DeleteContainerTemplateFileResponse:
        """DELETE .../metadata/templates?path=."""
        path = self._path("DeleteContainerTemplateFile", request)
        query = {**scope_query(request), "path": _required(request.path, "path")}
        await call.request("DELETE", path, query=query)
        return DeleteContainerTemplateFileResponse()

    # -- backups -------------------------------------------------------------------------------

    async def GetContainerBackupFile(
        self, request: GetContainerBackupFileRequest, call: CallContext
    ) -> AsyncIterator[GetContainerBackupFileResponse]:
        """GET .../backups/<b>/export, raw, in chunks."""
        path = self._path("GetContainerBackupFile", request)
        async for chunk in self._download(call, path, scope_query(request)):
            yield GetContainerBackupFileResponse(data=chunk)

    async def CreateContainerFromBackup(
        self, requests: AsyncIterator[CreateContainerFromBackupRequest], call: CallContext
    ) -> CreateContainerFromBackupResponse:
        """POST /1.0/containers with the tarball as an application/octet-stream body."""
        first, rest = await first_request(requests)
        call = call.scoped(first)
        headers = {"Content-Type": _OCTET_STREAM}
        if first.pool:
            headers[call.dialect.header("pool")] = header_value(first.pool, "pool")
        if first.name:
            headers[call.dialect.header("name")] = header_value(first.name, "name")
        operation = await call.operation(
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
        self, call: CallContext, path: str, query: Mapping[str, Any]
    ) -> AsyncIterator[bytes]:
        """A raw LXD body in chunks (an error answer is raised before the first chunk)."""
        async with call.lxd.stream("GET", path, query=query, timeout=call.remaining()) as raw:
            async for chunk in chunks(raw):
                yield chunk


def _required(value: str, field: str) -> str:
    if not value:
        raise InvalidRequest(f"{field} is required", field=field)
    return value


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
