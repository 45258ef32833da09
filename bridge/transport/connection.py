"""HTTP and websocket connections to one LXD endpoint: pooling, concurrency, the envelope.

Requests are of a :class:`Kind`, and each kind has a pool of its own (aiohttp session,
connector and limit, :class:`Limits`): a short call (``GET /1.0/containers/c``, an operation
start) and a long transfer (a streamed download or upload, held as long as the slower side
takes) never compete for the same connections, so transfers stalled by slow clients cannot
take the capacity short calls need. A short call waits for a free slot (bounded by its
deadline); a transfer beyond the cap is refused at once (:class:`~bridge.errors.LimitExceeded`,
RESOURCE_EXHAUSTED), since waiting for a slow client to finish could take hours.
"""

from __future__ import annotations

import asyncio
import enum
import io
import ssl
from collections.abc import AsyncIterable, AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, NoReturn, Protocol
from urllib.parse import urlencode

import aiohttp
import orjson
import yarl
from websockets.asyncio.client import ClientConnection, connect, unix_connect
from websockets.exceptions import InvalidStatus, WebSocketException

from bridge.errors import LimitExceeded, TransportError, TransportTimeout
from bridge.observability.upstream import LxdRequest
from bridge.transport.endpoint import Endpoint
from bridge.transport.envelope import LxdResponse, decode_response
from bridge.transport.redact import WEBSOCKET_LOG

__all__ = [
    "Connection",
    "Kind",
    "Limits",
    "RawResponse",
    "Transport",
    "short_reason",
    "with_query",
]

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


class Kind(enum.Enum):
    """What a request to LXD is, which decides the pool (and limit) it takes a connection from.

    Event streams and exec/console sessions are websockets, each on a connection of its own,
    outside these pools.
    """

    #: A short call: a request whose whole answer is read at once (the default).
    CALL = "call"
    #: A long transfer: a body streamed either way at a client's pace (file, log, template,
    #: image and backup downloads and uploads).
    TRANSFER = "transfer"
    #: A long poll: ``/1.0/operations/<id>/wait``, which LXD holds open until the operation ends
    #: or the caller's time is up. Short in bytes, long in time: in the short calls' pool, a few
    #: dozen waits would take every connection a GetContainer needs.
    WAIT = "wait"


@dataclass(frozen=True, slots=True)
class Limits:
    """How many requests of each :class:`Kind` may be in flight to one LXD endpoint at once.

    ``calls``: more short calls wait for a free connection (within their deadline).
    ``transfers``, ``waits``: one more is refused at once with
    :class:`~bridge.errors.LimitExceeded` (they hold a connection for long: queueing behind them
    would turn a refusal into a hang).
    """

    calls: int = 32
    transfers: int = 32
    waits: int = 32

    def __post_init__(self) -> None:
        for name in ("calls", "transfers", "waits"):
            if getattr(self, name) < 1:
                raise ValueError(f"Limits.{name} must be at least 1")

    def of(self, kind: Kind) -> int:
        """The limit of ``kind``."""
        return {Kind.CALL: self.calls, Kind.TRANSFER: self.transfers, Kind.WAIT: self.waits}[kind]


#: The command-line option that sets each kind's limit, named in a refusal.
LIMIT_OPTIONS = {
    Kind.CALL: "--max-calls",
    Kind.TRANSFER: "--max-transfers",
    Kind.WAIT: "--max-waits",
}

#: What the bridge runs too many of, in a refusal, and the ErrorInfo reason.
_REFUSALS = {
    Kind.TRANSFER: ("transfers to LXD (downloads and uploads)", "TOO_MANY_TRANSFERS"),
    Kind.WAIT: ("operation waits on LXD", "TOO_MANY_WAITS"),
}


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
            raise TransportError(f"the LXD stream broke: {short_reason(e)}") from e
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


class _Pool:
    """The connections of one :class:`Kind`: an aiohttp session whose connector holds at most
    ``limit`` connections, and a semaphore counting the requests in flight."""

    def __init__(self, endpoint: Endpoint, kind: Kind, limit: int) -> None:
        self.endpoint = endpoint
        self.kind = kind
        self.limit = limit
        self.semaphore = asyncio.Semaphore(limit)
        #: Requests holding a slot now.
        self.active = 0
        self.session: aiohttp.ClientSession | None = None

    def http(self) -> aiohttp.ClientSession:
        """The session, made on first use (it belongs to the running event loop)."""
        if self.session is None:
            connector: aiohttp.BaseConnector
            if self.endpoint.socket_path is not None:
                connector = aiohttp.UnixConnector(
                    path=self.endpoint.socket_path, limit=self.limit, keepalive_timeout=_KEEPALIVE
                )
            else:
                connector = aiohttp.TCPConnector(
                    ssl=self.endpoint.tls if self.endpoint.tls is not None else True,
                    limit=self.limit,
                    keepalive_timeout=_KEEPALIVE,
                )
            self.session = aiohttp.ClientSession(
                connector=connector,
                # LXD decides how long a request takes; deadlines are passed per call.
                timeout=aiohttp.ClientTimeout(total=None, sock_connect=_CONNECT_TIMEOUT),
                headers={"User-Agent": "lxd-grpc-bridge"},
                skip_auto_headers=_SKIP_AUTO_HEADERS,
                trust_env=False,
            )
        return self.session

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[aiohttp.ClientSession]:
        """Hold one of the ``limit`` slots while the request is in flight.

        A short call waits for one; a transfer or a wait finding none free is refused at once.
        """
        if self.kind is not Kind.CALL and self.active >= self.limit:
            what, reason = _REFUSALS[self.kind]
            raise LimitExceeded(
                f"the bridge already runs {self.limit} {what}, its limit; retry when one has ended",
                reason=reason,
                option=LIMIT_OPTIONS[self.kind],
                limit=self.limit,
            )
        async with self.semaphore:
            self.active += 1
            try:
                yield self.http()
            finally:
                self.active -= 1

    async def aclose(self) -> None:
        session, self.session = self.session, None
        if session is not None:
            await session.close()


class Transport(Protocol):
    """Sends one request to LXD and decodes its envelope: what :class:`Connection` does over
    HTTP, and the seam where a test puts recorded answers instead (like httpx's
    ``MockTransport``), given to ``LxdClient(endpoint, transport=...)``."""

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
        kind: Kind | None = None,
    ) -> LxdResponse:
        """Send one request; raise the typed LxdError, TransportError or ProtocolError."""
        ...


class Connection:
    """Pooled, keep-alive HTTP clients plus a websocket dialer for one LXD endpoint.

    One pool per :class:`Kind` of request, each with its limit from :class:`Limits`;
    websockets are not counted. Use as an async context manager or call :meth:`aclose`.
    """

    def __init__(self, endpoint: Endpoint, *, limits: Limits | None = None) -> None:
        self.endpoint = endpoint
        self.limits = limits or Limits()
        self._pools = {kind: _Pool(endpoint, kind, self.limits.of(kind)) for kind in Kind}
        self._base_url = endpoint.base_url
        self._unreachable = f"LXD at {endpoint.url} is unreachable:"
        self._closed = False

    def in_flight(self, kind: Kind) -> int:
        """How many requests of ``kind`` hold a slot now."""
        return self._pools[kind].active

    def _pool(self, kind: Kind) -> _Pool:
        if self._closed:
            raise RuntimeError("Cannot send a request, as the connection has been closed.")
        return self._pools[kind]

    async def aclose(self) -> None:
        """Close the pooled connections."""
        self._closed = True
        for pool in self._pools.values():
            await pool.aclose()

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
        kind: Kind | None = None,
    ) -> LxdResponse:
        """Send one request and decode LXD's envelope.

        ``json`` is serialised with orjson (LXD JSON, never ProtoJSON); ``etag`` becomes
        ``If-Match``; ``timeout`` (seconds) bounds the whole exchange, the wait for a free
        connection included. ``kind`` defaults to a transfer when ``content`` is streamed (an
        async iterator), else a short call. Raises the typed :class:`~bridge.errors.LxdError`,
        :class:`~bridge.errors.TransportError`, :class:`~bridge.errors.ProtocolError` or
        :class:`~bridge.errors.LimitExceeded`.
        """
        if kind is None:
            streamed = content is not None and not isinstance(
                content, bytes | bytearray | memoryview
            )
            kind = Kind.TRANSFER if streamed else Kind.CALL
        url, all_headers, data, body = self._build(
            path, json=json, query=query, etag=etag, headers=headers, content=content
        )
        pool = self._pool(kind)
        try:
            async with asyncio.timeout(timeout), pool.slot() as session:
                with LxdRequest(method, url.raw_path) as seen:  # metrics, span
                    async with session.request(
                        method, url, headers=all_headers, data=data, allow_redirects=False
                    ) as response:
                        seen.status = response.status
                        payload = await response.read()
        except (TimeoutError, aiohttp.ClientError, OSError) as e:
            _raise_transport(self._unreachable, method, path, e, body)
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
        kind: Kind = Kind.TRANSFER,
    ) -> AsyncIterator[RawResponse]:
        """Send one request whose success is a raw body, and stream that body.

        An error answer is still an LXD envelope: it is read (bounded) and raised as the typed
        error before anything is yielded. ``timeout`` bounds the wait for the response headers;
        the body then streams at the consumer's pace, holding a slot of ``kind`` (a transfer:
        beyond the cap, :class:`~bridge.errors.LimitExceeded` at once). Leaving before the
        body's end closes the connection, so LXD stops sending at once.
        """
        url, all_headers, data, body = self._build(
            path, json=None, query=query, etag=None, headers=headers, content=content
        )
        async with self._pool(kind).slot() as session:
            try:
                async with asyncio.timeout(timeout):
                    with LxdRequest(method, url.raw_path) as seen:  # metrics, span
                        response = await session.request(
                            method, url, headers=all_headers, data=data, allow_redirects=False
                        )
                        seen.status = response.status
            except (TimeoutError, aiohttp.ClientError, OSError) as e:
                _raise_transport(self._unreachable, method, path, e, body)
            try:
                if response.status >= 400:
                    error_body = bytearray()
                    try:
                        while chunk := await response.content.readany():
                            error_body += chunk
                            if len(error_body) > _MAX_ERROR_BODY:
                                break
                    except (TimeoutError, aiohttp.ClientError, OSError) as e:
                        _raise_transport(self._unreachable, method, path, e, body)
                    decode_response(response.status, bytes(error_body), response.headers)
                yield RawResponse(response)
            finally:
                if response.content.is_eof():
                    response.release()  # read to the end: the connection can be reused
                else:
                    response.close()  # left early (cancelled, failed): not reusable

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
    ) -> tuple[yarl.URL, dict[str, str], Any, _Body | None]:
        """The URL, the headers, aiohttp's ``data`` and, for a streamed body, its :class:`_Body`.

        The URL is sent exactly as built (``encoded=True``): yarl would otherwise decode
        ``%2E`` and resolve ``.``/``..`` segments, and a path could reach another endpoint.
        Paths are built from escaped segments (bridge.transport.paths), queries by urlencode.
        """
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
        url = yarl.URL(self._base_url + with_query(path, query), encoded=True)
        return url, all_headers, data, body

    # -- websockets ----------------------------------------------------------------------------

    async def websocket(self, path: str, *, query: Query | None = None) -> ClientConnection:
        """Open a websocket to ``path`` (``/1.0/...``) over the same socket or TLS identity.

        The library answers LXD's pings while the connection is read; we send no pings of our
        own, because LXD only reads some sockets (exec stdout) to detect a hang-up. A refused
        upgrade is decoded as an LXD error envelope.
        """
        # websockets sends the URI's path as given (it resolves no ``.``/``..`` segments).
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
            raise TransportError(f"{self._unreachable} {short_reason(e)} (websocket)") from e


def _raise_transport(
    unreachable: str, method: str, path: str, error: BaseException, body: _Body | None
) -> NoReturn:
    """Raise what a failed exchange means: the request body's own error when reading the
    caller's iterator failed, else :class:`TransportTimeout` or :class:`TransportError`."""
    if body is not None and body.error is not None:
        raise body.error from None
    if isinstance(error, TimeoutError):
        raise TransportTimeout(f"{method} {path}: LXD did not answer in time") from error
    raise TransportError(f"{unreachable} {short_reason(error)}") from error


def short_reason(error: BaseException) -> str:
    """Why an exchange with LXD failed, in a few words a client may read: the OS's reason or
    what happened, never aiohttp's repr (connection keys, proxy settings, class names)."""
    if isinstance(error, aiohttp.ClientConnectorError):
        error = error.os_error
    if isinstance(error, aiohttp.ServerDisconnectedError | ConnectionResetError):
        return "the connection was closed before LXD answered"
    if isinstance(error, aiohttp.ClientPayloadError):
        return "LXD's answer was cut short"
    if isinstance(error, ssl.SSLError):
        return f"TLS failed ({error.reason or 'handshake'})"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    if isinstance(error, WebSocketException) and str(error):
        return str(error)
    return "the connection failed"
