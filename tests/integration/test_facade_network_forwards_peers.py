"""Network address forwards and peers (NetworkService) through the real bridge and a real LXD.

Forwards: LXD 5.0.2 (and Incus 6.0.4) cannot create a forward on a bridge whose `ipv4.address`
is "none" (it parses "none" as a CIDR: "Failed creating forward: invalid CIDR address: none", a
500), and the bridges here carry no addresses. A bridge whose address keys are unset is set up
exactly as one with "none" (no address, no dnsmasq: lxd/network/driver_bridge.go treats "" and
"none" alike), and the daemon takes a forward on it: each test makes such a bridge (`tf<8 hex>`:
created with "none", the two keys then removed by a PUT) and a forward listening on a loopback
address (127.0.x.y), so the only rules installed match traffic to that address. Both go
afterwards, through the transport.

Peers are for OVN networks only; the sandbox has no OVN: the tests prove that the daemon's
refusal on a bridge reaches the client as a clean status with its message.
"""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import AsyncIterator

import grpc
import pytest
from google.protobuf.field_mask_pb2 import FieldMask

from bridge.errors import NotFound
from bridge.objects import writable
from bridge.transport import LxdClient
from lxd.api.v1 import network_forward_pb2, network_peer_pb2
from lxd.api.v1 import network_service_pb2 as pb
from lxd.api.v1.network_service_pb2_grpc import NetworkServiceStub
from tests.conftest import LxdSandbox
from tests.integration.conftest import error_details
from tests.integration.support import delete_network

pytestmark = pytest.mark.timeout(60)

Port = network_forward_pb2.NetworkForwardPort
WEB = Port(
    description="web",
    protocol="tcp",
    listen_port="8080",
    target_port="80",
    target_address="127.0.0.97",
)


@pytest.fixture(scope="module")
def networks(channel: grpc.aio.Channel) -> NetworkServiceStub:
    """NetworkService client."""
    return NetworkServiceStub(channel)


@pytest.fixture
async def bridge_without_addresses(lxd: LxdClient) -> AsyncIterator[str]:
    """A managed bridge created with ipv4/ipv6.address "none", then both keys removed (no
    address either way), through the transport; deleted with its forwards afterwards."""
    name = "tf" + secrets.token_hex(4)
    await lxd.request(
        "POST",
        "/1.0/networks",
        json={
            "name": name,
            "type": "bridge",
            "config": {"ipv4.address": "none", "ipv6.address": "none"},
        },
    )
    try:
        await lxd.request("PUT", f"/1.0/networks/{name}", json={"config": {}, "description": ""})
        yield name
    finally:
        with contextlib.suppress(NotFound):
            for url in (await lxd.get(f"/1.0/networks/{name}/forwards")).metadata or []:
                with contextlib.suppress(NotFound):
                    await lxd.request("DELETE", url.split("?", 1)[0])
        await delete_network(lxd, name)


def listen_address() -> str:
    """A loopback address of its own for each test: 127.0.<1-254>.<1-254>."""
    return f"127.0.{secrets.randbelow(254) + 1}.{secrets.randbelow(254) + 1}"


async def test_forward_crud_on_a_bridge_without_addresses(
    networks: NetworkServiceStub, bridge_without_addresses: str
) -> None:
    net, address = bridge_without_addresses, listen_address()
    post = network_forward_pb2.NetworkForwardsPost(
        listen_address=address, description="made by a test", config={"user.keep": "1"}
    )
    await networks.CreateNetworkForward(pb.CreateNetworkForwardRequest(network=net, forward=post))

    names = await networks.GetNetworkForwardAddresses(
        pb.GetNetworkForwardAddressesRequest(network=net)
    )
    assert list(names.names) == [address]
    got = await networks.GetNetworkForward(
        pb.GetNetworkForwardRequest(network=net, listen_address=address)
    )
    listed = await networks.GetNetworkForwards(pb.GetNetworkForwardsRequest(network=net))
    assert list(listed.forwards) == [got.forward] and got.etag
    forward = got.forward
    assert (forward.listen_address, forward.description) == (address, "made by a test")
    assert dict(forward.config) == {"user.keep": "1"} and list(forward.ports) == []
    assert forward.location == "none", "LXD 5.0.2 says none outside a cluster"
    assert "ports" in forward.empty_keys, "LXD sent [] for ports"

    put = writable(forward)
    assert isinstance(put, network_forward_pb2.NetworkForwardPut)
    put.ports.append(WEB)
    put.description = "with a port"
    await networks.UpdateNetworkForward(
        pb.UpdateNetworkForwardRequest(
            network=net, listen_address=address, forward=put, etag=got.etag
        )
    )
    after = await networks.GetNetworkForward(
        pb.GetNetworkForwardRequest(network=net, listen_address=address)
    )
    assert list(after.forward.ports) == [WEB]
    assert after.forward.description == "with a port"
    assert after.etag != got.etag
    # LXD 5.0.2 sends a forward's ETag but never checks If-Match on it (lxd/network_forwards.go
    # has no EtagCheck): a stale etag goes through. The proto says so.
    put.description = "stale etag, accepted"
    await networks.UpdateNetworkForward(
        pb.UpdateNetworkForwardRequest(
            network=net, listen_address=address, forward=put, etag=got.etag
        )
    )

    # PATCH: config merged, ports kept when left out, description reset when left out.
    patch = network_forward_pb2.NetworkForwardPut(config={"user.added": "2"})
    await networks.PatchNetworkForward(
        pb.PatchNetworkForwardRequest(
            network=net,
            listen_address=address,
            forward=patch,
            update_mask=FieldMask(paths=["config"]),
        )
    )
    patched = (
        await networks.GetNetworkForward(
            pb.GetNetworkForwardRequest(network=net, listen_address=address)
        )
    ).forward
    assert dict(patched.config) == {"user.keep": "1", "user.added": "2"}
    assert list(patched.ports) == [WEB]
    assert patched.description == ""

    await networks.DeleteNetworkForward(
        pb.DeleteNetworkForwardRequest(network=net, listen_address=address)
    )
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await networks.GetNetworkForward(
            pb.GetNetworkForwardRequest(network=net, listen_address=address)
        )
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    assert error_details(caught.value).info.metadata["error_code"] == "404"


async def test_a_forward_on_a_bridge_with_address_none_is_lxds_500_with_its_message(
    networks: NetworkServiceStub, daemon: LxdSandbox
) -> None:
    # The sandbox's own bridge has ipv4.address=none: LXD 5.0.2 fails before it stores anything.
    post = network_forward_pb2.NetworkForwardsPost(listen_address=listen_address())
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await networks.CreateNetworkForward(
            pb.CreateNetworkForwardRequest(network=daemon.network, forward=post)
        )
    assert caught.value.code() == grpc.StatusCode.INTERNAL
    assert caught.value.details() == "Failed creating forward: invalid CIDR address: none"
    assert error_details(caught.value).info.metadata["error_code"] == "500"
    names = await networks.GetNetworkForwardAddresses(
        pb.GetNetworkForwardAddressesRequest(network=daemon.network)
    )
    assert list(names.names) == []


PEER_REFUSAL = 'Network driver "bridge" does not support peering'


async def test_peers_are_ovn_only_and_every_peer_rpc_gets_lxds_refusal(
    networks: NetworkServiceStub, daemon: LxdSandbox
) -> None:
    net = daemon.network
    post = network_peer_pb2.NetworkPeersPost(
        name="p1", target_project="default", target_network="elsewhere"
    )
    put = network_peer_pb2.NetworkPeerPut(description="x", config={"user.a": "1"})
    calls = {
        "GetNetworkPeerNames": networks.GetNetworkPeerNames(
            pb.GetNetworkPeerNamesRequest(network=net)
        ),
        "GetNetworkPeers": networks.GetNetworkPeers(pb.GetNetworkPeersRequest(network=net)),
        "GetNetworkPeer": networks.GetNetworkPeer(pb.GetNetworkPeerRequest(network=net, name="p1")),
        "CreateNetworkPeer": networks.CreateNetworkPeer(
            pb.CreateNetworkPeerRequest(network=net, peer=post)
        ),
        "UpdateNetworkPeer": networks.UpdateNetworkPeer(
            pb.UpdateNetworkPeerRequest(network=net, name="p1", peer=put)
        ),
        "PatchNetworkPeer": networks.PatchNetworkPeer(
            pb.PatchNetworkPeerRequest(
                network=net, name="p1", peer=put, update_mask=FieldMask(paths=["config"])
            )
        ),
        "DeleteNetworkPeer": networks.DeleteNetworkPeer(
            pb.DeleteNetworkPeerRequest(network=net, name="p1")
        ),
    }
    seen = {}
    for rpc, call in calls.items():
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await call
        details = error_details(caught.value)
        seen[rpc] = (
            caught.value.code(),
            caught.value.details(),
            details.info.metadata["error_code"],
        )
    assert seen == dict.fromkeys(calls, (grpc.StatusCode.INVALID_ARGUMENT, PEER_REFUSAL, "400"))
