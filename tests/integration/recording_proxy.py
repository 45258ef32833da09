"""A recording HTTP proxy between the bridge and the real LXD, for tests of what reaches LXD.

It listens on a unix socket of its own, records each request's method and request target exactly
as the client sent it (no normalisation: aiohttp's low-level server, no router), and forwards the
request unchanged (again ``encoded=True``) to the sandbox's socket, answering with LXD's answer.
Websocket upgrades are recorded and refused (400, an LXD error envelope): the tests that use the
proxy only need to see that they were asked for.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import orjson
import yarl
from aiohttp import web

#: Headers that belong to one hop, not to the request or answer being passed on.
_HOP_HEADERS = frozenset(
    {"connection", "keep-alive", "transfer-encoding", "content-length", "host", "upgrade"}
)


@dataclass
class RecordingProxy:
    """The proxy's socket and what it has seen, ``(method, raw target)`` in order."""

    socket: str
    requests: list[tuple[str, str]] = field(default_factory=list)

    def take(self) -> list[tuple[str, str]]:
        """The requests recorded since the last call, and forget them."""
        seen, self.requests = self.requests, []
        return seen


@asynccontextmanager
async def recording_proxy(lxd_socket: str) -> AsyncIterator[RecordingProxy]:
    """Run a recording proxy in front of the LXD listening on ``lxd_socket``."""
    directory = tempfile.mkdtemp(prefix="lxd-proxy-")  # short: unix socket paths are limited
    proxy = RecordingProxy(socket=str(Path(directory) / "proxy.socket"))
    session = aiohttp.ClientSession(
        connector=aiohttp.UnixConnector(path=lxd_socket),
        timeout=aiohttp.ClientTimeout(total=120),
        skip_auto_headers=("Accept-Encoding", "Content-Type", "User-Agent"),
    )

    async def forward(request: web.BaseRequest) -> web.StreamResponse:
        proxy.requests.append((request.method, request.raw_path))
        if request.headers.get("Upgrade", "").lower() == "websocket":
            body = {"type": "error", "error": "recording proxy: no websockets", "error_code": 400}
            return web.Response(status=400, body=orjson.dumps(body))
        headers = {k: v for k, v in request.headers.items() if k.lower() not in _HOP_HEADERS}
        async with session.request(
            request.method,
            yarl.URL("http://lxd" + request.raw_path, encoded=True),
            headers=headers,
            data=await request.read() if request.can_read_body else None,
            allow_redirects=False,
        ) as answer:
            payload = await answer.read()
            kept = {k: v for k, v in answer.headers.items() if k.lower() not in _HOP_HEADERS}
            return web.Response(status=answer.status, headers=kept, body=payload)

    # Limits far above aiohttp's 8 KiB lines and fields, so that the bridge's own limits are
    # what the tests see.
    server = web.Server(forward, max_line_size=4 << 20, max_field_size=4 << 20)
    loop = asyncio.get_running_loop()
    listener = await loop.create_unix_server(server, proxy.socket)
    try:
        yield proxy
    finally:
        listener.close()
        await listener.wait_closed()
        await server.shutdown(timeout=1)
        await session.close()
        os.unlink(proxy.socket)
        os.rmdir(directory)
