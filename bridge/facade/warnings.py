"""WarningService: /1.0/warnings (proto: warning_service)."""

from __future__ import annotations

from bridge.facade.bodies import string_list
from bridge.facade.common import (
    CallContext,
    Facade,
    Get,
    ListObjects,
    Patch,
    Sync,
    name_from_url,
    scope_query,
    service_descriptor,
)
from lxd.api.v1 import warning_service_pb2
from lxd.api.v1.warning_service_pb2 import GetWarningUUIDsRequest, GetWarningUUIDsResponse

__all__ = ["WarningFacade"]


class WarningFacade(Facade):
    """GET /1.0/warnings and GET/PUT/PATCH/DELETE /1.0/warnings/<uuid>."""

    service = service_descriptor(warning_service_pb2, "WarningService")

    GetWarnings = ListObjects()
    GetWarning = Get()
    UpdateWarning = Sync()
    PatchWarning = Patch()
    DeleteWarning = Sync()

    async def GetWarningUUIDs(
        self, request: GetWarningUUIDsRequest, call: CallContext
    ) -> GetWarningUUIDsResponse:
        """The UUIDs of the warnings: the last segment of each URL LXD lists (as the Go client's
        GetWarningUUIDs; the response names them `uuids`, as GetOperationUUIDs does)."""
        route = self.route("GetWarningUUIDs")
        answer = await call.request("GET", route.path(request), query=scope_query(request))
        urls = string_list(answer.metadata)
        return GetWarningUUIDsResponse(uuids=[name_from_url(url) for url in urls])
