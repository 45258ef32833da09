"""NetworkService through the real bridge and a real LXD: every RPC, as a client sees it.

Each test makes its own bridges, named `tg<8 hex>` (Linux interface names have at most 15
characters, too few for unique_name()), without addresses so that nothing runs on them, and
deletes them afterwards through the transport. The sandbox's own network is only read.
"""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator

import grpc
import pytest
from google.protobuf.field_mask_pb2 import FieldMask

from bridge.objects import writable
from bridge.transport import LxdClient
from lxd.api.v1 import network_pb2
from lxd.api.v1 import network_service_pb2 as pb
from lxd.api.v1.network_service_pb2_grpc import NetworkServiceStub
from tests.conftest import LxdSandbox
from tests.integration.conftest import error_details
from tests.integration.support import delete_network, per_family

pytestmark = pytest.mark.timeout(60)

NO_ADDRESSES = {"ipv4.address": "none", "ipv6.address": "none"}


@pytest.fixture(scope="module")
def networks(channel: grpc.aio.Channel) -> NetworkServiceStub:
    """NetworkService client."""
    return NetworkServiceStub(channel)


def bridge_name() -> str:
    """A unique interface name: `tg` + 8 hex digits (10 characters)."""
    return "tg" + secrets.token_hex(4)


async def quiet_delete(lxd: LxdClient, name: str) -> None:
    """Delete a network through the transport; quiet if it is already gone."""
    await delete_network(lxd, name)


@pytest.fixture
async def network(lxd: LxdClient, networks: NetworkServiceStub) -> AsyncIterator[str]:
    """A new managed bridge without addresses, created through the bridge."""
    name = bridge_name()
    post = network_pb2.NetworksPost(
        name=name,
        type="bridge",
        description="made by a test",
        config={**NO_ADDRESSES, "user.keep": "1"},
    )
    try:
        await networks.CreateNetwork(pb.CreateNetworkRequest(network=post))
        yield name
    finally:
        await quiet_delete(lxd, name)


async def test_created_network_is_listed_and_read_with_its_etag(
    networks: NetworkServiceStub, network: str, daemon: LxdSandbox
) -> None:
    names = await networks.GetNetworkNames(pb.GetNetworkNamesRequest())
    assert {network, daemon.network} <= set(names.names)

    listed = await networks.GetNetworks(pb.GetNetworksRequest())
    (mine,) = [n for n in listed.networks if n.name == network]
    assert mine.managed and mine.type == "bridge"

    got = await networks.GetNetwork(pb.GetNetworkRequest(name=network))
    assert got.network.name == network
    assert got.network.description == "made by a test"
    assert got.network.config["user.keep"] == "1"
    assert got.network.config["ipv4.address"] == "none"
    assert got.network.status == "Created"
    assert got.etag


async def test_leases_and_state_of_a_bridge(networks: NetworkServiceStub, network: str) -> None:
    leases = await networks.GetNetworkLeases(pb.GetNetworkLeasesRequest(name=network))
    assert list(leases.leases) == [], "no DHCP without addresses"

    state = await networks.GetNetworkState(pb.GetNetworkStateRequest(name=network))
    assert state.state.type == "broadcast"
    assert state.state.mtu == 1500
    assert state.state.hwaddr


async def test_a_missing_network_is_not_found_with_lxds_message(
    networks: NetworkServiceStub,
) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await networks.GetNetwork(pb.GetNetworkRequest(name=bridge_name()))
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    details = error_details(caught.value)
    assert details.info.reason == "NOT_FOUND"
    assert details.info.metadata["error_code"] == "404"
    assert details.info.metadata["error"] == caught.value.details()


async def test_creating_a_taken_name_is_lxds_400_invalid_argument(
    networks: NetworkServiceStub, network: str, daemon: LxdSandbox
) -> None:
    post = network_pb2.NetworksPost(name=network, type="bridge", config=NO_ADDRESSES)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await networks.CreateNetwork(pb.CreateNetworkRequest(network=post))
    code, status, message = per_family(  # Incus answers a taken name with 409
        daemon,
        lxd=(grpc.StatusCode.INVALID_ARGUMENT, "400", "The network already exists"),
        incus=(grpc.StatusCode.ALREADY_EXISTS, "409", f'Network "{network}" already exists'),
    )
    assert caught.value.code() == code
    assert caught.value.details() == message
    assert error_details(caught.value).info.metadata["error_code"] == status


async def test_update_replaces_the_config_and_a_stale_etag_is_aborted(
    networks: NetworkServiceStub, network: str
) -> None:
    got = await networks.GetNetwork(pb.GetNetworkRequest(name=network))
    put = writable(got.network)
    assert isinstance(put, network_pb2.NetworkPut)
    del put.config["user.keep"]
    put.config["user.color"] = "blue"
    await networks.UpdateNetwork(pb.UpdateNetworkRequest(name=network, network=put, etag=got.etag))

    after = await networks.GetNetwork(pb.GetNetworkRequest(name=network))
    assert after.network.config["user.color"] == "blue"
    assert "user.keep" not in after.network.config, "PUT replaces the configuration"
    assert after.etag != got.etag

    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await networks.UpdateNetwork(
            pb.UpdateNetworkRequest(name=network, network=put, etag=got.etag)
        )
    assert caught.value.code() == grpc.StatusCode.ABORTED
    assert error_details(caught.value).info.metadata["error_code"] == "412"


async def test_patch_sends_only_the_masked_fields(
    networks: NetworkServiceStub, network: str
) -> None:
    got = await networks.GetNetwork(pb.GetNetworkRequest(name=network))
    patch = network_pb2.NetworkPut(config={"user.added": "2"}, description="")
    await networks.PatchNetwork(
        pb.PatchNetworkRequest(
            name=network, network=patch, update_mask=FieldMask(paths=["config"]), etag=got.etag
        )
    )
    after = (await networks.GetNetwork(pb.GetNetworkRequest(name=network))).network
    assert after.config["user.keep"] == "1", "LXD merges config keys"
    assert after.config["user.added"] == "2"
    # LXD itself resets a network's description on PATCH when the key is absent (as for
    # containers): the only other field, so the presence test is on config below.
    assert after.description == ""

    await networks.PatchNetwork(
        pb.PatchNetworkRequest(
            name=network, network=network_pb2.NetworkPut(), update_mask=FieldMask(paths=["config"])
        )
    )
    kept = (await networks.GetNetwork(pb.GetNetworkRequest(name=network))).network
    assert kept.config == after.config, "config {} merges nothing: LXD keeps every key"

    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await networks.PatchNetwork(
            pb.PatchNetworkRequest(
                name=network,
                network=patch,
                update_mask=FieldMask(paths=["config"]),
                etag=got.etag,  # stale: the first patch changed the network
            )
        )
    assert caught.value.code() == grpc.StatusCode.ABORTED


async def test_rename_then_delete(
    lxd: LxdClient, networks: NetworkServiceStub, network: str, daemon: LxdSandbox
) -> None:
    renamed = bridge_name()
    try:
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await networks.RenameNetwork(
                pb.RenameNetworkRequest(
                    name=network, network=network_pb2.NetworkPost(name=daemon.network)
                )
            )
        assert caught.value.code() == grpc.StatusCode.ALREADY_EXISTS
        assert error_details(caught.value).info.metadata["error_code"] == "409"

        await networks.RenameNetwork(
            pb.RenameNetworkRequest(name=network, network=network_pb2.NetworkPost(name=renamed))
        )
        names = (await networks.GetNetworkNames(pb.GetNetworkNamesRequest())).names
        assert renamed in names and network not in names

        await networks.DeleteNetwork(pb.DeleteNetworkRequest(name=renamed))
        names = (await networks.GetNetworkNames(pb.GetNetworkNamesRequest())).names
        assert renamed not in names

        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await networks.DeleteNetwork(pb.DeleteNetworkRequest(name=renamed))
        assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    finally:
        await quiet_delete(lxd, renamed)


async def test_an_empty_name_is_invalid_argument_before_lxd_is_asked(
    networks: NetworkServiceStub,
) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await networks.DeleteNetwork(pb.DeleteNetworkRequest(name=""))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert error_details(caught.value).info.metadata["field"] == "name"
