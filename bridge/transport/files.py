"""Container files (``/1.0/containers/<name>/files?path=...``), streamed both ways."""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Literal

from bridge.errors import ProtocolError
from bridge.transport.connection import Connection, RawResponse
from bridge.transport.envelope import decode_response
from bridge.transport.paths import segment

__all__ = ["FileInfo", "Files", "PulledFile"]


@dataclass(frozen=True, slots=True)
class FileInfo:
    """Ownership, mode and type LXD reports in the ``X-LXD-*`` headers of a file GET."""

    uid: int
    gid: int
    mode: int
    type: str  # "file", "directory" or "symlink"


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


def _files_path(container: str) -> str:
    return f"/1.0/containers/{segment(container, 'container')}/files"


class Files:
    """File transfer calls of one connection."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    @asynccontextmanager
    async def pull(
        self, container: str, path: str, *, timeout: float | None = None
    ) -> AsyncIterator[PulledFile]:
        """Open ``path`` in ``container`` for reading; never reads it whole into memory."""
        async with self._connection.stream(
            "GET", _files_path(container), query={"path": path}, timeout=timeout
        ) as raw:
            headers = raw.headers
            try:
                info = FileInfo(
                    uid=int(headers.get("x-lxd-uid", "-1")),
                    gid=int(headers.get("x-lxd-gid", "-1")),
                    mode=int(headers.get("x-lxd-mode", "0"), 8),  # written as %04o
                    type=headers.get("x-lxd-type", "file"),
                )
            except ValueError as e:
                raise ProtocolError(f"bad X-LXD file headers: {dict(headers)!r}") from e
            entries = None
            if info.type == "directory":
                body = b"".join([chunk async for chunk in raw.aiter_bytes()])
                listing = decode_response(raw.http_status, body, headers).metadata
                entries = [str(name) for name in listing or []]
            yield PulledFile(info=info, raw=raw, entries=entries)

    async def push(
        self,
        container: str,
        path: str,
        content: bytes | AsyncIterable[bytes],
        *,
        uid: int | None = None,
        gid: int | None = None,
        mode: int | None = None,
        file_type: Literal["file", "directory", "symlink"] = "file",
        write: Literal["overwrite", "append"] = "overwrite",
        timeout: float | None = None,
    ) -> None:
        """Write ``content`` (bytes, or an async iterator of chunks sent as they come) to
        ``path``. ``mode`` is sent as ``%04o``; unset uid/gid/mode let LXD choose. For a
        symlink, ``content`` is the target; for a directory it is ignored."""
        headers: dict[str, str] = {"X-LXD-type": file_type, "X-LXD-write": write}
        if uid is not None:
            headers["X-LXD-uid"] = str(uid)
        if gid is not None:
            headers["X-LXD-gid"] = str(gid)
        if mode is not None:
            headers["X-LXD-mode"] = f"{mode:04o}"
        headers["Content-Type"] = "application/octet-stream"
        await self._connection.request(
            "POST",
            _files_path(container),
            query={"path": path},
            headers=headers,
            content=b"" if file_type == "directory" else content,
            timeout=timeout,
        )

    async def delete(self, container: str, path: str, *, timeout: float | None = None) -> None:
        """Delete ``path`` in ``container`` (ext ``file_delete``)."""
        await self._connection.request(
            "DELETE", _files_path(container), query={"path": path}, timeout=timeout
        )
