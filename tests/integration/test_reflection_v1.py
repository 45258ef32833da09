"""Server reflection v1 (as well as v1alpha) over a real channel, and buf curl through it.

The v1 client here is built from the vendored third_party/grpc-proto/.../reflection.proto
(compiled by protoc), not from anything the bridge uses, so it checks the protocol itself.
buf curl (node_modules/.bin/buf) is told to use v1 only: before the bridge served v1 it fell back
to v1alpha silently, which proved nothing.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import grpc
import grpc_tools
import pytest
from google.protobuf import descriptor_pb2, descriptor_pool, message_factory
from google.protobuf.message import Message
from grpc_tools import protoc

from bridge.facade import FACADES
from bridge.server import BridgeServer
from tests.conftest import REPO, LxdSandbox

pytestmark = pytest.mark.timeout(120)

BUF = REPO / "node_modules" / ".bin" / "buf"
V1_METHOD = "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo"


@pytest.fixture(scope="module")
def v1(tmp_path_factory: pytest.TempPathFactory) -> descriptor_pool.DescriptorPool:
    """A pool holding grpc.reflection.v1, compiled from the vendored proto."""
    out = tmp_path_factory.mktemp("reflection") / "v1.binpb"
    wkt = Path(grpc_tools.__file__).parent / "_proto"
    vendored = REPO / "third_party" / "grpc-proto"
    proto = "grpc/reflection/v1/reflection.proto"
    assert (
        protoc.main(["protoc", f"-I{vendored}", f"-I{wkt}", f"--descriptor_set_out={out}", proto])
        == 0
    )
    pool = descriptor_pool.DescriptorPool()
    for file in descriptor_pb2.FileDescriptorSet.FromString(out.read_bytes()).file:
        pool.Add(file)
    return pool


def v1_class(pool: descriptor_pool.DescriptorPool, name: str) -> type[Message]:
    return message_factory.GetMessageClass(pool.FindMessageTypeByName(f"grpc.reflection.v1.{name}"))


async def ask_v1(
    channel: grpc.aio.Channel, pool: descriptor_pool.DescriptorPool, **request: str
) -> Message:
    """One v1 ServerReflectionInfo exchange: one request, one reply."""
    request_cls = v1_class(pool, "ServerReflectionRequest")
    response_cls = v1_class(pool, "ServerReflectionResponse")
    call = channel.stream_stream(
        V1_METHOD,
        request_serializer=lambda m: m.SerializeToString(),
        response_deserializer=response_cls.FromString,
    )()
    await call.write(request_cls(**request))
    await call.done_writing()
    replies: list[Message] = [reply async for reply in call]
    assert len(replies) == 1
    return replies[0]


async def test_v1_lists_every_service(
    channel: grpc.aio.Channel, v1: descriptor_pool.DescriptorPool
) -> None:
    reply = await ask_v1(channel, v1, list_services="")
    listed = {s.name for s in reply.list_services_response.service}  # type: ignore[attr-defined]
    expected = {f.service.full_name for f in FACADES}
    expected |= {
        "grpc.health.v1.Health",
        "grpc.reflection.v1.ServerReflection",
        "grpc.reflection.v1alpha.ServerReflection",
    }
    assert listed == expected


@pytest.mark.parametrize(
    ("symbol", "file"),
    [
        ("lxd.api.v1.ContainerService", "lxd/api/v1/container_service.proto"),
        ("lxd.api.v1.Container", "lxd/api/v1/container.proto"),
        ("grpc.reflection.v1.ServerReflection", "grpc/reflection/v1/reflection.proto"),
    ],
    ids=["a service", "a message", "reflection v1 itself"],
)
async def test_v1_gives_the_file_containing_a_symbol(
    channel: grpc.aio.Channel, v1: descriptor_pool.DescriptorPool, symbol: str, file: str
) -> None:
    reply = await ask_v1(channel, v1, file_containing_symbol=symbol)
    raw = reply.file_descriptor_response.file_descriptor_proto  # type: ignore[attr-defined]
    files = {descriptor_pb2.FileDescriptorProto.FromString(r).name: r for r in raw}
    assert file in files


async def test_v1_answers_an_unknown_symbol_with_not_found(
    channel: grpc.aio.Channel, v1: descriptor_pool.DescriptorPool
) -> None:
    reply = await ask_v1(channel, v1, file_containing_symbol="lxd.api.v1.NoSuchThing")
    assert reply.error_response.error_code == grpc.StatusCode.NOT_FOUND.value[0]  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def buf_curl(bridge: BridgeServer) -> list[str]:
    """buf curl's arguments to reach the test bridge on its unix socket, reflection v1 only."""
    assert BUF.exists(), "buf is missing: run `make setup`"
    return [
        str(BUF),
        "curl",
        "--protocol=grpc",
        "--http2-prior-knowledge",
        "--reflect-protocol=grpc-v1",
        f"--unix-socket={bridge.address.removeprefix('unix:')}",
    ]


def base_url(bridge: BridgeServer) -> str:
    # Over --unix-socket the URL's host is only the HTTP/2 authority.
    return "http://localhost"


async def run(args: list[str]) -> tuple[int, str, str]:
    """Run a command without blocking the loop the in-process bridge serves on."""
    process = await asyncio.create_subprocess_exec(
        *args, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    stdout, stderr = await asyncio.wait_for(process.communicate(), timeout=60)
    assert process.returncode is not None
    return process.returncode, stdout.decode(), stderr.decode()


async def test_buf_curl_calls_get_server_through_reflection_v1(
    bridge: BridgeServer, buf_curl: list[str], daemon: LxdSandbox
) -> None:
    code, out, err = await run(
        [*buf_curl, f"{base_url(bridge)}/lxd.api.v1.ServerService/GetServer"]
    )
    assert code == 0, err
    server = json.loads(out)["server"]
    assert server["auth"] == "trusted"
    assert server["environment"]["server"] == daemon.family


async def test_buf_curl_lists_the_services_through_reflection_v1(
    bridge: BridgeServer, buf_curl: list[str]
) -> None:
    code, out, err = await run([*buf_curl, "--list-services", base_url(bridge)])
    assert code == 0, err
    assert {f.service.full_name for f in FACADES} <= set(out.split())
