"""The servicers' base and toolbox: one RPC = request -> call context -> LXD call -> reply.

A servicer is a :class:`Facade` subclass naming its gRPC service and saying, per RPC, which kind
of LXD call it is::

    class ContainerFacade(Facade):
        service = service_descriptor(container_service_pb2, "ContainerService")

        GetContainerNames = ListNames()
        GetContainer = Get()
        UpdateContainer = Async()
        PatchContainer = Patch()

Everything else comes from the descriptors (docs/facade.md has the conventions). The machinery
lives in one module per idea, re-exported here for the servicers:

- :mod:`~bridge.facade.routes`: the route of an RPC (method, path, body field) and its query;
- :mod:`~bridge.facade.bodies`: LXD JSON from messages (PATCH bodies) and messages from LXD JSON;
- :mod:`~bridge.facade.kinds`: the kinds of RPC (``Get()``, ``Async()``, ...);
- :mod:`~bridge.facade.context`: the :class:`CallContext` every RPC receives (upstream, project,
  deadline) and the resolver that chooses the upstream;
- :mod:`~bridge.facade.handlers`: grpc handlers, request parsing, the reply size check;
- :mod:`~bridge.facade.status`: errors to gRPC statuses, in one place.

An RPC that fits no kind is an ``async def Name(self, request, call)`` method of the servicer (see
operations.py). A servicer that misses an RPC of its service, or whose kind does not fit the
messages, fails when its class is defined. The RPC deadline bounds every LXD call (the HTTP
timeout is the time left) and every operation wait; a cancelled RPC cancels the HTTP request in
flight (the handler task is cancelled).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any, ClassVar

import grpc
from google.protobuf.descriptor import MethodDescriptor, ServiceDescriptor
from google.protobuf.message import Message

from bridge.facade.bodies import decode, encode, patch_body
from bridge.facade.context import (
    CallContext,
    Context,
    OneUpstream,
    Resolver,
    remaining,
    wait_budget,
)
from bridge.facade.handlers import (
    MAX_MESSAGE_SIZE,
    method_handler,
    parse_request,
    reply_size_check,
)
from bridge.facade.kinds import Async, Get, ListNames, ListObjects, MaybeAsync, Patch, Rpc, Sync
from bridge.facade.routes import (
    Route,
    header_value,
    name_from_url,
    query_of,
    route_of,
    scope_query,
    service_descriptor,
)
from bridge.identity import caller_of
from bridge.observability import context as observation
from bridge.transport import LxdClient

__all__ = [
    "MAX_MESSAGE_SIZE",
    "Async",
    "CallContext",
    "Context",
    "Facade",
    "Get",
    "ListNames",
    "ListObjects",
    "MaybeAsync",
    "Patch",
    "Route",
    "Rpc",
    "Sync",
    "decode",
    "encode",
    "header_value",
    "name_from_url",
    "parse_request",
    "patch_body",
    "query_of",
    "remaining",
    "reply_size_check",
    "route_of",
    "scope_query",
    "service_descriptor",
    "wait_budget",
]


class Facade:
    """Base of the servicers: one subclass per gRPC service, holding the resolver of upstreams.

    Subclasses set :attr:`service` and give every RPC of it either an :class:`Rpc` (a kind of
    LXD call) or an ``async def Name(self, request, call)`` method, ``call`` being the
    :class:`~bridge.facade.context.CallContext`.
    """

    #: The gRPC service this class serves.
    service: ClassVar[ServiceDescriptor]

    def __init__(
        self, upstreams: Resolver | LxdClient, *, max_reply_size: int = MAX_MESSAGE_SIZE
    ) -> None:
        #: Chooses each call's upstream (an LxdClient alone: that one daemon, as the bridge).
        self.upstreams: Resolver = (
            OneUpstream(upstreams) if isinstance(upstreams, LxdClient) else upstreams
        )
        #: Largest unary reply sent (the server's grpc.max_send_message_length); a larger one is
        #: RESOURCE_EXHAUSTED naming the largest objects in it (:func:`reply_size_check`).
        self.max_reply_size = max_reply_size

    def route(self, rpc: str) -> Route:
        """The route of one of this service's RPCs (:func:`route_of`)."""
        return route_of(self.service.methods_by_name[rpc])

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "service" not in cls.__dict__:
            return
        names = {method.name for method in cls.service.methods}
        for method in cls.service.methods:
            handler = getattr(cls, method.name, None)
            if isinstance(handler, Rpc):
                handler.bind(method)
            elif not (inspect.iscoroutinefunction(handler) or inspect.isasyncgenfunction(handler)):
                raise TypeError(f"{cls.__name__} does not implement {method.full_name}")
        for name, value in vars(cls).items():
            if isinstance(value, Rpc) and name not in names:
                raise TypeError(f"{cls.__name__}.{name} is not an RPC of {cls.service.full_name}")

    def generic_handler(self) -> grpc.GenericRpcHandler:
        """The gRPC handler of every RPC of the service, errors mapped to statuses."""
        handlers: dict[str, grpc.RpcMethodHandler[Any, Any]] = {}
        for method in self.service.methods:
            attribute = getattr(type(self), method.name)
            behaviour: Callable[[Any, CallContext], Any] = (
                attribute.serve if isinstance(attribute, Rpc) else getattr(self, method.name)
            )
            handlers[method.name] = method_handler(
                method,
                behaviour,
                functools.partial(self._call_context, method),
                reply_size_check(self.service, method, self.max_reply_size),
            )
        return grpc.method_handlers_generic_handler(self.service.full_name, handlers)

    def _call_context(
        self, method: MethodDescriptor, context: Context, request: Message | None
    ) -> CallContext:
        upstream = self.upstreams.resolve(context, method)
        # The interceptor has read the caller already (bridge/interception.py); a facade served
        # without it reads the handshake itself.
        observed = observation.current()
        principal = observed.principal if observed is not None else caller_of(context).principal
        return CallContext.of(upstream, context, request, principal)
