"""ContainerService: containers, snapshots, backups, state, logs, metadata (container_service).

Every unary RPC here is one kind of LXD call (bridge.facade.common); the streams are
:class:`~bridge.facade.instance_streams.InstanceStreams`', shared with InstanceService. The proto
says the rest. Migration is not in this service: see the comment at the top of
container_service.proto.
"""

from __future__ import annotations

from bridge.facade.common import (
    Async,
    CallContext,
    Get,
    ListNames,
    ListObjects,
    Patch,
    Sync,
    decode,
    service_descriptor,
)
from bridge.facade.instance_streams import InstanceStreams
from bridge.migration import CopyArgs, copy_instance, source_context
from lxd.api.v1 import container_service_pb2, operation_pb2

__all__ = ["ContainerFacade"]


class ContainerFacade(InstanceStreams):
    """/1.0/containers and everything under it."""

    service = service_descriptor(container_service_pb2, "ContainerService")
    # The streams (ExecContainer, GetContainerFile, ...) are bound by InstanceStreams.
    noun = "Container"

    GetContainerNames = ListNames()
    GetContainers = ListObjects()
    GetContainersFull = ListObjects(recursion=2)
    GetContainer = Get()
    CreateContainer = Async()
    UpdateContainer = Async()
    PatchContainer = Patch()
    RenameContainer = Async()
    DeleteContainer = Async()

    GetContainerState = Get()
    UpdateContainerState = Async()

    GetContainerSnapshotNames = ListNames()
    GetContainerSnapshots = ListObjects()
    GetContainerSnapshot = Get()
    CreateContainerSnapshot = Async()
    RenameContainerSnapshot = Async()
    DeleteContainerSnapshot = Async()

    GetContainerBackupNames = ListNames()
    GetContainerBackups = ListObjects()
    GetContainerBackup = Get()
    CreateContainerBackup = Async()
    RenameContainerBackup = Async()
    DeleteContainerBackup = Async()

    GetContainerLogfiles = ListNames()
    DeleteContainerLogfile = Sync()
    GetContainerMetadata = Get()
    SetContainerMetadata = Sync()
    GetContainerTemplateFiles = ListNames(urls=False)

    DeleteContainerConsoleLog = Sync()

    async def CopyContainer(
        self, request: container_service_pb2.CopyContainerRequest, call: CallContext
    ) -> container_service_pb2.CopyContainerResponse:
        """A copy from another server of the bridge, or on one server (bridge/migration.py)."""
        source = source_context(
            self.upstreams,
            call,
            request.source_server,
            request.source_project,
            field="source_server",
        )
        args = request.args
        result = await copy_instance(
            source,
            call,
            request.name,
            CopyArgs(args.name, args.live, args.container_only, args.mode or "pull", args.refresh),
            wait=request.wait,
            member=request.target,
        )
        return container_service_pb2.CopyContainerResponse(
            operation=decode(operation_pb2.Operation, result.operation),
            operation_server=result.server.upstream.name,
        )
