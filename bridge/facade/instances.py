"""InstanceService: instances (containers and virtual machines) and everything under them
(instance_service).

The unary RPCs are kinds of LXD call (bridge.facade.common), the streams
:class:`~bridge.facade.instance_streams.InstanceStreams`', the same implementation
ContainerService binds. Only what has no container twin is written here.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from bridge.facade.bodies import string_list
from bridge.facade.common import (
    Async,
    CallContext,
    Get,
    ListNames,
    ListObjects,
    Patch,
    Sync,
    name_from_url,
    query_of,
    service_descriptor,
)
from bridge.facade.instance_streams import InstanceStreams
from lxd.api.v1 import instance_service_pb2
from lxd.api.v1.instance_service_pb2 import (
    GetInstanceNamesAllProjectsRequest,
    GetInstanceNamesAllProjectsResponse,
)

__all__ = ["InstanceFacade"]

#: The list RPCs' query parameters besides ``project``: instance-type, filter (and all-projects).
_LIST = ("instance_type", "filter")


class InstanceFacade(InstanceStreams):
    """/1.0/instances and everything under it."""

    service = service_descriptor(instance_service_pb2, "InstanceService")
    # The streams (ExecInstance, GetInstanceFile, ...) are bound by InstanceStreams.
    noun = "Instance"

    GetInstanceNames = ListNames(*_LIST)
    GetInstances = ListObjects(*_LIST, "all_projects")
    GetInstancesFull = ListObjects(*_LIST, "all_projects", recursion=2)
    GetInstance = Get()
    GetInstanceFull = Get(recursion=1)
    CreateInstance = Async()
    UpdateInstance = Async()
    PatchInstance = Patch()
    RenameInstance = Async()
    MigrateInstance = Async()
    DeleteInstance = Async()
    UpdateInstances = Async()

    GetInstanceState = Get()
    UpdateInstanceState = Async()

    GetInstanceSnapshotNames = ListNames()
    GetInstanceSnapshots = ListObjects()
    GetInstanceSnapshot = Get()
    CreateInstanceSnapshot = Async()
    RenameInstanceSnapshot = Async()
    DeleteInstanceSnapshot = Async()
    UpdateInstanceSnapshot = Async()
    PatchInstanceSnapshot = Patch()

    GetInstanceBackupNames = ListNames()
    GetInstanceBackups = ListObjects()
    GetInstanceBackup = Get()
    CreateInstanceBackup = Async()
    RenameInstanceBackup = Async()
    DeleteInstanceBackup = Async()

    GetInstanceLogfiles = ListNames()
    DeleteInstanceLogfile = Sync()
    GetInstanceMetadata = Get()
    UpdateInstanceMetadata = Sync()
    PatchInstanceMetadata = Patch()
    GetInstanceTemplateFiles = ListNames(urls=False)

    DeleteInstanceConsoleLog = Sync()

    async def GetInstanceNamesAllProjects(
        self, request: GetInstanceNamesAllProjectsRequest, call: CallContext
    ) -> GetInstanceNamesAllProjectsResponse:
        """GET /1.0/instances?all-projects=true: each URL's ``project`` parameter (none: the
        default project) says whose name it is."""
        route = self.route("GetInstanceNamesAllProjects")
        query = {**query_of(request, _LIST), "all-projects": "true"}
        answer = await call.request("GET", route.path(request), query=query)
        reply = GetInstanceNamesAllProjectsResponse()
        for url in string_list(answer.metadata):
            project = parse_qs(urlsplit(url).query).get("project", ["default"])[0]
            reply.names[project].values.append(name_from_url(url))
        return reply
