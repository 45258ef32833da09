"""NetworkService: /1.0/networks (proto: network_service)."""

from __future__ import annotations

from bridge.facade.common import (
    Facade,
    Get,
    ListNames,
    ListObjects,
    Patch,
    Sync,
    service_descriptor,
)
from lxd.api.v1 import network_service_pb2

__all__ = ["NetworkFacade"]


class NetworkFacade(Facade):
    """/1.0/networks, /1.0/networks/<name>, its leases, state, forwards and peers."""

    service = service_descriptor(network_service_pb2, "NetworkService")

    GetNetworkNames = ListNames()
    GetNetworks = ListObjects()
    GetNetwork = Get()
    GetNetworkLeases = ListObjects()  # a list of objects without recursion; recursion=1 is harmless
    GetNetworkState = Get()
    CreateNetwork = Sync()
    UpdateNetwork = Sync()
    PatchNetwork = Patch()
    RenameNetwork = Sync()
    DeleteNetwork = Sync()

    GetNetworkForwardAddresses = ListNames()  # the URLs end in the listen addresses
    GetNetworkForwards = ListObjects()
    GetNetworkForward = Get()
    CreateNetworkForward = Sync()
    UpdateNetworkForward = Sync()
    PatchNetworkForward = Patch()
    DeleteNetworkForward = Sync()

    GetNetworkPeerNames = ListNames()
    GetNetworkPeers = ListObjects()
    GetNetworkPeer = Get()
    CreateNetworkPeer = Sync()
    UpdateNetworkPeer = Sync()
    PatchNetworkPeer = Patch()
    DeleteNetworkPeer = Sync()
