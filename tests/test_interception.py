"""Without LXD: the one server interceptor wraps each method once, not once per call
(bridge/interception.py)."""

from __future__ import annotations

import asyncio
from typing import Any

import grpc
import pytest

from bridge.caller_limits import CallerLimits
from bridge.interception import CallInterceptor


async def _echo(request: Any, context: Any) -> Any:
    return request


def _details(method: str) -> grpc.HandlerCallDetails:
    class Details(grpc.HandlerCallDetails):
        pass

    details = Details()
    details.method = method  # type: ignore[misc]
    details.invocation_metadata = ()  # type: ignore[misc]
    return details


def test_a_methods_wrapper_is_built_once_and_rebuilt_for_another_handler() -> None:
    interceptor = CallInterceptor(CallerLimits())
    first = grpc.unary_unary_rpc_method_handler(_echo)
    second = grpc.unary_unary_rpc_method_handler(_echo)
    served = {"handler": first}

    async def continuation(details: grpc.HandlerCallDetails) -> Any:
        return served["handler"]

    async def intercept() -> Any:
        return await interceptor.intercept_service(continuation, _details("/s.S/M"))

    wrapped = [asyncio.run(intercept()) for _ in range(3)]
    assert wrapped[0] is wrapped[1] is wrapped[2]
    assert wrapped[0].unary_unary is not _echo  # wrapped, not the handler itself
    served["handler"] = second  # the server's handler changed: a new wrapper
    assert asyncio.run(intercept()) is not wrapped[0]


def test_an_unknown_method_stays_unknown() -> None:
    interceptor = CallInterceptor(CallerLimits())

    async def continuation(details: grpc.HandlerCallDetails) -> Any:
        return None

    assert asyncio.run(interceptor.intercept_service(continuation, _details("/s.S/No"))) is None


class _Denied(Exception):
    pass


class _FakeContext:
    """Enough of grpc's servicer context for the interceptor; its abort notes what the audit
    had written when the status would have gone out."""

    def __init__(self, written: list[str]) -> None:
        self.written = written
        self.seen_at_abort: list[str] | None = None
        self._code: Any = None

    def auth_context(self) -> dict[str, Any]:
        return {}

    def invocation_metadata(self) -> tuple[()]:
        return ()

    def set_trailing_metadata(self, metadata: Any) -> None:
        pass

    def code(self) -> Any:
        return self._code

    def peer(self) -> str:
        return "ipv4:127.0.0.1:1"

    async def abort(self, code: Any, details: str = "", trailing: Any = ()) -> None:
        self._code = code
        self.seen_at_abort = list(self.written)
        raise _Denied(details)


def test_a_calls_audit_line_is_written_before_its_error_status_is_sent() -> None:
    # The client may read the audit log as soon as it has the status: the line must be there.
    written: list[str] = []

    class Audit:
        def method(self, path: str) -> Any:
            return lambda ctx, request, code, seconds: written.append(code)

    limits = CallerLimits(max_inflight=0)  # every call is refused: an abort before the handler
    interceptor = CallInterceptor(limits, audit=Audit())  # type: ignore[arg-type]

    async def continuation(details: grpc.HandlerCallDetails) -> Any:
        return grpc.unary_unary_rpc_method_handler(_echo)

    handler = asyncio.run(interceptor.intercept_service(continuation, _details("/s.S/M")))
    ctx = _FakeContext(written)
    with pytest.raises(_Denied):
        asyncio.run(handler.unary_unary(b"", ctx))
    assert ctx.seen_at_abort == ["RESOURCE_EXHAUSTED"]
    assert written == ["RESOURCE_EXHAUSTED"]  # once, not again when the call ends
