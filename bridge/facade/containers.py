"""ContainerService: containers, snapshots, backups, state, logs, metadata (container_service).

Every unary RPC here is one kind of LXD call (bridge.facade.common); the streams are
:class:`~bridge.facade.instance_streams.InstanceStreams`', shared with InstanceService. The proto
says the rest. Migration is not in this service: see the comment at the top of
container_service.proto.
"""

from __future__ import annotations

from bridge.facade.common import (
    Async,
    Get,
    ListNames,
    ListObjects,
    Patch,
    Sync,
    service_descriptor,
)
from bridge.facade.instance_streams import InstanceStreams
from lxd.api.v1 import container_service_pb2

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
