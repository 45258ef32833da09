"""ServerService through the real bridge and a real LXD: GET, PUT and PATCH /1.0, resources.

The sandbox's configuration is shared with other tests: only `user.*` keys are changed, and a
PUT always sends back everything LXD had.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import grpc
import pytest
from google.protobuf.field_mask_pb2 import FieldMask

from lxd.api.v1 import server_service_pb2 as pb
from lxd.api.v1.server_pb2 import ServerPut
from lxd.api.v1.server_service_pb2_grpc import ServerServiceStub
from tests.conftest import LxdSandbox
from tests.integration.conftest import error_details

pytestmark = pytest.mark.timeout(60)


@pytest.fixture
async def user_key(
    server: ServerServiceStub, unique_name: Callable[[str], str]
) -> AsyncIterator[str]:
    """A fresh `user.*` server key name, removed from the config afterwards."""
    key = "user." + unique_name("srv").replace("-", "_")
    try:
        yield key
    finally:
        put = ServerPut()
        put.config[key] = None
        await server.PatchServer(
            pb.PatchServerRequest(server=put, update_mask=FieldMask(paths=["config"]))
        )


async def test_get_api_versions_lists_1_0(server: ServerServiceStub) -> None:
    reply = await server.GetAPIVersions(pb.GetAPIVersionsRequest())
    assert list(reply.names) == ["1.0"]


async def test_get_server_returns_the_server_and_its_etag(
    server: ServerServiceStub, daemon: LxdSandbox
) -> None:
    reply = await server.GetServer(pb.GetServerRequest())
    assert reply.server.environment.server_version == daemon.lxd_version
    assert reply.server.auth == "trusted"
    assert "etag" in reply.server.api_extensions
    assert reply.server.config["core.https_address"] == daemon.https_address
    assert reply.etag


async def test_update_server_replaces_the_config_and_a_stale_etag_is_aborted(
    server: ServerServiceStub, user_key: str
) -> None:
    before = await server.GetServer(pb.GetServerRequest())
    put = ServerPut()
    put.config.update(before.server.config)
    put.config[user_key] = "blue"
    await server.UpdateServer(pb.UpdateServerRequest(server=put, etag=before.etag))
    after = await server.GetServer(pb.GetServerRequest())
    assert after.server.config[user_key] == "blue"
    assert after.server.config["core.https_address"] == before.server.config["core.https_address"]

    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await server.UpdateServer(pb.UpdateServerRequest(server=put, etag=before.etag))
    assert caught.value.code() == grpc.StatusCode.ABORTED
    details = error_details(caught.value)
    assert details.info.reason == "ABORTED"
    assert details.info.metadata["error_code"] == "412"


async def test_patch_server_merges_the_masked_config_keys(
    server: ServerServiceStub, user_key: str
) -> None:
    put = ServerPut()
    put.config[user_key] = "1"
    await server.PatchServer(
        pb.PatchServerRequest(server=put, update_mask=FieldMask(paths=["config"]))
    )
    config = (await server.GetServer(pb.GetServerRequest())).server.config
    assert config[user_key] == "1"
    assert "core.https_address" in config, "keys not sent are left alone"

    put.config[user_key] = None  # null removes the key
    await server.PatchServer(
        pb.PatchServerRequest(server=put, update_mask=FieldMask(paths=["config"]))
    )
    config = (await server.GetServer(pb.GetServerRequest())).server.config
    assert user_key not in config
    assert "core.https_address" in config


async def test_patch_server_with_an_empty_map_in_the_mask_changes_nothing(
    server: ServerServiceStub,
) -> None:
    before = (await server.GetServer(pb.GetServerRequest())).server.config
    await server.PatchServer(
        pb.PatchServerRequest(server=ServerPut(), update_mask=FieldMask(paths=["config"]))
    )
    assert (await server.GetServer(pb.GetServerRequest())).server.config == before


async def test_get_server_resources_reads_the_host(server: ServerServiceStub) -> None:
    reply = await server.GetServerResources(pb.GetServerResourcesRequest())
    assert reply.resources.cpu.total > 0
    assert reply.resources.memory.total > 0
