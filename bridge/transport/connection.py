"""HTTP and websocket connections to one LXD endpoint: pooling, concurrency, the envelope."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterable, AsyncIterator, Mapping
from contextlib import asynccontextmanager
from typing import Any
from urllib.parse import urlencode

import httpx
import orjson
from websockets.asyncio.client import ClientConnection, connect, unix_connect
from websockets.exceptions import InvalidStatus, WebSocketException

from bridge.errors import TransportError, TransportTimeout
from bridge.transport.endpoint import Endpoint
from bridge.transport.envelope import LxdResponse, decode_response

__all__ = ["DEFAULT_CONCURRENCY", "Connection", "RawResponse", "with_query"]

DEFAULT_CONCURRENCY = 32
#: Error bodies of raw endpoints are JSON envelopes; never read more than this of one.
_MAX_ERROR_BODY = 1 << 20
#: Largest websocket frame accepted (LXD sends exec output in frames of at most 128 KiB).
WS_MAX_FRAME = 16 << 20

Query = Mapping[str, str | int | bool | None]


def with_query(path: str, query: Query | None) -> str:
    """``path`` plus ``query`` (``None`` values dropped, booleans as ``true``/``false``)."""
    if not query:
        return path
    items = {
        k: (str(v).lower() if isinstance(v, bool) else str(v))
        for k, v in query.items()
        if v is not None
    }
    if not items:
        return path
    return f"{path}{'&' if '?' in path else '?'}{urlencode(items)}"


class RawResponse:
    """A streamed raw (non-envelope) LXD response: headers now, body as an async iterator."""

    def __init__(self, response: httpx.Response) -> None:
        self._response = response
        self.http_status = response.status_code
        self.headers = response.headers

    async def aiter_bytes(self, chunk_size: int = 64 * 1024) -> AsyncIterator[bytes]:
        """Yield the body in chunks of at most ``chunk_size`` bytes as they arrive."""
        try:
            async for chunk in self._response.aiter_bytes(chunk_size):
                yield chunk
        except httpx.TimeoutException as e:
            raise TransportTimeout(f"LXD stream timed out: {e}") from e
        except httpx.TransportError as e:
            raise TransportError(f"LXD stream broke: {e}") from e


class Connection:
    """One pooled, keep-alive HTTP client plus websocket dialer for one LXD endpoint.

    At most ``concurrency`` HTTP requests (streams included) are in flight at once; websockets
    are not counted. Use as an async context manager or call :meth:`aclose`.
    """

    def __init__(self, endpoint: Endpoint, *, concurrency: int = DEFAULT_CONCURRENCY) -> None:
        self.endpoint = endpoint
        self._semaphore = asyncio.Semaphore(concurrency)
        transport = httpx.AsyncHTTPTransport(
            uds=endpoint.socket_path,
            verify=endpoint.tls if endpoint.tls is not None else True,
            limits=httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency),
        )
        self._http = httpx.AsyncClient(
            transport=transport,
            base_url=endpoint.base_url,
            # LXD decides how long a request takes; deadlines are passed per call.
            timeout=httpx.Timeout(None, connect=10.0),
            trust_env=False,
            headers={"User-Agent": "lxd-grpc-bridge"},
        )

    async def aclose(self) -> None:
        """Close the pooled connections."""
        await self._http.aclose()

    async def __aenter__(self) -> Connection:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    # -- requests with an envelope -------------------------------------------------------------

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
    ) -> LxdResponse:
        """Send one request and decode LXD's envelope.

        ``json`` is serialised with orjson (LXD JSON, never ProtoJSON); ``etag`` becomes
        ``If-Match``; ``timeout`` (seconds) bounds the whole exchange. Raises the typed
        :class:`~bridge.errors.LxdError`, :class:`~bridge.errors.TransportError` or
        :class:`~bridge.errors.ProtocolError`.
        """
        request = self._build(
            method, path, json=json, query=query, etag=etag, headers=headers, content=content
        )
        async with self._semaphore:
            try:
                async with asyncio.timeout(timeout):
                    response = await self._http.send(request)
            except (TimeoutError, httpx.TimeoutException) as e:
                raise TransportTimeout(f"{method} {path}: LXD did not answer in time") from e
            except httpx.TransportError as e:
                raise TransportError(f"{method} {path}: {e!r}") from e
        return decode_response(response.status_code, response.content, response.headers)

    @asynccontextmanager
    async def stream(
        self,
        method: str,
        path: str,
        *,
        query: Query | None = None,
        headers: Mapping[str, str] | None = None,
        content: bytes | AsyncIterable[bytes] | None = None,
        timeout: float | None = None,
    ) -> AsyncIterator[RawResponse]:
        """Send one request whose success is a raw body, and stream that body.

        An error answer is still an LXD envelope: it is read (bounded) and raised as the typed
        error before anything is yielded. ``timeout`` bounds the wait for the response headers;
        the body then streams at the consumer's pace.
        """
        request = self._build(
            method, path, json=None, query=query, etag=None, headers=headers, content=content
        )
        async with self._semaphore:
            try:
                async with asyncio.timeout(timeout):
                    response = await self._http.send(request, stream=True)
            except (TimeoutError, httpx.TimeoutException) as e:
                raise TransportTimeout(f"{method} {path}: LXD did not answer in time") from e
            except httpx.TransportError as e:
                raise TransportError(f"{method} {path}: {e!r}") from e
            try:
                if response.status_code >= 400:
                    body = b""
                    async for chunk in response.aiter_bytes():
                        body += chunk
                        if len(body) > _MAX_ERROR_BODY:
                            break
                    decode_response(response.status_code, body, response.headers)
                yield RawResponse(response)
            finally:
                await response.aclose()

    def _build(
        self,
        method: str,
        path: str,
        /,
        *,
        json: Any,
        query: Query | None,
        etag: str | None,
        headers: Mapping[str, str] | None,
        content: bytes | AsyncIterable[bytes] | None,
    ) -> httpx.Request:
        all_headers = dict(headers or {})
        if json is not None:
            content = orjson.dumps(json)
            all_headers["Content-Type"] = "application/json"
        if etag is not None:
            all_headers["If-Match"] = etag
        return self._http.build_request(
            method,
            with_query(path, query),
            content=content,
            headers=all_headers,
        )

    # -- websockets ----------------------------------------------------------------------------

    async def websocket(self, path: str, *, query: Query | None = None) -> ClientConnection:
        """Open a websocket to ``path`` (``/1.0/...``) over the same socket or TLS identity.

        The library answers LXD's pings while the connection is read; we send no pings of our
        own, because LXD only reads some sockets (exec stdout) to detect a hang-up. A refused
        upgrade is decoded as an LXD error envelope.
        """
        uri = self.endpoint.ws_base_url + with_query(path, query)
        options: dict[str, Any] = {
            "compression": None,
            "ping_interval": None,
            "max_size": WS_MAX_FRAME,
            "open_timeout": 10,
            "close_timeout": 5,
            "user_agent_header": "lxd-grpc-bridge",
        }
        try:
            if self.endpoint.socket_path is not None:
                return await unix_connect(self.endpoint.socket_path, uri, **options)
            return await connect(uri, ssl=self.endpoint.tls, proxy=None, **options)
        except InvalidStatus as e:
            decode_response(
                e.response.status_code, bytes(e.response.body or b""), e.response.headers
            )
            raise TransportError(f"websocket {path}: {e}") from e
        except TimeoutError as e:
            raise TransportTimeout(f"websocket {path}: no answer in time") from e
        except (OSError, WebSocketException) as e:
            raise TransportError(f"websocket {path}: {e!r}") from e
