"""A path variable never changes the route (issue 9, item 1).

Every RPC whose ``google.api.http`` path has variables (the list comes from the descriptors of
the served facades, not from a hand list) is called with each hostile value in each variable:
the answer is INVALID_ARGUMENT naming the variable, and the bridge, which talks to the real LXD
through a recording proxy, sends LXD nothing at all. Before the fix these values reached other
endpoints: ``DeleteContainerConsoleLog(name=".")`` sent ``DELETE /1.0/containers/console``.

The transport itself sends a path exactly as built (no ``.``/``..`` resolution, no decoding of
``%2E``), checked on the proxy; and an image alias with a ``/`` stays one segment.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import grpc
import pytest
from google.protobuf import message_factory
from google.protobuf.descriptor import MethodDescriptor
from google.protobuf.message import Message

from bridge.errors import BridgeError
from bridge.facade import FACADES
from bridge.facade.common import Route
from bridge.transport import Connection, Endpoint
from lxd.api.v1 import image_pb2
from lxd.api.v1 import image_service_pb2 as images_pb
from lxd.api.v1.image_service_pb2_grpc import ImageServiceStub
from tests.conftest import LxdSandbox
from tests.integration.conftest import error_details
from tests.integration.recording_proxy import RecordingProxy

pytestmark = pytest.mark.timeout(300)

#: Values that must never become a path segment, by what they are.
HOSTILE = {
    "dot": ".",
    "dot-dot": "..",
    "empty": "",
    "nul": "\x00",
    "nul-after-a-name": "r1\x00",
    "newline": "\n",
    "carriage-return-inside": "a\rb",
    "tab": "\t",
    "delete": "\x7f",
    "c1-control": "a\x85",
}

#: The value the other path variables of a request get (a valid name nothing is called).
HARMLESS = "t-routes-harmless"

#: The oneof field a stream's first request must carry to get as far as building the path.
FIRST_MESSAGE = {
    "ExecContainer": "exec",
    "ConsoleContainer": "console",
    "ExecInstance": "exec",
    "ConsoleInstance": "console",
}


def _cases() -> list[tuple[MethodDescriptor, str, bool]]:
    """(RPC, path variable, whether the variable is only in a narrower additional binding)."""
    cases = []
    for facade in FACADES:
        for method in facade.service.methods:
            route = Route(method)
            narrower = [v for _, vs in route.narrower for v in vs if v not in route.variables]
            cases += [(method, v, False) for v in route.variables]
            cases += [(method, v, True) for v in dict.fromkeys(narrower)]
    return cases


CASES = _cases()


def _set(message: Message, name: str, value: str) -> None:
    *parents, last = name.split(".")
    for part in parents:
        message = getattr(message, part)
    setattr(message, last, value)


def _request(method: MethodDescriptor, variable: str, value: str) -> Message:
    request = message_factory.GetMessageClass(method.input_type)()
    route = Route(method)
    for name in [*route.variables, *(v for _, vs in route.narrower for v in vs)]:
        _set(request, name, HARMLESS)
    _set(request, variable, value)
    if "path" in method.input_type.fields_by_name and variable != "path":
        _set(request, "path", "/tmp/x")
    if method.name in FIRST_MESSAGE:
        getattr(request, FIRST_MESSAGE[method.name]).SetInParent()
    return request


async def _call(channel: grpc.aio.Channel, method: MethodDescriptor, request: Message) -> None:
    """Call any RPC with one request message and read its answer to the end."""
    path = f"/{method.containing_service.full_name}/{method.name}"
    response_cls: Any = message_factory.GetMessageClass(method.output_type)
    options: dict[str, Callable[..., Any]] = {
        "request_serializer": type(request).SerializeToString,
        "response_deserializer": response_cls.FromString,
    }
    if method.client_streaming and method.server_streaming:
        async for _ in channel.stream_stream(path, **options)(iter([request]), timeout=30):
            pass
    elif method.client_streaming:
        await channel.stream_unary(path, **options)(iter([request]), timeout=30)
    elif method.server_streaming:
        async for _ in channel.unary_stream(path, **options)(request, timeout=30):
            pass
    else:
        await channel.unary_unary(path, **options)(request, timeout=30)


def test_every_kind_of_path_variable_is_covered() -> None:
    rpcs = {method.full_name for method, _, _ in CASES}
    assert len(rpcs) > 80, "the cases come from the descriptors of every served RPC"
    assert {
        "lxd.api.v1.ContainerService.DeleteContainerConsoleLog",
        "lxd.api.v1.ContainerService.ExecContainer",
        "lxd.api.v1.OperationService.GetOperationWait",
        "lxd.api.v1.OperationService.GetOperationWebsocket",
        "lxd.api.v1.StoragePoolService.GetStoragePoolVolumes",
    } <= rpcs
    assert any(narrower for _, _, narrower in CASES), "narrower bindings' variables are covered"


@pytest.mark.parametrize(
    ("method", "variable", "narrower"),
    CASES,
    ids=[f"{m.containing_service.name}.{m.name}-{v}" for m, v, _ in CASES],
)
async def test_a_hostile_path_variable_is_refused_and_never_reaches_lxd(
    proxied_channel: grpc.aio.Channel,
    proxy: RecordingProxy,
    method: MethodDescriptor,
    variable: str,
    narrower: bool,
) -> None:
    proxy.take()
    for kind, value in HOSTILE.items():
        if narrower and not value:
            continue  # an empty variable of a narrower binding means the wider route: allowed
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await _call(proxied_channel, method, _request(method, variable, value))
        assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT, (
            f"{kind} {value!r}: {caught.value.code()} {caught.value.details()}"
        )
        assert error_details(caught.value).info.metadata["field"] == variable, kind
        assert proxy.take() == [], f"{kind} {value!r} reached LXD"


async def test_an_image_alias_with_a_slash_is_one_segment(
    daemon: LxdSandbox,
    proxied_channel: grpc.aio.Channel,
    proxy: RecordingProxy,
    unique_name: Callable[[str], str],
) -> None:
    images = ImageServiceStub(proxied_channel)
    name = f"{unique_name('alias')}/12"
    post = image_pb2.ImageAliasesPost(name=name, target=daemon.image_fingerprint)
    await images.CreateImageAlias(images_pb.CreateImageAliasRequest(alias=post), timeout=30)
    try:
        proxy.take()
        got = await images.GetImageAlias(images_pb.GetImageAliasRequest(name=name), timeout=30)
        assert got.alias.name == name
        assert proxy.take() == [("GET", f"/1.0/images/aliases/{name.replace('/', '%2F')}")]
    finally:
        await images.DeleteImageAlias(images_pb.DeleteImageAliasRequest(name=name), timeout=30)
    names = await images.GetImageAliasNames(images_pb.GetImageAliasNamesRequest(), timeout=30)
    assert name not in names.names


#: Paths the transport is given as they are, and must send as they are.
VERBATIM = {
    "encoded-dot": "/1.0/containers/%2E",
    "encoded-dot-dot": "/1.0/containers/%2E%2E/x",
    "dot-segment": "/1.0/containers/./x",
    "dot-dot-segment": "/1.0/containers/../x",
}


@pytest.mark.parametrize("path", VERBATIM.values(), ids=VERBATIM.keys())
async def test_the_transport_sends_a_path_exactly_as_built(
    proxy: RecordingProxy, path: str
) -> None:
    async with Connection(Endpoint.unix(proxy.socket)) as connection:
        proxy.take()
        with pytest.raises(BridgeError):
            await connection.request("GET", path, timeout=30)
        with pytest.raises(BridgeError):
            await connection.websocket(path + "/websocket", query={"secret": "s"})
    assert proxy.take() == [("GET", path), ("GET", path + "/websocket?secret=s")]
