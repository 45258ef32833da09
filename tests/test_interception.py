"""Without LXD: the one server interceptor wraps each method once, not once per call
(bridge/interception.py)."""

from __future__ import annotations

import asyncio
from typing import Any

import grpc

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
