"""The facade without a daemon: real servicers behind a real gRPC server and channel, whose LXD
client sends every request to a transport that answers from the recorded LXD 5.0.2 responses
(tests/testdata/lxd-5.0, INDEX.json says which request each file answers). The integration
tests cover the same RPCs against a real LXD; these show the transport seam
(``LxdClient(endpoint, transport=...)``) is enough to test the facade in isolation."""

from __future__ import annotations

import json
from collections.abc import AsyncIterable, AsyncIterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import grpc
import pytest

from bridge.errors import TransportError
from bridge.facade import FACADES
from bridge.facade.context import OneUpstream
from bridge.transport import Endpoint, Kind, LxdClient, LxdResponse, decode_response
from bridge.transport.connection import Query, with_query
from bridge.upstream import Upstream
from lxd.api.v1 import container_service_pb2 as cs
from lxd.api.v1.container_service_pb2_grpc import ContainerServiceStub

RECORDED = Path(__file__).parent / "testdata" / "lxd-5.0"


@dataclass
class RecordedTransport:
    """Answers each request with the recorded response to the same method, path and query;
    a request nothing was recorded for fails the test, naming it."""

    sent: list[str] = field(default_factory=list)
    #: Requests answered once with a TransportError (LXD gone) before their recorded answer.
    fail_once: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        index = json.loads((RECORDED / "INDEX.json").read_bytes())["files"]
        self.answers: dict[str, tuple[str, dict[str, Any]]] = {}
        # Where two recordings answer the same request (a create, and a create of a duplicate),
        # the plainer one (the shorter file name) is the answer.
        for name, entry in sorted(index.items(), key=lambda item: len(item[0])):
            target = entry["path"] + (f"?{entry['query']}" if entry["query"] else "")
            self.answers.setdefault(f"{entry['method']} {target}", (name, entry))

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
        key = f"{method} {with_query(path, query)}"
        self.sent.append(key)
        if key in self.fail_once:
            self.fail_once.discard(key)
            raise TransportError(f"{key}: connection reset (recorded failure)")
        if key not in self.answers:
            raise AssertionError(f"no recorded answer to {key}")
        name, entry = self.answers[key]
        answer_headers = {"etag": entry["etag"]} if "etag" in entry else {}
        return decode_response(entry["status"], (RECORDED / name).read_bytes(), answer_headers)


@pytest.fixture
async def recorded(tmp_path: Path) -> AsyncIterator[tuple[ContainerServiceStub, RecordedTransport]]:
    transport = RecordedTransport()
    # The endpoint is never dialled: every request with an envelope goes to the transport.
    client = LxdClient(Endpoint.parse(f"unix://{tmp_path}/no-lxd.socket"), transport=transport)
    await client.refresh_server()
    server = grpc.aio.server()
    upstreams = OneUpstream(Upstream(client))
    server.add_generic_rpc_handlers([facade(upstreams).generic_handler() for facade in FACADES])
    address = f"unix:{tmp_path}/bridge.sock"
    server.add_insecure_port(address)
    await server.start()
    try:
        async with grpc.aio.insecure_channel(address) as channel:
            yield ContainerServiceStub(channel), transport
    finally:
        await server.stop(None)
        await client.aclose()


async def test_get_container_reads_the_recorded_object_and_etag(
    recorded: tuple[ContainerServiceStub, RecordedTransport],
) -> None:
    containers, transport = recorded
    reply = await containers.GetContainer(cs.GetContainerRequest(name="golden-c1"), timeout=10)
    assert reply.container.name == "golden-c1"
    assert reply.container.config["user.comment"] == "golden"
    assert reply.etag == '"3ff1e269c441470d844ad5667c16a76638543063fb8c202a07a008bcb1d30bc2"'
    assert transport.sent[-1] == "GET /1.0/containers/golden-c1"


async def test_get_containers_reads_the_recorded_list(
    recorded: tuple[ContainerServiceStub, RecordedTransport],
) -> None:
    containers, transport = recorded
    reply = await containers.GetContainers(cs.GetContainersRequest(), timeout=10)
    assert [c.name for c in reply.containers] == ["golden-c1"]
    names = await containers.GetContainerNames(cs.GetContainerNamesRequest(), timeout=10)
    assert list(names.names) == ["golden-c1"]
    assert transport.sent[-2:] == ["GET /1.0/containers?recursion=1", "GET /1.0/containers"]


async def test_a_recorded_404_is_not_found_with_lxds_message(
    recorded: tuple[ContainerServiceStub, RecordedTransport],
) -> None:
    containers, _ = recorded
    with pytest.raises(grpc.aio.AioRpcError) as e:
        await containers.GetContainer(cs.GetContainerRequest(name="golden-missing"), timeout=10)
    assert e.value.code() == grpc.StatusCode.NOT_FOUND
    assert e.value.details() == "Instance not found"


async def test_an_async_call_returns_the_operation_lxd_started(
    recorded: tuple[ContainerServiceStub, RecordedTransport],
) -> None:
    containers, transport = recorded
    post = cs.CreateContainerRequest(wait=False)
    post.container.name = "golden-c1"
    post.container.source.type = "image"
    post.container.source.alias = "busybox"
    reply = await containers.CreateContainer(post, timeout=10)
    assert reply.operation.id == "dfd6e123-17cc-4c49-9978-3637c8696a4f"
    assert reply.operation.status == "Running"
    assert list(reply.operation.resources["instances"].values) == ["/1.0/instances/golden-c1"]
    assert transport.sent[-1] == "POST /1.0/containers"


OPERATION = "d23b199d-1377-4296-a11a-2a511f3d20ba"


async def test_operation_calls_refresh_the_server_after_a_transport_failure(
    tmp_path: Path,
) -> None:
    """Operation calls go through the client, as every other request does: after LXD was
    unreachable (it may have been restarted or upgraded), the next call asks GET /1.0 first.
    Before, the operation calls used the connection directly and skipped that."""
    transport = RecordedTransport(fail_once={f"GET /1.0/operations/{OPERATION}"})
    async with LxdClient(Endpoint.parse(f"unix://{tmp_path}/none"), transport=transport) as lxd:
        await lxd.refresh_server()
        with pytest.raises(TransportError):
            await lxd.operations.get(OPERATION)
        operation = await lxd.operations.get(OPERATION)
    assert operation["id"] == OPERATION
    assert transport.sent == [
        "GET /1.0",
        f"GET /1.0/operations/{OPERATION}",
        "GET /1.0",
        f"GET /1.0/operations/{OPERATION}",
    ]


async def test_a_resolver_chooses_the_upstream_of_every_call(tmp_path: Path) -> None:
    """The plug-in point of server selectors and identity sources: the servicers ask the
    resolver once per call, with the RPC, and send to the upstream it returns."""
    transport = RecordedTransport()
    client = LxdClient(Endpoint.parse(f"unix://{tmp_path}/none"), transport=transport)
    await client.refresh_server()
    upstream = Upstream(client, name="recorded")
    asked: list[str] = []

    class Recording:
        def resolve(self, context: Any, method: Any) -> Upstream:
            asked.append(method.name)
            return upstream

    server = grpc.aio.server()
    server.add_generic_rpc_handlers([facade(Recording()).generic_handler() for facade in FACADES])
    address = f"unix:{tmp_path}/bridge.sock"
    server.add_insecure_port(address)
    await server.start()
    try:
        async with grpc.aio.insecure_channel(address) as channel:
            containers = ContainerServiceStub(channel)
            await containers.GetContainerNames(cs.GetContainerNamesRequest(), timeout=10)
            await containers.GetContainer(cs.GetContainerRequest(name="golden-c1"), timeout=10)
    finally:
        await server.stop(None)
        await client.aclose()
    assert asked == ["GetContainerNames", "GetContainer"]
