"""EventService.GetEvents through the real gRPC channel, against the sandbox LXD."""

from __future__ import annotations

import asyncio
from typing import Any

import grpc
import orjson
import pytest

from lxd.api.v1 import container_pb2
from lxd.api.v1.container_service_pb2 import CreateContainerRequest, DeleteContainerRequest
from lxd.api.v1.container_service_pb2_grpc import ContainerServiceStub
from lxd.api.v1.event_service_pb2 import GetEventsRequest, GetEventsResponse
from lxd.api.v1.event_service_pb2_grpc import EventServiceStub
from tests.conftest import make_unique_name
from tests.integration.conftest import error_details
from tests.integration.support import OP_TIMEOUT

pytestmark = pytest.mark.timeout(120)


@pytest.fixture(scope="module")
def events(channel: grpc.aio.Channel) -> EventServiceStub:
    """EventService client."""
    return EventServiceStub(channel)


async def read_until(call: Any, done: Any, limit: float = OP_TIMEOUT) -> list[GetEventsResponse]:
    """Responses of a GetEvents call until ``done(seen)`` holds."""
    seen: list[GetEventsResponse] = []
    async with asyncio.timeout(limit):
        while not done(seen):
            seen.append(await call.read())
    return seen


async def test_subscribers_see_the_lifecycle_of_a_container(
    events: EventServiceStub, containers: ContainerServiceStub
) -> None:
    name = make_unique_name("ev")
    lifecycle = events.GetEvents(GetEventsRequest(types=["lifecycle"]))
    everything = events.GetEvents(GetEventsRequest(types=["lifecycle", "operation"]))
    await lifecycle.initial_metadata()  # subscribed: nothing from here on is missed
    await everything.initial_metadata()
    try:
        post = container_pb2.ContainersPost(
            name=name, source=container_pb2.ContainerSource(type="image", alias="busybox")
        )
        await containers.CreateContainer(CreateContainerRequest(container=post, wait=True))
        await containers.DeleteContainer(DeleteContainerRequest(name=name, wait=True))

        def about(seen: list[GetEventsResponse]) -> list[str]:
            return [
                r.lifecycle.action
                for r in seen
                if r.WhichOneof("metadata") == "lifecycle" and r.lifecycle.source.endswith(name)
            ]

        seen = await read_until(lifecycle, lambda s: "instance-deleted" in about(s))
        assert about(seen)[0] == "instance-created"
        for response in seen:
            assert response.event.type == "lifecycle"
            assert response.WhichOneof("metadata") == "lifecycle"
            assert response.event.timestamp.seconds > 0
            # The raw metadata is exactly LXD's, and the typed view agrees with it.
            raw = orjson.loads(response.event.metadata)
            assert raw["action"] == response.lifecycle.action
            assert raw["source"] == response.lifecycle.source

        # The second subscriber also gets the operations, typed.
        seen = await read_until(everything, lambda s: "instance-deleted" in about(s))
        operations = [r for r in seen if r.WhichOneof("metadata") == "operation"]
        assert operations and all(r.event.type == "operation" for r in operations)
        assert any(r.operation.status == "Success" for r in operations)
        assert {r.operation.id for r in operations} >= {
            orjson.loads(r.event.metadata)["id"] for r in operations
        }
    finally:
        lifecycle.cancel()
        everything.cancel()
        try:
            await containers.DeleteContainer(DeleteContainerRequest(name=name, wait=True))
        except grpc.aio.AioRpcError as e:
            assert e.code() == grpc.StatusCode.NOT_FOUND


async def test_unknown_event_type_is_lxds_error(events: EventServiceStub) -> None:
    call = events.GetEvents(GetEventsRequest(types=["no-such-type"]))
    with pytest.raises(grpc.aio.AioRpcError) as e:
        await call.read()
    # LXD 5.0.2 refuses it with a 500 (changes_since.md expected a 400): its code, its message.
    assert e.value.code() in (grpc.StatusCode.INTERNAL, grpc.StatusCode.INVALID_ARGUMENT)
    assert error_details(e.value).info.metadata["error_code"] in ("400", "500")
    assert e.value.details() == '"no-such-type" isn\'t a supported event type'
