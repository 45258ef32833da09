"""Container files (``/1.0/containers/<name>/files?path=...``), streamed both ways."""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator, Mapping
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from http import HTTPStatus
from typing import TYPE_CHECKING, Literal

from bridge.errors import ProtocolError, lxd_error
from bridge.transport.connection import Query, RawResponse
from bridge.transport.envelope import decode_response

if TYPE_CHECKING:
    from bridge.codec import Dialect
    from bridge.transport.client import LxdClient

__all__ = ["FileInfo", "Files", "PulledFile", "file_headers", "file_info"]

_STATUSES = {s.value for s in HTTPStatus}


@dataclass(frozen=True, slots=True)
class FileInfo:
    """Ownership, mode and type LXD reports in the ``X-LXD-*`` headers of a file GET."""

    uid: int
    gid: int
    mode: int
    type: str  # "file", "directory" or "symlink"
    modified: str = ""  # X-LXD-modified as LXD writes it (Go's time.String()), when sent


@dataclass(frozen=True, slots=True)
class PulledFile:
    """A file being pulled: ``info`` now, the content through :meth:`aiter_bytes`.

    For a directory LXD answers with a list of names instead: ``entries``.
    """

    info: FileInfo
    raw: RawResponse
    entries: list[str] | None = None

    def aiter_bytes(self, chunk_size: int = 64 * 1024) -> AsyncIterator[bytes]:
        """The content in chunks as it arrives (a symlink's content is its target)."""
        return self.raw.aiter_bytes(chunk_size)


def file_info(headers: Mapping[str, str], dialect: Dialect) -> FileInfo:
    """Ownership, mode and type from the headers of a file GET (``X-LXD-uid`` for LXD,
    ``X-Incus-uid`` for Incus: asked of the dialect); the mode is written as ``%04o``."""
    try:
        return FileInfo(
            uid=int(headers.get(dialect.header("uid"), "-1")),
            gid=int(headers.get(dialect.header("gid"), "-1")),
            mode=int(headers.get(dialect.header("mode"), "0"), 8),
            type=headers.get(dialect.header("type"), "file"),
            modified=headers.get(dialect.header("modified"), ""),
        )
    except ValueError as e:
        raise ProtocolError(f"bad {dialect.header('*')} file headers: {dict(headers)!r}") from e


def file_headers(
    dialect: Dialect,
    *,
    uid: int | None = None,
    gid: int | None = None,
    mode: int | None = None,
    file_type: str = "file",
    write: str = "overwrite",
) -> dict[str, str]:
    """The headers of a file push in the dialect's names; unset uid/gid/mode let LXD choose."""
    headers = {
        "Content-Type": "application/octet-stream",
        dialect.header("type"): file_type,
        dialect.header("write"): write,
    }
    if uid is not None:
        headers[dialect.header("uid")] = str(uid)
    if gid is not None:
        headers[dialect.header("gid")] = str(gid)
    if mode is not None:
        headers[dialect.header("mode")] = f"{mode:04o}"
    return headers


class Files:
    """Container file calls: the one implementation, used by the facade and by tools.

    The ``*_at`` methods take the files endpoint (``/1.0/containers/<name>/files``, from the
    RPC's route) and the query (``project``, ``target``); the others take a container name and
    build the endpoint from the dialect. The content is never read whole into memory.
    """

    def __init__(self, client: LxdClient) -> None:
        self._client = client

    def endpoint(self, container: str) -> str:
        """The files endpoint of ``container`` (the dialect says where it is on the server)."""
        return f"{self._client.instance_path(container)}/files"

    @asynccontextmanager
    async def pull_at(
        self, endpoint: str, path: str, *, query: Query | None = None, timeout: float | None = None
    ) -> AsyncIterator[PulledFile]:
        """Open ``path`` for reading; a directory's entries are read, a file's content is not."""
        async with self._client.stream(
            "GET", endpoint, query={**(query or {}), "path": path}, timeout=timeout
        ) as raw:
            info = file_info(raw.headers, self._client.dialect)
            entries = None
            if info.type == "directory":
                body = b"".join([chunk async for chunk in raw.aiter_bytes()])
                listing = decode_response(raw.http_status, body, raw.headers).metadata
                listing = [] if listing is None else listing  # Go's nil slice
                if not isinstance(listing, list):
                    raise ProtocolError(f"directory listing is not a list: {listing!r}")
                entries = [str(name) for name in listing]
            yield PulledFile(info=info, raw=raw, entries=entries)

    async def head_at(
        self, endpoint: str, path: str, *, query: Query | None = None, timeout: float | None = None
    ) -> FileInfo:
        """What LXD says of ``path`` without its content (HEAD; LXD 5.0 and Incus).

        An answer to HEAD has no body, so a refusal carries no LXD message: it is raised as the
        LXD error of its HTTP status (404 NotFound for a missing file) with the status's reason.
        """
        try:
            async with self._client.stream(
                "HEAD", endpoint, query={**(query or {}), "path": path}, timeout=timeout
            ) as raw:
                return file_info(raw.headers, self._client.dialect)
        except ProtocolError as e:
            if e.http_status is None or e.http_status < 400:
                raise
            status = HTTPStatus(e.http_status) if e.http_status in _STATUSES else None
            reason = status.phrase if status is not None else "Error"
            raise lxd_error(
                e.http_status, f"{reason} (HTTP {e.http_status} to HEAD, which has no body)"
            ) from None

    def pull(
        self, container: str, path: str, *, project: str = "", timeout: float | None = None
    ) -> AbstractAsyncContextManager[PulledFile]:
        """:meth:`pull_at` on ``container``'s files."""
        query = {"project": project or None}
        return self.pull_at(self.endpoint(container), path, query=query, timeout=timeout)

    async def push_at(
        self,
        endpoint: str,
        path: str,
        content: bytes | AsyncIterable[bytes],
        *,
        query: Query | None = None,
        uid: int | None = None,
        gid: int | None = None,
        mode: int | None = None,
        file_type: str = "file",
        write: str = "overwrite",
        timeout: float | None = None,
    ) -> None:
        """Write ``content`` (bytes, or an async iterator of chunks sent as they come) to
        ``path``. For a symlink, ``content`` is the target; for a directory it is ignored."""
        headers = file_headers(
            self._client.dialect, uid=uid, gid=gid, mode=mode, file_type=file_type, write=write
        )
        await self._client.request(
            "POST",
            endpoint,
            query={**(query or {}), "path": path},
            headers=headers,
            content=b"" if file_type == "directory" else content,
            timeout=timeout,
        )

    async def push(
        self,
        container: str,
        path: str,
        content: bytes | AsyncIterable[bytes],
        *,
        project: str = "",
        uid: int | None = None,
        gid: int | None = None,
        mode: int | None = None,
        file_type: Literal["file", "directory", "symlink"] = "file",
        write: Literal["overwrite", "append"] = "overwrite",
        timeout: float | None = None,
    ) -> None:
        """:meth:`push_at` on ``container``'s files."""
        await self.push_at(
            self.endpoint(container),
            path,
            content,
            query={"project": project or None},
            uid=uid,
            gid=gid,
            mode=mode,
            file_type=file_type,
            write=write,
            timeout=timeout,
        )

    async def delete_at(
        self, endpoint: str, path: str, *, query: Query | None = None, timeout: float | None = None
    ) -> None:
        """Delete ``path`` (ext ``file_delete``)."""
        await self._client.request(
            "DELETE", endpoint, query={**(query or {}), "path": path}, timeout=timeout
        )

    async def delete(
        self, container: str, path: str, *, project: str = "", timeout: float | None = None
    ) -> None:
        """:meth:`delete_at` on ``container``'s files."""
        query = {"project": project or None}
        await self.delete_at(self.endpoint(container), path, query=query, timeout=timeout)
