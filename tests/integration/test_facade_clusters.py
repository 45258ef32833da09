"""ClusterService through the real bridge and a real LXD, as far as a standalone sandbox allows
(the RPCs on a real 3-member cluster are test_cluster_rpcs.py's).

What cannot be tested here, and why:

- Bootstrapping a cluster (UpdateCluster with enabled) would turn the shared sandbox into a
  one-member cluster for good, and joining needs a second LXD: neither is done. Disabling
  clustering is not done either: on LXD 5.0.2 it restarts the daemon and resets its global
  database (pools, networks, images, profiles and trusted certificates are forgotten), even on a
  server that is not clustered. So UpdateCluster is tested only with requests LXD refuses before
  it does anything, and its operation / no-operation answer is not exercised here (the same
  MaybeAsync kind is tested end to end by CreateStoragePoolVolume and RenameStoragePoolVolume).
- The member RPCs answer LXD's errors for a server that is not clustered. RenameClusterMember is
  the exception: LXD 5.0 renames the local member row ("none", the location of every instance)
  even then, so it is only called with names that make LXD refuse it.
"""

from __future__ import annotations

from collections.abc import Callable

import grpc
import pytest

from lxd.api.v1 import cluster_pb2
from lxd.api.v1 import cluster_service_pb2 as pb
from lxd.api.v1.cluster_service_pb2_grpc import ClusterServiceStub
from tests.conftest import LxdSandbox
from tests.integration.conftest import error_details

pytestmark = pytest.mark.timeout(60)

#: The name LXD gives the only member of a server that is not clustered. Never renamed here.
LOCAL_MEMBER = "none"


@pytest.fixture(scope="module")
def clusters(channel: grpc.aio.Channel) -> ClusterServiceStub:
    """ClusterService client."""
    return ClusterServiceStub(channel)


def assert_not_clustered(error: grpc.aio.AioRpcError) -> None:
    """LXD's 500 "Server is not clustered", mapped to INTERNAL with its ErrorInfo."""
    assert error.code() == grpc.StatusCode.INTERNAL
    assert error.details() == "Server is not clustered"
    details = error_details(error)
    assert details.info.reason == "INTERNAL"
    assert dict(details.info.metadata) == {"error_code": "500", "error": "Server is not clustered"}


async def test_get_cluster_of_a_standalone_server(clusters: ClusterServiceStub) -> None:
    reply = await clusters.GetCluster(pb.GetClusterRequest())
    assert not reply.cluster.enabled
    assert reply.cluster.server_name == ""
    assert reply.etag


@pytest.mark.parametrize(
    ("put", "message"),
    [
        (
            cluster_pb2.ClusterPut(enabled=True),
            "ServerName is required when enabling clustering",
        ),
        (
            cluster_pb2.ClusterPut(enabled=False, server_name="someone"),
            "ServerName must be empty when disabling clustering",
        ),
    ],
    ids=["enable-without-name", "disable-with-name"],
)
async def test_update_cluster_requests_lxd_refuses_are_invalid_argument(
    clusters: ClusterServiceStub, put: cluster_pb2.ClusterPut, message: str
) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await clusters.UpdateCluster(pb.UpdateClusterRequest(cluster=put, wait=True))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert caught.value.details() == message
    assert error_details(caught.value).info.metadata["error_code"] == "400"


async def test_member_lists_are_not_clustered_errors(clusters: ClusterServiceStub) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await clusters.GetClusterMemberNames(pb.GetClusterMemberNamesRequest())
    assert_not_clustered(caught.value)

    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await clusters.GetClusterMembers(pb.GetClusterMembersRequest())
    assert_not_clustered(caught.value)


async def test_get_member_is_a_not_clustered_error(clusters: ClusterServiceStub) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await clusters.GetClusterMember(pb.GetClusterMemberRequest(name=LOCAL_MEMBER))
    assert_not_clustered(caught.value)


async def test_delete_member_with_force_is_a_not_clustered_error(
    clusters: ClusterServiceStub, unique_name: Callable[[str], str]
) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await clusters.DeleteClusterMember(
            pb.DeleteClusterMemberRequest(name=unique_name("member"), force=True)
        )
    assert_not_clustered(caught.value)


async def test_renaming_a_member_to_a_taken_name_is_already_exists(
    clusters: ClusterServiceStub, unique_name: Callable[[str], str], daemon: LxdSandbox
) -> None:
    # LXD checks the new name first: "none" (the local member) is taken, so nothing is renamed.
    post = cluster_pb2.ClusterMemberPost(server_name=LOCAL_MEMBER)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await clusters.RenameClusterMember(
            pb.RenameClusterMemberRequest(name=unique_name("member"), member=post)
        )
    if daemon.family == "incus":  # Incus looks the old name up first, on a standalone server
        assert (caught.value.code(), caught.value.details()) == (
            grpc.StatusCode.NOT_FOUND,
            "Cluster member not found",
        )
        return
    assert caught.value.code() == grpc.StatusCode.ALREADY_EXISTS
    assert error_details(caught.value).info.metadata["error_code"] == "409"


async def test_renaming_a_missing_member_is_lxds_500(
    clusters: ClusterServiceStub, unique_name: Callable[[str], str], daemon: LxdSandbox
) -> None:
    # No row has the old name: LXD's UPDATE changes nothing and it answers 500; Incus 404.
    post = cluster_pb2.ClusterMemberPost(server_name=unique_name("member"))
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await clusters.RenameClusterMember(
            pb.RenameClusterMemberRequest(name=unique_name("member"), member=post)
        )
    if daemon.family == "incus":
        assert (caught.value.code(), caught.value.details()) == (
            grpc.StatusCode.NOT_FOUND,
            "Cluster member not found",
        )
        return
    assert caught.value.code() == grpc.StatusCode.INTERNAL
    assert "expected to update one row, not 0" in caught.value.details()
    assert error_details(caught.value).info.metadata["error_code"] == "500"

    after = await clusters.GetCluster(pb.GetClusterRequest())
    assert after.cluster.server_name == "", "still a standalone server"


async def test_an_empty_member_name_is_invalid_argument_before_lxd_is_asked(
    clusters: ClusterServiceStub,
) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await clusters.RenameClusterMember(
            pb.RenameClusterMemberRequest(
                name="", member=cluster_pb2.ClusterMemberPost(server_name="x")
            )
        )
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert error_details(caught.value).info.metadata["field"] == "name"
