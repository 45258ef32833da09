"""The streaming RPCs of ContainerService and InstanceService: exec, console, files, log and
template contents, backup export and import, SFTP (docs/streams.md).

One implementation serves both services: :class:`InstanceStreams` is the base of
:class:`~bridge.facade.containers.ContainerFacade` and
:class:`~bridge.facade.instances.InstanceFacade`, which bind its methods under their RPC names
(``ExecContainer = InstanceStreams.exec``). A method finds its RPC, route and messages from the
servicer's :attr:`~InstanceStreams.noun` ("Container" or "Instance"): ``Exec{noun}``'s
``google.api.http`` rule gives the path, its descriptor the response class. The two services'
stream messages have the same fields, so nothing here names one of them.

Every stream ends explicitly: exec with its ``exit``, console with ``detached``, downloads after
LXD's last byte; anything else is an error status (UNAVAILABLE when LXD goes away). Bytes move
at the pace of the slower side (see bridge.facade.streams), so a stream's memory is a few chunks.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from collections.abc import AsyncIterator, Coroutine, Mapping
from typing import Any, ClassVar

from google.protobuf import message_factory
from google.protobuf.descriptor import ServiceDescriptor
from google.protobuf.message import Message

from bridge.errors import InvalidRequest, OperationRunning, TransportError
from bridge.facade.common import (
    CallContext,
    Facade,
    decode,
    encode,
    header_value,
    name_from_url,
    scope_query,
)
from bridge.facade.streams import CHUNK_SIZE, Upload, chunks, first_request
from bridge.transport import STDERR, ExecSession, JsonObject, is_final
from bridge.transport.client import recorded_exec
from bridge.transport.files import FileInfo
from lxd.api.v1 import operation_pb2

__all__ = ["InstanceStreams"]

_log = logging.getLogger(__name__)

_OCTET_STREAM = "application/octet-stream"
_FILE_TYPES = ("file", "directory", "symlink")
_WRITE_MODES = ("overwrite", "append")


@functools.cache
def _reply_class(service: ServiceDescriptor, rpc: str) -> type[Message]:
    return message_factory.GetMessageClass(service.methods_by_name[rpc].output_type)


def _operation(operation: JsonObject) -> operation_pb2.Operation:
    return decode(operation_pb2.Operation, operation)


#: The streaming RPCs, by name pattern (``{}``: the servicer's noun), and the method serving each.
STREAMS = {
    "Exec{}": "exec",
    "Console{}": "console",
    "Get{}ConsoleLog": "console_log",
    "Get{}File": "get_file",
    "Get{}FileInfo": "file_info",
    "Create{}File": "create_file",
    "Delete{}File": "delete_file",
    "Get{}FileSFTP": "sftp",
    "Get{}Logfile": "logfile",
    "Get{}TemplateFile": "template_file",
    "Create{}TemplateFile": "create_template_file",
    "Update{}TemplateFile": "update_template_file",
    "Delete{}TemplateFile": "delete_template_file",
    "Get{}BackupFile": "backup_file",
    "Create{}FromBackup": "create_from_backup",
}


class InstanceStreams(Facade):
    """Exec, console, files, logs, templates, backup transfers and SFTP of an instance.

    A servicer sets :attr:`noun`; the methods of :data:`STREAMS` its service has are bound
    under their RPC names when the class is defined.
    """

    #: The object in the service's RPC names: "Container" (ExecContainer) or "Instance".
    noun: ClassVar[str]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Bind each stream method under its RPC's name (``Exec{noun}``) when the servicer's
        service has that RPC and the servicer does not serve it itself."""
        if "service" in cls.__dict__:
            for pattern, method in STREAMS.items():
                name = pattern.format(cls.noun)
                if name in cls.service.methods_by_name and name not in cls.__dict__:
                    setattr(cls, name, getattr(InstanceStreams, method))
        super().__init_subclass__(**kwargs)

    def _rpc(self, pattern: str) -> str:
        return pattern.format(self.noun)

    def _path(self, pattern: str, request: Any) -> str:
        """LXD's path for the RPC ``pattern`` names (``"Exec{}"``), from its http rule."""
        return self.route(self._rpc(pattern)).path(request)

    def _reply(self, pattern: str, **fields: Any) -> Any:
        """A response of the RPC ``pattern`` names (its class read from the descriptor once)."""
        return _reply_class(self.service, pattern.format(self.noun))(**fields)

    # -- exec ----------------------------------------------------------------------------------

    async def exec(self, requests: AsyncIterator[Any], call: CallContext) -> AsyncIterator[Any]:
        """Start the command with websockets, pump input while output streams, end with exit.

        The input is read by a task of its own, so output never waits for input nor the other
        way round. Unless the command has ended, leaving (cancel, deadline, error) kills it.
        """
        first, rest = await first_request(requests, "exec")
        call = call.scoped(first)
        path = self._path("Exec{}", first)
        query = scope_query(first)
        body = encode(first.exec, call.dialect, field="exec")
        if first.exec.record_output:
            async for reply in self._exec_recorded(call, path, query, body):
                yield reply
            return
        session = await call.lxd.exec_at(path, body, query=query, timeout=call.remaining())
        ended = False
        try:
            async with _pumping(_exec_input(session, rest), "exec-input") as pump:
                yield self._reply("Exec{}", operation=_operation(session.operation.current))
                async for fd, chunk in session.output(coalesce=CHUNK_SIZE):
                    if fd == STDERR:
                        yield self._reply("Exec{}", stderr=chunk)
                    else:
                        yield self._reply("Exec{}", stdout=chunk)
                _raise_if_failed(pump)
            result = await session.wait()
            ended = True
            code = result.exit_code if result.exit_code is not None else -1
            yield self._exit(code, result.operation)
        finally:
            if ended:
                await session.aclose()
            else:
                await session.kill()

    def _exit(self, code: int, operation: JsonObject, **logs: str) -> Any:
        reply = self._reply("Exec{}")
        reply.exit.exit_code = code
        reply.exit.operation.CopyFrom(_operation(operation))
        for field, name in logs.items():
            setattr(reply.exit, field, name)
        return reply

    async def _exec_recorded(
        self, call: CallContext, path: str, query: Mapping[str, Any], body: JsonObject
    ) -> AsyncIterator[Any]:
        """record-output: run without websockets, wait, then stream the two logs and the exit."""
        started = await call.lxd.start_recorded(path, body, query=query, timeout=call.remaining())
        async with started:
            yield self._reply("Exec{}", operation=_operation(started.current))
            final = await started.wait(call.wait_budget())
        if not is_final(final):
            raise OperationRunning(final)
        recorded = recorded_exec(final)
        logs: dict[str, str] = {}
        for field, url in (("stdout", recorded.stdout_url), ("stderr", recorded.stderr_url)):
            if url is None:
                continue
            logs[f"{field}_log"] = name_from_url(url)
            async with call.lxd.stream("GET", url, timeout=call.remaining()) as raw:
                async for chunk in chunks(raw):
                    yield self._reply("Exec{}", **{field: chunk})
        code = recorded.exit_code
        yield self._exit(code if code is not None else -1, final, **logs)

    # -- console -------------------------------------------------------------------------------

    async def console(self, requests: AsyncIterator[Any], call: CallContext) -> AsyncIterator[Any]:
        """Attach, pump input while output streams; detach when the client half-closes."""
        first, rest = await first_request(requests, "console")
        call = call.scoped(first)
        path = self._path("Console{}", first)
        body = encode(first.console, call.dialect, field="console")
        session = await call.lxd.console_at(
            path, body, query=scope_query(first), timeout=call.remaining()
        )
        try:
            async with _pumping(_console_input(session, rest), "console-input") as pump:
                yield self._reply("Console{}", operation=_operation(session.operation.current))
                async for _, chunk in session.output():
                    yield self._reply("Console{}", data=chunk)
                _raise_if_failed(pump)
        finally:
            await session.aclose()
        # A detach is a clean end even when LXD 5.0.2's own race on it marks the console
        # operation Failure (ExecSession.detach, docs/streams.md): it is sent as it ended.
        yield self._reply("Console{}", detached=_operation(await session.detach()))

    async def console_log(self, request: Any, call: CallContext) -> AsyncIterator[Any]:
        """GET .../console, raw, in chunks."""
        async for reply in self._chunks("Get{}ConsoleLog", request, call, scope_query(request)):
            yield reply

    # -- files ---------------------------------------------------------------------------------

    async def get_file(self, request: Any, call: CallContext) -> AsyncIterator[Any]:
        """The file headers as ``info`` (a directory's entries with them), then the bytes."""
        path = self._path("Get{}File", request)
        async with call.lxd.files.pull_at(
            path,
            _required(request.path, "path"),
            query=scope_query(request),
            timeout=call.remaining(),
        ) as pulled:
            reply = self._reply("Get{}File")
            _file_info(reply.info, pulled.info)
            if pulled.entries is not None:
                reply.info.entries.extend(pulled.entries)
                yield reply
                return
            yield reply
            async for chunk in chunks(pulled.raw):
                yield self._reply("Get{}File", data=chunk)

    async def file_info(self, request: Any, call: CallContext) -> Any:
        """HEAD .../files?path=: the file headers, no content."""
        path = self._path("Get{}FileInfo", request)
        info = await call.lxd.files.head_at(
            path,
            _required(request.path, "path"),
            query=scope_query(request),
            timeout=call.remaining(),
        )
        reply = self._reply("Get{}FileInfo")
        _file_info(reply.info, info)
        return reply

    async def create_file(self, requests: AsyncIterator[Any], call: CallContext) -> Any:
        """POST .../files with the headers of the first request and the chunks as the body."""
        first, rest = await first_request(requests)
        call = call.scoped(first)
        path = self._path("Create{}File", first)
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
        return self._reply("Create{}File", size=upload.size)

    async def delete_file(self, request: Any, call: CallContext) -> Any:
        """DELETE .../files?path= (ext file_delete)."""
        path = self._path("Delete{}File", request)
        await call.lxd.files.delete_at(
            path,
            _required(request.path, "path"),
            query=scope_query(request),
            timeout=call.remaining(),
        )
        return self._reply("Delete{}File")

    async def sftp(self, requests: AsyncIterator[Any], call: CallContext) -> AsyncIterator[Any]:
        """GET .../sftp upgraded to a raw byte stream; bytes both ways until LXD closes it.

        The client's bytes are written by a task of its own; the end of the request stream
        half-closes LXD's side. Leaving (cancel, deadline, error) closes the connection.
        """
        first, rest = await first_request(requests)
        call = call.scoped(first)
        path = self._path("Get{}FileSFTP", first)
        async with (
            call.lxd.upgrade(path, "sftp", query=scope_query(first), timeout=call.remaining()) as (
                reader,
                writer,
            ),
            _pumping(_sftp_input(writer, first, rest), "sftp-input") as pump,
        ):
            while chunk := await reader.read(CHUNK_SIZE):
                yield self._reply("Get{}FileSFTP", data=chunk)
            _raise_if_failed(pump)

    # -- log files and templates ---------------------------------------------------------------

    async def logfile(self, request: Any, call: CallContext) -> AsyncIterator[Any]:
        """GET .../logs/<file>, raw, in chunks."""
        async for reply in self._chunks("Get{}Logfile", request, call, scope_query(request)):
            yield reply

    async def template_file(self, request: Any, call: CallContext) -> AsyncIterator[Any]:
        """GET .../metadata/templates?path=, raw, in chunks."""
        query = {**scope_query(request), "path": _required(request.path, "path")}
        async for reply in self._chunks("Get{}TemplateFile", request, call, query):
            yield reply

    async def create_template_file(self, requests: AsyncIterator[Any], call: CallContext) -> Any:
        """POST .../metadata/templates?path= with the chunks as the body."""
        return await self._upload_template(call, "Create{}TemplateFile", requests)

    async def update_template_file(self, requests: AsyncIterator[Any], call: CallContext) -> Any:
        """POST .../metadata/templates?path= with the chunks as the body (LXD 5.0 has no PUT)."""
        return await self._upload_template(call, "Update{}TemplateFile", requests)

    async def _upload_template(
        self, call: CallContext, pattern: str, requests: AsyncIterator[Any]
    ) -> Any:
        first, rest = await first_request(requests)
        call = call.scoped(first)
        route = self.route(self._rpc(pattern))
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
        return self._reply(pattern, size=upload.size)

    async def delete_template_file(self, request: Any, call: CallContext) -> Any:
        """DELETE .../metadata/templates?path=."""
        path = self._path("Delete{}TemplateFile", request)
        query = {**scope_query(request), "path": _required(request.path, "path")}
        await call.request("DELETE", path, query=query)
        return self._reply("Delete{}TemplateFile")

    # -- backups -------------------------------------------------------------------------------

    async def backup_file(self, request: Any, call: CallContext) -> AsyncIterator[Any]:
        """GET .../backups/<b>/export, raw, in chunks."""
        async for reply in self._chunks("Get{}BackupFile", request, call, scope_query(request)):
            yield reply

    async def create_from_backup(self, requests: AsyncIterator[Any], call: CallContext) -> Any:
        """POST the collection with the tarball as an application/octet-stream body."""
        first, rest = await first_request(requests)
        call = call.scoped(first)
        headers = {"Content-Type": _OCTET_STREAM}
        if first.pool:
            headers[call.dialect.header("pool")] = header_value(first.pool, "pool")
        if first.name:
            headers[call.dialect.header("name")] = header_value(first.name, "name")
        operation = await call.operation(
            "POST",
            self._path("Create{}FromBackup", first),
            wait=first.wait,
            query=scope_query(first),
            headers=headers,
            content=Upload(first, rest),
        )
        return self._reply("Create{}FromBackup", operation=_operation(operation))

    # -- helpers -------------------------------------------------------------------------------

    async def _chunks(
        self, pattern: str, request: Any, call: CallContext, query: Mapping[str, Any]
    ) -> AsyncIterator[Any]:
        """The RPC ``pattern`` names as a download: LXD's raw body as its ``data`` replies."""
        async for chunk in self._download(call, self._path(pattern, request), query):
            yield self._reply(pattern, data=chunk)

    async def _download(
        self, call: CallContext, path: str, query: Mapping[str, Any]
    ) -> AsyncIterator[bytes]:
        """A raw LXD body in chunks (an error answer is raised before the first chunk)."""
        async with call.lxd.stream("GET", path, query=query, timeout=call.remaining()) as raw:
            async for chunk in chunks(raw):
                yield chunk


@contextlib.asynccontextmanager
async def _pumping(copy: Coroutine[Any, Any, None], name: str) -> AsyncIterator[asyncio.Task[None]]:
    """Run ``copy`` (the client's input to LXD) as a task of its own while the output streams,
    so neither waits for the other; leaving cancels it."""
    task = asyncio.create_task(copy, name=name)
    try:
        yield task
    finally:
        task.cancel()
        with contextlib.suppress(BaseException):
            await task


def _raise_if_failed(task: asyncio.Task[None]) -> None:
    """Raise what ended the input task, if it failed (an invalid request, a broken stream)."""
    if task.done() and not task.cancelled() and (error := task.exception()) is not None:
        raise error


def _file_info(info: Any, got: FileInfo) -> None:
    """Fill an ``<Noun>FileInfo`` message from the file headers LXD sent."""
    info.uid = got.uid
    info.gid = got.gid
    info.mode = got.mode
    info.type = got.type
    if got.modified and "modified" in info.DESCRIPTOR.fields_by_name:
        info.modified = got.modified


def _required(value: str, field: str) -> str:
    if not value:
        raise InvalidRequest(f"{field} is required", field=field)
    return value


async def _sftp_input(writer: asyncio.StreamWriter, first: Any, rest: AsyncIterator[Any]) -> None:
    """Copy the client's bytes to LXD; the end of the request stream half-closes LXD's side."""
    async for data in Upload(first, rest):
        writer.write(data)
        await writer.drain()
    if writer.can_write_eof():
        writer.write_eof()


async def _exec_input(session: ExecSession, requests: AsyncIterator[Any]) -> None:
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


async def _console_input(session: ExecSession, requests: AsyncIterator[Any]) -> None:
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
