"""The one server interceptor: everything the bridge does around each RPC, in one wrap.

For every RPC, in this order (each step only when configured):

1. observe (:mod:`bridge.observability`): pick the request id (the caller's ``x-request-id`` or a
   new one), set the per-call :mod:`~bridge.observability.context`, count
   ``grpc_server_started_total``;
2. authorize (:mod:`bridge.authz`): the policy decides before LXD is asked; denied is
   PERMISSION_DENIED (and audited);
3. limit (:mod:`bridge.caller_limits`): the caller's RPCs in flight and open streams; over a limit
   is RESOURCE_EXHAUSTED (a denied call takes none of its slots);
4. run the handler;
5. when it ends: release the caller's slots, count ``grpc_server_handled_total`` and
   ``grpc_server_handling_seconds`` (and ``lxd_grpc_bridge_open_streams`` for streams), log one
   ``bridge.rpc`` line (never the request), write the audit line (:mod:`bridge.audit`).

Why one interceptor and not one per concern: grpc.aio runs every interceptor's
``intercept_service`` for each call, and each wrapped the handler anew (a closure per call, a
generator layer per stream). Here a method's wrapper is built once, the first time it is called,
and each call is one coroutine (or one async generator) around the handler.

Where the request id goes back to the caller: an RPC with a response stream sends it in its
response headers, first thing (a stream sends headers anyway, to say it has started). An RPC
with one response (unary, client stream) sends it in its trailers, with the reply or the error:
sending headers of their own before the reply is a batch of its own in grpc (an extra write and a
round through the completion queue), which cost about a fifth of a short call's CPU.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, TypeAlias

import grpc
from opentelemetry.trace import Tracer

from bridge.audit import Audit
from bridge.authz import PolicyFile, denied_status, request_headers
from bridge.caller_limits import CallerLimits
from bridge.facade.status import grpc_status
from bridge.identity import caller_of
from bridge.observability import context
from bridge.observability.metrics import (
    GRPC_HANDLED,
    GRPC_HANDLING_SECONDS,
    GRPC_STARTED,
    OPEN_STREAMS,
)

__all__ = ["CallInterceptor", "status_name"]

_log = logging.getLogger("bridge.rpc")

_Context: TypeAlias = "grpc.aio.ServicerContext[Any, Any]"
_Handler: TypeAlias = "grpc.RpcMethodHandler[Any, Any]"


def status_name(ctx: _Context, error: BaseException | None) -> str:
    """The name of the status an RPC ended with (``error``: what its handler raised)."""
    if isinstance(error, asyncio.CancelledError):
        return grpc.StatusCode.CANCELLED.name
    code = ctx.code()
    if isinstance(code, (grpc.StatusCode, int)):  # grpc.aio may keep the raw status number
        return _code_name(code)
    return grpc.StatusCode.OK.name if error is None else grpc.StatusCode.UNKNOWN.name


#: Told the status an RPC is about to end with, before grpc sends it (the call's end is
#: recorded then: the client may act on the status, reading the audit log, at once).
_Ending = Callable[[grpc.StatusCode], None]


class _HeadersSent:
    """The servicer context of a streaming RPC as the handler sees it: the request id is already
    in the response headers, so the handler's own ``send_initial_metadata(())`` (a stream saying
    it has started) is a no-op; an abort records the call's end first; anything else delegates
    to grpc's context."""

    __slots__ = ("_ctx", "_ending")

    def __init__(self, ctx: _Context, ending: _Ending) -> None:
        self._ctx = ctx
        self._ending = ending

    def __getattr__(self, name: str) -> Any:
        return getattr(self._ctx, name)

    async def send_initial_metadata(self, metadata: Any) -> None:
        if metadata:
            raise RuntimeError(
                "the response headers were sent with x-request-id before the handler ran"
            )

    async def abort(
        self, code: grpc.StatusCode, details: str = "", trailing_metadata: Any = ()
    ) -> Any:
        self._ending(code)
        await self._ctx.abort(code, details, trailing_metadata)


class _IdInTrailers:
    """The servicer context of an RPC with one response: its trailers carry the request id,
    whatever the handler adds to them (an error's details); an abort records the call's end
    first."""

    __slots__ = ("_ctx", "_ending", "_id")

    def __init__(self, ctx: _Context, request_id: tuple[str, str], ending: _Ending) -> None:
        self._ctx = ctx
        self._id = request_id
        self._ending = ending
        ctx.set_trailing_metadata((request_id,))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._ctx, name)

    def set_trailing_metadata(self, metadata: Any) -> None:
        self._ctx.set_trailing_metadata((*metadata, self._id))

    async def abort(
        self, code: grpc.StatusCode, details: str = "", trailing_metadata: Any = ()
    ) -> Any:
        self._ending(code)
        await self._ctx.abort(code, details, (*trailing_metadata, self._id))


def _kind(handler: _Handler) -> tuple[str, str]:
    """The RPC's kind (the ``grpc_type`` label) and the handler's attribute for it."""
    if handler.request_streaming and handler.response_streaming:
        return "bidi_stream", "stream_stream"
    if handler.request_streaming:
        return "client_stream", "stream_unary"
    if handler.response_streaming:
        return "server_stream", "unary_stream"
    return "unary", "unary_unary"


class CallInterceptor(grpc.aio.ServerInterceptor):
    """Observation, authorization, per-caller limits and the audit of every RPC (module
    docstring). ``tracer`` (tracing on) goes into each call's context for the transport's LXD
    spans; the RPC's own server span is OpenTelemetry's interceptor's, placed before this one.
    ``policy`` None: no authorization; ``audit`` None: no audit log."""

    def __init__(
        self,
        limits: CallerLimits,
        *,
        tracer: Tracer | None = None,
        policy: PolicyFile | None = None,
        audit: Audit | None = None,
    ) -> None:
        self.limits = limits
        self._tracer = tracer
        self._policy = policy
        self._audit = audit
        # method -> (the handler as served, the handler wrapped): built on its first call.
        self._wrapped: dict[str, tuple[_Handler, _Handler]] = {}

    async def intercept_service(  # type: ignore[override]  # the stub binds its TypeVars oddly
        self,
        continuation: Callable[[grpc.HandlerCallDetails], Awaitable[_Handler]],
        handler_call_details: grpc.HandlerCallDetails,
    ) -> _Handler:
        handler = await continuation(handler_call_details)
        if handler is None:  # an unknown method: grpc answers UNIMPLEMENTED
            return handler
        rpc = handler_call_details.method
        known = self._wrapped.get(rpc)
        if known is not None and known[0] is handler:
            return known[1]
        wrapped = self._wrap(rpc, handler)
        self._wrapped[rpc] = (handler, wrapped)
        return wrapped

    def _wrap(self, rpc: str, handler: _Handler) -> _Handler:
        kind, attr = _kind(handler)
        service, _, method = rpc.lstrip("/").rpartition("/")
        labels = (kind, service, method)
        started_total = GRPC_STARTED.labels(*labels)
        handling = GRPC_HANDLING_SECONDS.labels(*labels)
        behaviour = getattr(handler, attr)
        streaming = handler.request_streaming or handler.response_streaming
        tracer, policy, limits = self._tracer, self._policy, self.limits
        audit = self._audit
        audited = audit.method(rpc) if audit is not None else None
        request_streaming = handler.request_streaming
        # The grpc_server_handled_total series by status name, looked up on a status's first end.
        handled: dict[str, Any] = {}

        def begin(ctx: _Context) -> tuple[Any, context.CallContext, Any]:
            """Step 1: the caller, the call's context (set), its token."""
            caller = caller_of(ctx)
            metadata = ctx.invocation_metadata()
            call = context.CallContext(
                rpc, context.request_id_from(metadata), caller.principal, tracer=tracer
            )
            token = context.begin(call)
            started_total.inc()
            return caller, call, token

        async def admit(ctx: Any, caller: Any) -> None:
            """Steps 2 and 3: authorized, then counted; else the call ends here (``ctx``
            aborts with the request id where it goes)."""
            if policy is not None:
                current = policy.policy  # one policy for the whole decision, even mid-reload
                headers = request_headers(ctx.invocation_metadata())
                decision = current.decide(rpc, caller, headers)
                if not decision.allowed:
                    status = denied_status(current.name, decision)
                    await ctx.abort(status.code, status.details, status.trailing_metadata)
            refusal = limits.admit(caller.principal, streaming)
            if refusal is not None:
                status = grpc_status(refusal)
                await ctx.abort(status.code, status.details, status.trailing_metadata)

        def leave(ctx: _Context, request: Any, started: float, code: str) -> None:
            """Step 5, but for the slots and the context (the caller's own ``finally``): once
            per call, when it ends or just before an abort's status is sent."""
            elapsed = time.perf_counter() - started
            counted = handled.get(code)
            if counted is None:
                counted = handled[code] = GRPC_HANDLED.labels(*labels, code)
            counted.inc()
            handling.observe(elapsed)
            _log.info("%s %s %.1f ms", rpc, code, elapsed * 1000)
            if audited is not None:
                audited(ctx, request, code, elapsed)

        if not handler.response_streaming:

            async def unary(request: Any, ctx: _Context) -> Any:
                started = time.perf_counter()
                caller, call, token = begin(ctx)
                ended = False
                first: list[Any] = []

                def ending(code: Any) -> None:
                    nonlocal ended
                    if not ended:
                        ended = True
                        leave(ctx, first[0] if first else request, started, _code_name(code))

                handler_ctx = _IdInTrailers(ctx, (context.REQUEST_ID_KEY, call.request_id), ending)
                admitted = False
                error: BaseException | None = None
                if request_streaming and audited is not None:
                    request = _firsts(request, first)
                try:
                    await admit(handler_ctx, caller)
                    admitted = True
                    return await behaviour(request, handler_ctx)
                except BaseException as e:
                    error = e
                    raise
                finally:
                    if admitted:
                        limits.release(caller.principal, streaming)
                    if not ended:
                        ended = True
                        leave(ctx, first[0] if first else request, started, status_name(ctx, error))
                    context.end(token)

            return handler._replace(**{attr: unary})  # type: ignore[attr-defined, no-any-return]

        open_streams = OPEN_STREAMS.labels(kind, method)  # the series exists (0) from now on

        async def stream(request: Any, ctx: _Context) -> AsyncIterator[Any]:
            # Always an async generator, also for handlers that write with ctx.write: grpc's
            # and OpenTelemetry's interceptors iterate what a streaming handler returns.
            started = time.perf_counter()
            caller, call, token = begin(ctx)
            ended = False
            first: list[Any] = []

            def ending(code: Any) -> None:
                nonlocal ended
                if not ended:
                    ended = True
                    leave(ctx, first[0] if first else request, started, _code_name(code))

            handler_ctx = _HeadersSent(ctx, ending)
            admitted = False
            error: BaseException | None = None
            if request_streaming and audited is not None:
                request = _firsts(request, first)
            open_streams.inc()
            try:
                # A response stream sends headers anyway: the request id goes in them, first.
                await ctx.send_initial_metadata(((context.REQUEST_ID_KEY, call.request_id),))
                await admit(handler_ctx, caller)
                admitted = True
                result = behaviour(request, handler_ctx)
                if inspect.isasyncgen(result):
                    async for item in result:
                        yield item
                else:
                    await result
            except BaseException as e:
                error = e
                raise
            finally:
                open_streams.dec()
                if admitted:
                    limits.release(caller.principal, streaming)
                if not ended:
                    ended = True
                    leave(ctx, first[0] if first else request, started, status_name(ctx, error))
                context.end(token)

        return handler._replace(**{attr: stream})  # type: ignore[attr-defined, no-any-return]


def _code_name(code: Any) -> str:
    """The name of a status code given to ``abort`` (an enum member, or grpc's raw number)."""
    if isinstance(code, grpc.StatusCode):
        return code.name
    return next((c.name for c in grpc.StatusCode if c.value[0] == code), str(code))


async def _firsts(requests: AsyncIterator[Any], first: list[Any]) -> AsyncIterator[Any]:
    """The request stream as it comes; its first message kept (it names the resource)."""
    async for message in requests:
        if not first:
            first.append(message)
        yield message
