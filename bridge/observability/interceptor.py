"""The server interceptor that makes each RPC observable.

For every RPC it picks the request id (the caller's ``x-request-id``, or a new one) and sends it
back first thing in the response headers; sets the :mod:`.context` (RPC, request id, principal,
tracer) for everything the RPC runs; counts ``grpc_server_started_total``,
``grpc_server_handled_total`` by code and ``grpc_server_handling_seconds``; keeps
``lxd_grpc_bridge_open_streams`` for streaming RPCs; and logs one line when the RPC ends
(``bridge.rpc``: the RPC, its code, its time; never the request, which may hold secrets).
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, TypeVar

import grpc
from opentelemetry.trace import Tracer

from bridge.identity import caller_of
from bridge.observability import context
from bridge.observability.metrics import (
    GRPC_HANDLED,
    GRPC_HANDLING_SECONDS,
    GRPC_STARTED,
    OPEN_STREAMS,
)

__all__ = ["ObservingInterceptor", "status_name"]

_log = logging.getLogger("bridge.rpc")
_Req = TypeVar("_Req")
_Resp = TypeVar("_Resp")


class _RequestContext:
    """The servicer context as the facade sees it: the request id is already in the headers,
    so the facade's own ``send_initial_metadata(())`` (a stream saying it has started) is a
    no-op; anything else delegates to grpc's context."""

    def __init__(self, ctx: grpc.aio.ServicerContext[Any, Any]) -> None:
        self._ctx = ctx

    def __getattr__(self, name: str) -> Any:
        return getattr(self._ctx, name)

    async def send_initial_metadata(self, metadata: Any) -> None:
        if metadata:
            raise RuntimeError(
                "the response headers were sent with x-request-id before the handler ran"
            )


def _principal(ctx: grpc.aio.ServicerContext[Any, Any]) -> str | None:
    """The caller's principal (mTLS: as gRFC A43 reads its certificate), None without one."""
    return caller_of(ctx).principal


def status_name(ctx: grpc.aio.ServicerContext[Any, Any], error: BaseException | None) -> str:
    """The name of the status an RPC ended with (``error``: what its handler raised)."""
    if isinstance(error, asyncio.CancelledError):
        return grpc.StatusCode.CANCELLED.name
    code = ctx.code()
    if isinstance(code, grpc.StatusCode):
        return code.name
    if isinstance(code, int):  # grpc.aio may keep the raw status number
        return next((c.name for c in grpc.StatusCode if c.value[0] == code), str(code))
    return grpc.StatusCode.OK.name if error is None else grpc.StatusCode.UNKNOWN.name


class ObservingInterceptor(grpc.aio.ServerInterceptor):
    """Request ids, call context, metrics and the per-RPC log line (module docstring).

    ``tracer`` (tracing on) goes into each call's context for the transport's LXD spans; the
    RPC's own server span is OpenTelemetry's gRPC interceptor's, placed before this one.
    """

    def __init__(self, tracer: Tracer | None = None) -> None:
        self._tracer = tracer

    async def intercept_service(  # type: ignore[override]  # the stub binds its TypeVars oddly
        self,
        continuation: Callable[
            [grpc.HandlerCallDetails], Awaitable[grpc.RpcMethodHandler[Any, Any]]
        ],
        handler_call_details: grpc.HandlerCallDetails,
    ) -> grpc.RpcMethodHandler[Any, Any]:
        handler = await continuation(handler_call_details)
        if handler is None:  # an unknown method: grpc answers UNIMPLEMENTED
            return handler
        rpc = handler_call_details.method
        service, _, method = rpc.lstrip("/").rpartition("/")
        if handler.request_streaming and handler.response_streaming:
            kind, attr = "bidi_stream", "stream_stream"
        elif handler.request_streaming:
            kind, attr = "client_stream", "stream_unary"
        elif handler.response_streaming:
            kind, attr = "server_stream", "unary_stream"
        else:
            kind, attr = "unary", "unary_unary"
        labels = (kind, service, method)
        metadata = handler_call_details.invocation_metadata
        behaviour = getattr(handler, attr)
        tracer = self._tracer

        async def enter(ctx: grpc.aio.ServicerContext[Any, Any]) -> tuple[Any, float]:
            call = context.CallContext(
                rpc, context.request_id_from(metadata), _principal(ctx), tracer=tracer
            )
            token = context.begin(call)
            GRPC_STARTED.labels(*labels).inc()
            await ctx.send_initial_metadata(((context.REQUEST_ID_KEY, call.request_id),))
            return token, time.perf_counter()

        def leave(
            ctx: grpc.aio.ServicerContext[Any, Any],
            token: Any,
            started: float,
            error: BaseException | None,
        ) -> None:
            elapsed = time.perf_counter() - started
            code = status_name(ctx, error)
            GRPC_HANDLED.labels(*labels, code).inc()
            GRPC_HANDLING_SECONDS.labels(*labels).observe(elapsed)
            _log.info("%s %s %.1f ms", rpc, code, elapsed * 1000)
            context.end(token)

        if kind in {"unary", "client_stream"}:

            async def unary(request: Any, ctx: grpc.aio.ServicerContext[Any, Any]) -> Any:
                token, started = await enter(ctx)
                error: BaseException | None = None
                try:
                    return await behaviour(request, _RequestContext(ctx))
                except BaseException as e:
                    error = e
                    raise
                finally:
                    leave(ctx, token, started, error)

            return handler._replace(**{attr: unary})  # type: ignore[attr-defined, no-any-return]

        OPEN_STREAMS.labels(kind, method)  # the series exists (0) before the first stream

        async def stream(
            request: Any, ctx: grpc.aio.ServicerContext[Any, Any]
        ) -> AsyncIterator[Any]:
            # Always an async generator, also for handlers that write with ctx.write: grpc's
            # and OpenTelemetry's interceptors iterate what a streaming handler returns.
            token, started = await enter(ctx)
            OPEN_STREAMS.labels(kind, method).inc()
            error: BaseException | None = None
            try:
                result = behaviour(request, _RequestContext(ctx))
                if inspect.isasyncgen(result):
                    async for item in result:
                        yield item
                else:
                    await result
            except BaseException as e:
                error = e
                raise
            finally:
                OPEN_STREAMS.labels(kind, method).dec()
                leave(ctx, token, started, error)

        return handler._replace(**{attr: stream})  # type: ignore[attr-defined, no-any-return]
