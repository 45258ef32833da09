"""HTTP upgrades to a raw byte stream (``GET /1.0/instances/<name>/sftp``), on a connection of
their own.

LXD answers ``Upgrade: sftp`` with ``101 Switching Protocols`` and then speaks SFTP on the same
socket; neither aiohttp nor the websocket library hands that socket over, so the upgrade is a
small HTTP/1.1 exchange here on a fresh unix or TLS connection (the endpoint's, with its client
certificate). A refused upgrade is LXD's error envelope, raised as for any request.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from urllib.parse import urlsplit

from bridge.errors import ProtocolError, TransportError, TransportTimeout
from bridge.transport.connection import Query, short_reason, with_query
from bridge.transport.endpoint import Endpoint
from bridge.transport.envelope import decode_response

__all__ = ["MAX_HEADER_BYTES", "upgrade"]

#: Largest status line and header block read before the upgraded stream starts.
MAX_HEADER_BYTES = 64 * 1024


@contextlib.asynccontextmanager
async def upgrade(
    endpoint: Endpoint,
    path: str,
    protocol: str,
    *,
    query: Query | None = None,
    timeout: float | None = None,
) -> AsyncIterator[tuple[asyncio.StreamReader, asyncio.StreamWriter]]:
    """``GET path`` with ``Upgrade: protocol``; yields the upgraded stream, closed on exit.

    ``timeout`` bounds connecting and the upgrade answer, not the stream. A non-101 answer is
    decoded as LXD's envelope (its error raised); a cut or malformed answer is a
    :class:`~bridge.errors.TransportError` or :class:`~bridge.errors.ProtocolError`.
    """
    target = with_query(path, query)
    try:
        async with asyncio.timeout(timeout):
            reader, writer = await _connect(endpoint)
            try:
                host = "lxd" if endpoint.socket_path is not None else urlsplit(endpoint.url).netloc
                writer.write(
                    f"GET {target} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: lxd-grpc-bridge\r\n"
                    f"Connection: Upgrade\r\nUpgrade: {protocol}\r\n\r\n".encode("ascii")
                )
                await writer.drain()
                status, headers = await _read_head(reader)
                if status != 101:
                    length = int(headers.get("content-length", "0") or "0")
                    body = await reader.readexactly(length) if length else await reader.read()
                    decode_response(status, body, headers)
                    raise ProtocolError(f"GET {path}: HTTP {status} instead of an upgrade")
            except BaseException:
                writer.close()
                raise
    except TimeoutError as e:
        raise TransportTimeout(f"GET {path}: LXD did not upgrade in time") from e
    except (OSError, asyncio.IncompleteReadError) as e:
        raise TransportError(f"LXD at {endpoint.url} {short_reason(e)} (upgrade)") from e
    try:
        yield reader, writer
    finally:
        writer.close()
        with contextlib.suppress(Exception):
            await writer.wait_closed()


async def _connect(endpoint: Endpoint) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    if endpoint.socket_path is not None:
        return await asyncio.open_unix_connection(endpoint.socket_path)
    parts = urlsplit(endpoint.url)
    return await asyncio.open_connection(
        parts.hostname, parts.port or 8443, ssl=endpoint.tls, server_hostname=parts.hostname
    )


async def _read_head(reader: asyncio.StreamReader) -> tuple[int, dict[str, str]]:
    """The status and headers (lower-cased names) of an HTTP/1.1 answer."""
    try:
        head = await reader.readuntil(b"\r\n\r\n")
    except asyncio.LimitOverrunError as e:
        raise ProtocolError("the upgrade answer's headers are too long") from e
    if len(head) > MAX_HEADER_BYTES:
        raise ProtocolError("the upgrade answer's headers are too long")
    lines = head.decode("latin-1").split("\r\n")
    parts = lines[0].split(" ", 2)
    if len(parts) < 2 or not parts[0].startswith("HTTP/") or not parts[1].isdigit():
        raise ProtocolError(f"not an HTTP answer: {lines[0][:100]!r}")
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip()
    return int(parts[1]), headers
