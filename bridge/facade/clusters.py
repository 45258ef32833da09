"""ClusterService: /1.0/cluster and its members (proto: cluster_service).

UpdateCluster is answered with an operation (bootstrap, join) or synchronously (disable), so it
is a :class:`~bridge.facade.common.MaybeAsync`; DeleteClusterMember sends ``force=1``. Join
tokens (CreateClusterMember) and evacuation (UpdateClusterMemberState) are operations; the
member, certificate and group updates are synchronous.
"""

from __future__ import annotations

from bridge.facade.common import (
    Async,
    Facade,
    Get,
    ListNames,
    ListObjects,
    MaybeAsync,
    Patch,
    Sync,
    service_descriptor,
)
from lxd.api.v1 import cluster_service_pb2

__all__ = ["ClusterFacade"]


class ClusterFacade(Facade):
    """/1.0/cluster, its members (and their state), its certificate and its groups."""

    service = service_descriptor(cluster_service_pb2, "ClusterService")

    GetCluster = Get()
    UpdateCluster = MaybeAsync()
    GetClusterMemberNames = ListNames()
    GetClusterMembers = ListObjects()
    GetClusterMember = Get()
    RenameClusterMember = Sync()
    DeleteClusterMember = Sync("force")
    CreateClusterMember = Async()
    UpdateClusterMember = Sync()
    PatchClusterMember = Patch()
    UpdateClusterMemberState = Async()
    UpdateClusterCertificate = Sync()
    GetClusterGroupNames = ListNames()
    GetClusterGroups = ListObjects()
    GetClusterGroup = Get()
    CreateClusterGroup = Sync()
    UpdateClusterGroup = Sync()
    PatchClusterGroup = Patch()
    RenameClusterGroup = Sync()
    DeleteClusterGroup = Sync()
