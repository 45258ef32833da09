"""NetworkZoneService: /1.0/network-zones and their records (proto: network_zone_service).

Every RPC is one synchronous LXD call.
"""

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
from lxd.api.v1 import network_zone_service_pb2

__all__ = ["NetworkZoneFacade"]


class NetworkZoneFacade(Facade):
    """/1.0/network-zones[/<zone>[/records[/<name>]]]."""

    service = service_descriptor(network_zone_service_pb2, "NetworkZoneService")

    GetNetworkZoneNames = ListNames()
    GetNetworkZones = ListObjects()
    GetNetworkZone = Get()
    CreateNetworkZone = Sync()
    UpdateNetworkZone = Sync()
    PatchNetworkZone = Patch()
    DeleteNetworkZone = Sync()

    GetNetworkZoneRecordNames = ListNames()
    GetNetworkZoneRecords = ListObjects()
    GetNetworkZoneRecord = Get()
    CreateNetworkZoneRecord = Sync()
    UpdateNetworkZoneRecord = Sync()
    PatchNetworkZoneRecord = Patch()
    DeleteNetworkZoneRecord = Sync()
