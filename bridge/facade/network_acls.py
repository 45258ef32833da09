"""NetworkACLService: /1.0/network-acls (proto: network_acl_service).

Every RPC is one synchronous LXD call; the ACL's log is a raw download in chunks.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from bridge.facade.common import (
    CallContext,
    Facade,
    Get,
    ListNames,
    ListObjects,
    Patch,
    Sync,
    scope_query,
    service_descriptor,
)
from bridge.facade.streams import chunks
from lxd.api.v1 import network_acl_service_pb2
from lxd.api.v1.network_acl_service_pb2 import (
    GetNetworkACLLogfileRequest,
    GetNetworkACLLogfileResponse,
)

__all__ = ["NetworkACLFacade"]


class NetworkACLFacade(Facade):
    """/1.0/network-acls, /1.0/network-acls/<name> and its log."""

    service = service_descriptor(network_acl_service_pb2, "NetworkACLService")

    GetNetworkACLNames = ListNames()
    GetNetworkACLs = ListObjects()
    GetNetworkACL = Get()
    CreateNetworkACL = Sync()
    UpdateNetworkACL = Sync()
    PatchNetworkACL = Patch()
    RenameNetworkACL = Sync()
    DeleteNetworkACL = Sync()

    async def GetNetworkACLLogfile(
        self, request: GetNetworkACLLogfileRequest, call: CallContext
    ) -> AsyncIterator[GetNetworkACLLogfileResponse]:
        """GET .../log, raw, in chunks (an error answer is raised before the first chunk)."""
        path = self.route("GetNetworkACLLogfile").path(request)
        query = scope_query(request)
        async with call.lxd.stream("GET", path, query=query, timeout=call.remaining()) as raw:
            async for chunk in chunks(raw):
                yield GetNetworkACLLogfileResponse(data=chunk)
