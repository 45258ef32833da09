"""ClusterService: /1.0/cluster and its members (proto: cluster_service).

UpdateCluster is answered with an operation (bootstrap, join) or synchronously (disable), so it
is a :class:`~bridge.facade.common.MaybeAsync`; DeleteClusterMember sends ``force=1``.
"""

from __future__ import annotations

from bridge.facade.common import (
    Facade,
    Get,
    ListNames,
    ListObjects,
    MaybeAsync,
    Sync,
    service_descriptor,
)
from lxd.api.v1 import cluster_service_pb2

__all__ = ["ClusterFacade"]


class ClusterFacade(Facade):
    """GET/PUT /1.0/cluster and GET/POST/DELETE /1.0/cluster/members[/<name>]."""

    service = service_descriptor(cluster_service_pb2, "ClusterService")

    GetCluster = Get()
    UpdateCluster = MaybeAsync()
    GetClusterMemberNames = ListNames()
    GetClusterMembers = ListObjects()
    GetClusterMember = Get()
    RenameClusterMember = Sync()
    DeleteClusterMember = Sync("force")
