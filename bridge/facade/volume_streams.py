"""The streaming RPCs of StoragePoolService: a custom volume's backup export and import.

:class:`VolumeStreams` is a mixin of :class:`~bridge.facade.storage_pools.StoragePoolFacade`, as
ContainerStreams is of the container service. Like the container backups, the tarball is never
whole in the bridge: the export is LXD's body cut in chunks as the client takes them, the import
hands LXD the client's chunks as LXD reads the body (bridge.facade.streams).
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from bridge.facade.common import CallContext, Facade, decode, header_value, scope_query
from bridge.facade.streams import Upload, chunks, first_request
from lxd.api.v1 import operation_pb2
from lxd.api.v1.storage_pool_service_pb2 import (
    CreateStoragePoolVolumeFromBackupRequest,
    CreateStoragePoolVolumeFromBackupResponse,
    GetStoragePoolVolumeBackupFileRequest,
    GetStoragePoolVolumeBackupFileResponse,
)

__all__ = ["VolumeStreams"]

_OCTET_STREAM = "application/octet-stream"


class VolumeStreams(Facade):
    """Volume backup export and import (mixed into StoragePoolFacade)."""

    async def GetStoragePoolVolumeBackupFile(
        self, request: GetStoragePoolVolumeBackupFileRequest, call: CallContext
    ) -> AsyncIterator[GetStoragePoolVolumeBackupFileResponse]:
        """GET .../backups/<b>/export, raw, in chunks (an error is raised before the first)."""
        path = self.route("GetStoragePoolVolumeBackupFile").path(request)
        query = scope_query(request)
        async with call.lxd.stream("GET", path, query=query, timeout=call.remaining()) as raw:
            async for chunk in chunks(raw):
                yield GetStoragePoolVolumeBackupFileResponse(data=chunk)

    async def CreateStoragePoolVolumeFromBackup(
        self, requests: AsyncIterator[CreateStoragePoolVolumeFromBackupRequest], call: CallContext
    ) -> CreateStoragePoolVolumeFromBackupResponse:
        """POST /1.0/storage-pools/<pool>/volumes/custom with the tarball as the body."""
        first, rest = await first_request(requests)
        call = call.scoped(first)
        headers = {"Content-Type": _OCTET_STREAM}
        if first.name:
            headers[call.dialect.header("name")] = header_value(first.name, "name")
        operation = await call.operation(
            "POST",
            self.route("CreateStoragePoolVolumeFromBackup").path(first),
            wait=first.wait,
            query=scope_query(first),
            headers=headers,
            content=Upload(first, rest),
        )
        return CreateStoragePoolVolumeFromBackupResponse(
            operation=decode(operation_pb2.Operation, operation)
        )
