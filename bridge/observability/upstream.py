"""The one hook in the transport's request path: every HTTP request to LXD is timed
(``lxd_grpc_bridge_lxd_request_seconds``) and, inside a traced RPC, is a client span.

The transport's two request paths (an enveloped request, a streamed body) each open one
:class:`LxdRequest` around aiohttp's request: it runs in the requesting task, so it sees the
RPC's :mod:`.context`. (It was an aiohttp ``TraceConfig``: aiohttp then sends every one of its
ten trace signals to the session's configs, five of them awaited per request, which cost more
than the timing itself.)
"""

from __future__ import annotations

import functools
import time
from collections.abc import Awaitable, Callable
from types import TracebackType
from typing import Any, ParamSpec, TypeVar

from opentelemetry import trace

from bridge.observability import context
from bridge.observability.metrics import LXD_REQUEST_SECONDS

__all__ = ["LxdRequest", "traced_operation_wait"]

P = ParamSpec("P")
R = TypeVar("R")

#: The lxd_grpc_bridge_lxd_request_seconds series by (method, status), looked up on first use.
_SERIES: dict[tuple[str, int | None], Any] = {}


class LxdRequest:
    """``with LxdRequest(method, path) as seen: ...; seen.status = response.status``: the
    request's time by method and status (``error`` when it raised before a status), and its
    span inside a traced RPC. ``path`` is the URL's path only: a query may carry what a trace
    should not keep."""

    __slots__ = ("method", "path", "span", "started", "status")

    def __init__(self, method: str, path: str) -> None:
        self.method = method
        self.path = path
        self.status: int | None = None
        self.span: Any = None
        self.started = 0.0

    def __enter__(self) -> LxdRequest:
        call = context.current()
        if call is not None and call.tracer is not None:
            self.span = call.tracer.start_span(
                f"LXD {self.method}",
                kind=trace.SpanKind.CLIENT,
                attributes={"http.request.method": self.method, "url.path": self.path},
            )
        self.started = time.perf_counter()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        elapsed = time.perf_counter() - self.started
        status = self.status
        series = _SERIES.get((self.method, status))
        if series is None:
            label = "error" if status is None else str(status)
            series = _SERIES[self.method, status] = LXD_REQUEST_SECONDS.labels(self.method, label)
        series.observe(elapsed)
        span = self.span
        if span is not None:
            if status is not None:
                span.set_attribute("http.response.status_code", status)
                if status >= 500:
                    span.set_status(trace.StatusCode.ERROR)
            else:
                span.set_status(
                    trace.StatusCode.ERROR, type(error).__name__ if error else "no response"
                )
            span.end()


def traced_operation_wait(
    wait: Callable[P, Awaitable[R]],
) -> Callable[P, Awaitable[R]]:
    """Wrap an operation's wait in a span ``LXD operation wait`` (inside a traced RPC)."""

    @functools.wraps(wait)
    async def traced(*args: P.args, **kwargs: P.kwargs) -> R:
        call = context.current()
        if call is None or call.tracer is None:
            return await wait(*args, **kwargs)
        operation: Any = getattr(args[0], "id", None) if args else None
        if not isinstance(operation, str) and len(args) > 1:
            operation = args[1]  # Operations.wait(self, op_id, ...)
        with call.tracer.start_as_current_span(
            "LXD operation wait",
            attributes={"lxd.operation.id": str(operation)},
        ):
            return await wait(*args, **kwargs)

    return traced
