"""EventService.GetEvents through the real gRPC channel, against the sandbox LXD."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

import grpc
import orjson
import pytest

from bridge.errors import NotFound
from bridge.transport import LxdClient
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


@pytest.mark.parametrize(
    ("request_", "field"),
    [
        pytest.param(GetEventsRequest(types=["no-such-type"]), "types", id="unknown-type"),
        pytest.param(GetEventsRequest(types=["lifecycle", "ovn"]), "types", id="lxd-5.0-lacks"),
        pytest.param(
            GetEventsRequest(types=["lifecycle"], project="default", all_projects=True),
            "all_projects",
            id="project-and-all-projects",
        ),
    ],
)
async def test_a_filter_lxd_would_refuse_is_invalid_argument_and_leaves_no_hub(
    events: EventServiceStub, lxd: LxdClient, request_: GetEventsRequest, field: str
) -> None:
    before = lxd.events.hubs.keys()
    with pytest.raises(grpc.aio.AioRpcError) as e:
        await events.GetEvents(request_).read()
    assert e.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert error_details(e.value).info.metadata["field"] == field
    assert field in (e.value.details() or "")
    assert lxd.events.hubs.keys() == before


@pytest.fixture
async def project(lxd: LxdClient) -> AsyncIterator[str]:
    """A project of its own (through LXD's REST API: the bridge has no project RPCs yet), using
    the default project's profiles and images, deleted afterwards."""
    name = make_unique_name("evp")
    body = {"name": name, "config": {"features.profiles": "false", "features.images": "false"}}
    await lxd.request("POST", "/1.0/projects", json=body)
    try:
        yield name
    finally:
        with contextlib.suppress(NotFound):  # left behind by a failed test
            await lxd.operations.run(
                "DELETE",
                f"/1.0/containers/{CONTAINER}",
                query={"project": name},
                timeout=OP_TIMEOUT,
            )
        await lxd.request("DELETE", f"/1.0/projects/{name}")


CONTAINER = "t-evp-c1"


async def test_operations_and_events_in_a_project(
    events: EventServiceStub, containers: ContainerServiceStub, lxd: LxdClient, project: str
) -> None:
    marker = make_unique_name("evp-marker")  # a container in the default project
    in_project = events.GetEvents(GetEventsRequest(types=["lifecycle"], project=project))
    everywhere = events.GetEvents(GetEventsRequest(types=["lifecycle"], all_projects=True))
    in_default = events.GetEvents(GetEventsRequest(types=["lifecycle"]))
    for call in (in_project, everywhere, in_default):
        await call.initial_metadata()
    try:
        post = container_pb2.ContainersPost(
            name=CONTAINER, source=container_pb2.ContainerSource(type="image", alias="busybox")
        )
        # Waited for through the project's operation events (before: DEADLINE_EXCEEDED).
        created = await containers.CreateContainer(
            CreateContainerRequest(container=post, project=project, wait=True), timeout=OP_TIMEOUT
        )
        assert created.operation.status == "Success"
        deleted = await containers.DeleteContainer(
            DeleteContainerRequest(name=CONTAINER, project=project, wait=True), timeout=OP_TIMEOUT
        )
        assert deleted.operation.status == "Success"

        def actions(seen: list[GetEventsResponse]) -> list[str]:
            return [
                r.lifecycle.action
                for r in seen
                if r.lifecycle.source.startswith(f"/1.0/instances/{CONTAINER}")
            ]

        for call in (in_project, everywhere):
            seen = await read_until(call, lambda s: "instance-deleted" in actions(s))
            assert actions(seen) == ["instance-created", "instance-deleted"]
            ours = [r for r in seen if r.lifecycle.source.startswith(f"/1.0/instances/{CONTAINER}")]
            assert {r.event.project for r in ours} == {project}
        # The default project's subscribers do not see it: a marker event in the default
        # project arrives with nothing about the container before it.
        await containers.CreateContainer(
            CreateContainerRequest(
                container=container_pb2.ContainersPost(
                    name=marker, source=container_pb2.ContainerSource(type="none")
                ),
                wait=True,
            )
        )
        await containers.DeleteContainer(DeleteContainerRequest(name=marker, wait=True))
        seen = await read_until(
            in_default, lambda s: any(r.lifecycle.source.endswith(marker) for r in s)
        )
        assert actions(seen) == []
    finally:
        for call in (in_project, everywhere, in_default):
            call.cancel()
        with contextlib.suppress(NotFound):
            await lxd.operations.run("DELETE", f"/1.0/containers/{marker}", timeout=OP_TIMEOUT)
