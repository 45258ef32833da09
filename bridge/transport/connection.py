"""HTTP and websocket connections to one LXD endpoint: pooling, concurrency, the envelope."""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterable, AsyncIterator, Mapping
from contextlib import asynccontextmanager
from typing import Any, NoReturn
from urllib.parse import urlencode

import aiohttp
import orjson
from websockets.asyncio.client import ClientConnection, connect, unix_connect
from websockets.exceptions import InvalidStatus, WebSocketException

from bridge.errors import TransportError, TransportTimeout
from bridge.transport.endpoint import Endpoint
from bridge.transport.envelope import LxdResponse, decode_response
from bridge.transport.redact import WEBSOCKET_LOG

__all__ = ["DEFAULT_CONCURRENCY", "Connection", "RawResponse", "with_query"]

DEFAULT_CONCURRENCY = 32
#: Error bodies of raw endpoints are JSON envelopes; never read more than this of one.
_MAX_ERROR_BODY = 1 << 20
#: Largest websocket frame accepted (LXD sends exec output in frames of at most 128 KiB).
WS_MAX_FRAME = 16 << 20
#: Seconds to establish a connection (LXD itself decides how long a request takes).
_CONNECT_TIMEOUT = 10.0
#: Seconds an idle pooled connection is kept.
_KEEPALIVE = 5.0
#: Larger ``bytes`` bodies are handed to aiohttp as a file-like object, sent in pieces (aiohttp
#: warns about big raw ``bytes`` bodies, which it writes at once).
_BIG_BODY = 1 << 20
#: Headers aiohttp would add on its own: LXD answers identity anyway, and a body's
#: ``Content-Type`` is the caller's to set (aiohttp would default to application/octet-stream).
_SKIP_AUTO_HEADERS = ("Accept-Encoding", "Content-Type")

Query = Mapping[str, str | int | bool | None]
Content = bytes | AsyncIterable[bytes] | None


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

    def __init__(self, response: aiohttp.ClientResponse) -> None:
        self._response = response
        self.http_status = response.status
        self.headers = response.headers

    async def aiter_bytes(self, chunk_size: int = 64 * 1024) -> AsyncIterator[bytes]:
        """Yield the body in chunks of ``chunk_size`` bytes (the last one may be shorter),
        each as soon as it is complete; nothing more is read until it is taken."""
        content = self._response.content
        pending = bytearray()
        try:
            while data := await content.read(chunk_size - len(pending)):
                if not pending and len(data) == chunk_size:
                    yield data
                    continue
                pending += data
                if len(pending) == chunk_size:
                    yield bytes(pending)
                    pending.clear()
        except TimeoutError as e:
            raise TransportTimeout(f"LXD stream timed out: {e}") from e
        except (aiohttp.ClientError, OSError) as e:
            raise TransportError(f"LXD stream broke: {e!r}") from e
        if pending:
            yield bytes(pending)


class _Body:
    """A request body from an async iterator, which remembers whether the iterator itself
    failed: aiohttp reports that as a connection error, but it is the caller's error."""

    def __init__(self, source: AsyncIterable[bytes]) -> None:
        self.source = source
        self.error: Exception | None = None

    async def chunks(self) -> AsyncIterator[bytes]:
        iterator = aiter(self.source)
        while True:
            try:
                chunk = await anext(iterator)
            except StopAsyncIteration:
                return
            except Exception as e:
                self.error = e
                raise
            yield chunk


class Connection:
    """One pooled, keep-alive HTTP client plus websocket dialer for one LXD endpoint.

    At most ``concurrency`` HTTP requests (streams included) are in flight at once; websockets
    are not counted. Use as an async context manager or call :meth:`aclose`. The HTTP session
    (aiohttp) is made on first use, since it belongs to the running event loop.
    """

    def __init__(self, endpoint: Endpoint, *, concurrency: int = DEFAULT_CONCURRENCY) -> None:
        self.endpoint = endpoint
        self._concurrency = concurrency
        self._semaphore = asyncio.Semaphore(concurrency)
        self._base_url = endpoint.base_url
        self._session: aiohttp.ClientSession | None = None
        self._closed = False

    def _http(self) -> aiohttp.ClientSession:
        session = self._session
        if session is None:
            if self._closed:
                raise RuntimeError("Cannot send a request, as the connection has been closed.")
            connector: aiohttp.BaseConnector
            if self.endpoint.socket_path is not None:
                connector = aiohttp.UnixConnector(
                    path=self.endpoint.socket_path,
                    limit=self._concurrency,
                    keepalive_timeout=_KEEPALIVE,
                )
            else:
                connector = aiohttp.TCPConnector(
                    ssl=self.endpoint.tls if self.endpoint.tls is not None else True,
                    limit=self._concurrency,
                    keepalive_timeout=_KEEPALIVE,
                )
            session = self._session = aiohttp.ClientSession(
                connector=connector,
                # LXD decides how long a request takes; deadlines are passed per call.
                timeout=aiohttp.ClientTimeout(total=None, sock_connect=_CONNECT_TIMEOUT),
                headers={"User-Agent": "lxd-grpc-bridge"},
                skip_auto_headers=_SKIP_AUTO_HEADERS,
                trust_env=False,
            )
        return session

    async def aclose(self) -> None:
        """Close the pooled connections."""
        self._closed = True
        session, self._session = self._session, None
        if session is not None:
            await session.close()

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
        url, all_headers, data, body = self._build(
            path, json=json, query=query, etag=etag, headers=headers, content=content
        )
        session = self._http()
        async with self._semaphore:
            try:
                async with (
                    asyncio.timeout(timeout),
                    session.request(
                        method, url, headers=all_headers, data=data, allow_redirects=False
                    ) as response,
                ):
                    payload = await response.read()
            except (TimeoutError, aiohttp.ClientError, OSError) as e:
                _raise_transport(method, path, e, body)
        return decode_response(response.status, payload, response.headers)

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
        url, all_headers, data, body = self._build(
            path, json=None, query=query, etag=None, headers=headers, content=content
        )
        session = self._http()
        async with self._semaphore:
            try:
                async with asyncio.timeout(timeout):
                    response = await session.request(
                        method, url, headers=all_headers, data=data, allow_redirects=False
                    )
            except (TimeoutError, aiohttp.ClientError, OSError) as e:
                _raise_transport(method, path, e, body)
            try:
                if response.status >= 400:
                    error_body = bytearray()
                    try:
                        while chunk := await response.content.readany():
                            error_body += chunk
                            if len(error_body) > _MAX_ERROR_BODY:
                                break
                    except (TimeoutError, aiohttp.ClientError, OSError) as e:
                        _raise_transport(method, path, e, body)
                    decode_response(response.status, bytes(error_body), response.headers)
                yield RawResponse(response)
            finally:
                response.release()

    def _build(
        self,
        path: str,
        /,
        *,
        json: Any,
        query: Query | None,
        etag: str | None,
        headers: Mapping[str, str] | None,
        content: Content,
    ) -> tuple[str, dict[str, str], Any, _Body | None]:
        """The URL, the headers, aiohttp's ``data`` and, for a streamed body, its :class:`_Body`."""
        all_headers = dict(headers or {})
        if json is not None:
            content = orjson.dumps(json)
            all_headers["Content-Type"] = "application/json"
        if etag is not None:
            all_headers["If-Match"] = etag
        data: Any = content
        body = None
        if isinstance(content, bytes | bytearray | memoryview):
            if len(content) > _BIG_BODY:
                data = io.BytesIO(content)
        elif content is not None:
            body = _Body(content)
            data = body.chunks()
        return self._base_url + with_query(path, query), all_headers, data, body

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
            "logger": WEBSOCKET_LOG,  # frames and secrets filtered out (bridge.transport.redact)
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


def _raise_transport(method: str, path: str, error: BaseException, body: _Body | None) -> NoReturn:
    """Raise what a failed exchange means: the request body's own error when reading the
    caller's iterator failed, else :class:`TransportTimeout` or :class:`TransportError`."""
    if body is not None and body.error is not None:
        raise body.error from None
    if isinstance(error, TimeoutError):
        raise TransportTimeout(f"{method} {path}: LXD did not answer in time") from error
    raise TransportError(f"{method} {path}: {error!r}") from error
