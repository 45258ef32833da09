"""ContainerService: containers, snapshots, backups, state, logs, metadata (container_service).

Every RPC here is one kind of LXD call (bridge.facade.common); the proto says the rest. The
streaming calls (exec, console, files, log and template contents, backup export) and migration
are not in this service yet: see the comment at the top of container_service.proto.
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
from bridge.facade.container_streams import ContainerStreams
from lxd.api.v1 import container_service_pb2

__all__ = ["ContainerFacade"]


class ContainerFacade(ContainerStreams):  # the streaming RPCs: container_streams.py
    """/1.0/containers and everything under it that is not a stream."""

    service = service_descriptor(container_service_pb2, "ContainerService")

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
    GetContainerMetadata = Get()
    SetContainerMetadata = Sync()
    GetContainerTemplateFiles = ListNames(urls=False)
