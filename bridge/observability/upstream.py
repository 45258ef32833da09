"""The one hook in the transport's request path: every HTTP request to LXD is timed
(``lxd_grpc_bridge_lxd_request_seconds``) and, inside a traced RPC, is a client span.

It is an aiohttp :class:`~aiohttp.TraceConfig` given to every session of the transport's pools,
so short calls, transfers and operation waits are all seen without touching their code paths.
Its callbacks run in the requesting task, so they see the RPC's :mod:`.context`.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Awaitable, Callable
from types import SimpleNamespace
from typing import Any, ParamSpec, TypeVar

import aiohttp
from opentelemetry import trace

from bridge.observability import context
from bridge.observability.metrics import LXD_REQUEST_SECONDS

__all__ = ["lxd_trace_config", "traced_operation_wait"]

P = ParamSpec("P")
R = TypeVar("R")


async def _on_start(
    session: aiohttp.ClientSession, ctx: SimpleNamespace, params: aiohttp.TraceRequestStartParams
) -> None:
    ctx.started = time.perf_counter()
    call = context.current()
    ctx.span = None
    if call is not None and call.tracer is not None:
        # The path only: a query may carry what a trace should not keep.
        path = params.url.raw_path
        ctx.span = call.tracer.start_span(
            f"LXD {params.method}",
            kind=trace.SpanKind.CLIENT,
            attributes={"http.request.method": params.method, "url.path": path},
        )


def _finish(ctx: SimpleNamespace, method: str, status: str, error: BaseException | None) -> None:
    LXD_REQUEST_SECONDS.labels(method, status).observe(time.perf_counter() - ctx.started)
    span = ctx.span
    if span is not None:
        if error is None:
            span.set_attribute("http.response.status_code", int(status))
            if int(status) >= 500:
                span.set_status(trace.StatusCode.ERROR)
        else:
            span.set_status(trace.StatusCode.ERROR, type(error).__name__)
        span.end()


async def _on_end(
    session: aiohttp.ClientSession, ctx: SimpleNamespace, params: aiohttp.TraceRequestEndParams
) -> None:
    _finish(ctx, params.method, str(params.response.status), None)


async def _on_exception(
    session: aiohttp.ClientSession,
    ctx: SimpleNamespace,
    params: aiohttp.TraceRequestExceptionParams,
) -> None:
    _finish(ctx, params.method, "error", params.exception)


def lxd_trace_config() -> aiohttp.TraceConfig:
    """A TraceConfig for one aiohttp session to LXD (metrics always, spans when traced)."""
    config = aiohttp.TraceConfig()
    config.on_request_start.append(_on_start)
    config.on_request_end.append(_on_end)
    config.on_request_exception.append(_on_exception)
    config.freeze()
    return config


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
