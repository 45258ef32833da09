"""ClusterService, placement, migration and cluster-wide events on a real 3-member cluster.

The bridge runs in-process in front of one member (m1) over HTTPS, with the sandbox's client
certificate and m1's certificate pinned (every member presents the cluster's certificate), as a
deployment in front of a cluster would. Every call goes through m1: LXD forwards what concerns
another member. The cluster is the `lxd_cluster` sandbox (tools/lxd-sandbox cluster 3): members
m1, m2, m3 on loopback, a dir pool, a macvlan network and `boot.host_shutdown_timeout=1` on the
default profile (busybox ignores a clean shutdown). The member and group tests run on the Incus
cluster too (`incus_cluster`).

Each test puts back what it changed (member fields, groups, containers, evacuation), so they run
in any order; the slow ones (containers started, moved, evacuated) are marked `slow`.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import grpc
import pytest
from google.protobuf import json_format
from google.protobuf.field_mask_pb2 import FieldMask

from bridge.server import BridgeServer, start
from bridge.transport import LxdClient
from lxd.api.v1 import cluster_pb2, container_pb2, container_state_pb2
from lxd.api.v1 import cluster_service_pb2 as pb
from lxd.api.v1 import container_service_pb2 as cpb
from lxd.api.v1.cluster_service_pb2_grpc import ClusterServiceStub
from lxd.api.v1.container_service_pb2_grpc import ContainerServiceStub
from lxd.api.v1.event_service_pb2 import GetEventsRequest, GetEventsResponse
from lxd.api.v1.event_service_pb2_grpc import EventServiceStub
from lxd.api.v1.operation_service_pb2 import DeleteOperationRequest, GetOperationRequest
from lxd.api.v1.operation_service_pb2_grpc import OperationServiceStub
from tests.conftest import LxdGroup, LxdSandbox
from tests.integration.conftest import error_details

pytestmark = pytest.mark.timeout(120)

MEMBERS = ("m1", "m2", "m3")
OP_WAIT = 60  # seconds for one operation (evacuation included)


@contextlib.asynccontextmanager
async def bridge_in_front_of(
    member: LxdSandbox, socket: Path
) -> AsyncIterator[tuple[LxdClient, grpc.aio.Channel]]:
    """The bridge on a unix socket, its LXD client on `member`'s HTTPS endpoint."""
    client = await LxdClient.open(
        member.https_url,
        client_cert=member.client_cert,
        client_key=member.client_key,
        server_cert=member.server_cert,
    )
    async with client:
        server: BridgeServer = await start(client, f"unix:{socket}")
        try:
            async with grpc.aio.insecure_channel(server.address) as channel:
                yield client, channel
        finally:
            await server.stop(grace=1)


@pytest.fixture(scope="module")
async def lxd_channel(
    lxd_cluster: LxdGroup, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[grpc.aio.Channel]:
    """A channel to a bridge in front of the LXD cluster's m1."""
    socket = tmp_path_factory.mktemp("cluster-bridge") / "bridge.sock"
    async with bridge_in_front_of(lxd_cluster.members[0], socket) as (_, channel):
        yield channel


@pytest.fixture(scope="module")
async def incus_channel(
    incus_cluster: LxdGroup, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[grpc.aio.Channel]:
    """A channel to a bridge in front of the Incus cluster's m1."""
    socket = tmp_path_factory.mktemp("incus-cluster-bridge") / "bridge.sock"
    async with bridge_in_front_of(incus_cluster.members[0], socket) as (_, channel):
        yield channel


@pytest.fixture(params=["lxd", "incus"])
def family_channel(request: pytest.FixtureRequest) -> grpc.aio.Channel:
    """The bridge in front of the LXD cluster, then of the Incus cluster."""
    channel: grpc.aio.Channel = request.getfixturevalue(f"{request.param}_channel")
    return channel


@pytest.fixture
def group_of(request: pytest.FixtureRequest) -> LxdGroup:
    """The cluster sandbox `family_channel` is in front of."""
    family = request.node.callspec.params["family_channel"]
    group: LxdGroup = request.getfixturevalue(f"{family}_cluster")
    return group


# --- members and groups (LXD and Incus) -------------------------------------------------------


async def test_members_are_listed_with_their_roles_and_status(
    family_channel: grpc.aio.Channel, group_of: LxdGroup
) -> None:
    clusters = ClusterServiceStub(family_channel)
    cluster = await clusters.GetCluster(pb.GetClusterRequest())
    assert cluster.cluster.enabled
    assert cluster.cluster.server_name == "m1", "the member the bridge is in front of"
    keys = {(k.entity, k.key) for k in cluster.cluster.member_config}
    assert ("storage-pool", "source") in keys and ("network", "parent") in keys

    names = await clusters.GetClusterMemberNames(pb.GetClusterMemberNamesRequest())
    assert sorted(names.names) == list(MEMBERS)

    members = (await clusters.GetClusterMembers(pb.GetClusterMembersRequest())).members
    urls = {m.name: m.https_url for m in group_of.members}
    assert {m.server_name: m.url for m in members} == urls
    for member in members:
        assert member.status == "Online", member
        assert member.message == "Fully operational"
        assert member.architecture
        assert "default" in member.groups
        assert member.failure_domain == "default"
    # Three members: all three are dqlite voters, one of them the leader.
    assert all(m.database for m in members)
    roles = [set(m.roles) for m in members]
    assert all("database" in r or "database-leader" in r for r in roles), roles
    assert sum("database-leader" in r for r in roles) == 1, roles

    one = await clusters.GetClusterMember(pb.GetClusterMemberRequest(name="m2"))
    assert one.member.server_name == "m2" and one.member.url == urls["m2"]
    assert one.etag

    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await clusters.GetClusterMember(pb.GetClusterMemberRequest(name="m9"))
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND


def _fields(put: cluster_pb2.ClusterMemberPut) -> dict[str, object]:
    return {f.name: getattr(put, f.name) for f in put.DESCRIPTOR.fields if f.name != "empty_keys"}


def writable(member: cluster_pb2.ClusterMember) -> cluster_pb2.ClusterMemberPut:
    """The member's writable fields (Go's ClusterMember.Writable())."""
    return cluster_pb2.ClusterMemberPut(
        roles=member.roles,
        failure_domain=member.failure_domain,
        description=member.description,
        config=member.config,
        groups=member.groups,
    )


async def test_a_member_is_updated_with_its_etag_and_patched(
    family_channel: grpc.aio.Channel,
) -> None:
    clusters = ClusterServiceStub(family_channel)
    before = await clusters.GetClusterMember(pb.GetClusterMemberRequest(name="m3"))
    original = writable(before.member)
    try:
        put = writable(before.member)
        put.description = "rack 3, bottom"
        put.failure_domain = "rack3"
        await clusters.UpdateClusterMember(
            pb.UpdateClusterMemberRequest(name="m3", member=put, etag=before.etag)
        )
        after = await clusters.GetClusterMember(pb.GetClusterMemberRequest(name="m3"))
        assert after.member.description == "rack 3, bottom"
        assert after.member.failure_domain == "rack3"
        assert after.etag != before.etag

        # The ETag read before the update no longer matches: nothing is changed.
        put.description = "lost update"
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await clusters.UpdateClusterMember(
                pb.UpdateClusterMemberRequest(name="m3", member=put, etag=before.etag)
            )
        assert caught.value.code() == grpc.StatusCode.ABORTED
        assert error_details(caught.value).info.metadata["error_code"] == "412"

        # LXD's PATCH of a member merges `config` only: every other field is replaced as by a
        # PUT, so a patch without roles would drop m3's "database" role, which LXD refuses.
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await clusters.PatchClusterMember(
                pb.PatchClusterMemberRequest(
                    name="m3",
                    member=cluster_pb2.ClusterMemberPut(description="patched"),
                    update_mask=FieldMask(paths=["description"]),
                )
            )
        assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
        assert caught.value.details() == 'The "database" role cannot be dropped at this time'

        # With roles, groups and the failure domain (LXD refuses an empty one: 500), config left
        # out of the mask is kept: LXD merges it.
        config = {"scheduler.instance": "manual"}
        await clusters.UpdateClusterMember(
            pb.UpdateClusterMemberRequest(
                name="m3", member=cluster_pb2.ClusterMemberPut(**{**_fields(put), "config": config})
            )
        )
        patch = cluster_pb2.ClusterMemberPut(
            roles=before.member.roles,
            groups=before.member.groups,
            failure_domain="rack3",
            description="patched",
        )
        await clusters.PatchClusterMember(
            pb.PatchClusterMemberRequest(
                name="m3",
                member=patch,
                update_mask=FieldMask(paths=["roles", "groups", "failure_domain", "description"]),
            )
        )
        patched = (await clusters.GetClusterMember(pb.GetClusterMemberRequest(name="m3"))).member
        assert (patched.description, patched.failure_domain) == ("patched", "rack3")
        assert dict(patched.config) == config
        assert list(patched.roles) == list(before.member.roles)
    finally:
        await clusters.UpdateClusterMember(
            pb.UpdateClusterMemberRequest(name="m3", member=original)
        )
    restored = (await clusters.GetClusterMember(pb.GetClusterMemberRequest(name="m3"))).member
    assert writable(restored) == original


#: What each family answers for a group name that is taken (both a 500).
GROUP_EXISTS = {
    "lxd": "This cluster group already exists",
    "incus": (
        'Failed to create "cluster_groups" entry: UNIQUE constraint failed: cluster_groups.name'
    ),
}

INCUS_GROUP_PATCH_OF_TWO = "Query deleted 2 NodeClusterGroup rows instead of 1"


async def test_cluster_groups_are_created_assigned_renamed_and_deleted(
    family_channel: grpc.aio.Channel, group_of: LxdGroup, unique_name: Callable[[str], str]
) -> None:
    clusters = ClusterServiceStub(family_channel)
    name, renamed = unique_name("grp"), unique_name("grp")
    post = cluster_pb2.ClusterGroupsPost(name=name, description="the second", members=["m2"])
    await clusters.CreateClusterGroup(pb.CreateClusterGroupRequest(group=post))
    current = name
    try:
        names = await clusters.GetClusterGroupNames(pb.GetClusterGroupNamesRequest())
        assert {"default", name} <= set(names.names)
        got = await clusters.GetClusterGroup(pb.GetClusterGroupRequest(name=name))
        assert (got.group.name, got.group.description, list(got.group.members)) == (
            name,
            "the second",
            ["m2"],
        )
        m2 = (await clusters.GetClusterMember(pb.GetClusterMemberRequest(name="m2"))).member
        assert set(m2.groups) == {"default", name}

        # A taken group name is a 500, not a 409.
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await clusters.CreateClusterGroup(pb.CreateClusterGroupRequest(group=post))
        assert caught.value.code() == grpc.StatusCode.INTERNAL
        assert caught.value.details() == GROUP_EXISTS[group_of.family]

        # Assign m3 too. LXD does not check If-Match on a group's PUT (only on its PATCH): the
        # ETag is sent, and a stale one is accepted.
        put = cluster_pb2.ClusterGroupPut(description="two members", members=["m2", "m3"])
        await clusters.UpdateClusterGroup(
            pb.UpdateClusterGroupRequest(name=name, group=put, etag=got.etag)
        )
        await clusters.UpdateClusterGroup(
            pb.UpdateClusterGroupRequest(name=name, group=put, etag=got.etag)
        )
        # A patch of the description alone keeps the members; a stale ETag is refused.
        description = cluster_pb2.ClusterGroupPut(description="patched")
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await clusters.PatchClusterGroup(
                pb.PatchClusterGroupRequest(
                    name=name,
                    group=description,
                    update_mask=FieldMask(paths=["description"]),
                    etag=got.etag,
                )
            )
        assert caught.value.code() == grpc.StatusCode.ABORTED
        patch = pb.PatchClusterGroupRequest(
            name=name, group=description, update_mask=FieldMask(paths=["description"])
        )
        if group_of.family == "lxd":
            await clusters.PatchClusterGroup(patch)
            expected = "patched"
        else:
            # Incus 6.0.4's PATCH rewrites the group's member rows and insists on deleting
            # exactly one: a group of two cannot be patched (its PUT can be used instead).
            with pytest.raises(grpc.aio.AioRpcError) as caught:
                await clusters.PatchClusterGroup(patch)
            assert caught.value.code() == grpc.StatusCode.INTERNAL
            assert caught.value.details() == INCUS_GROUP_PATCH_OF_TWO
            expected = "two members"
        groups = (await clusters.GetClusterGroups(pb.GetClusterGroupsRequest())).groups
        ours = [g for g in groups if g.name == name]
        assert len(ours) == 1
        assert (ours[0].description, sorted(ours[0].members)) == (expected, ["m2", "m3"])

        await clusters.RenameClusterGroup(
            pb.RenameClusterGroupRequest(
                name=name, group=cluster_pb2.ClusterGroupPost(name=renamed)
            )
        )
        current = renamed
        m3 = (await clusters.GetClusterMember(pb.GetClusterMemberRequest(name="m3"))).member
        assert set(m3.groups) == {"default", renamed}

        # A group with members cannot be deleted; emptied, it can.
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await clusters.DeleteClusterGroup(pb.DeleteClusterGroupRequest(name=renamed))
        assert caught.value.code() == grpc.StatusCode.INTERNAL
        assert caught.value.details() == "Only empty cluster groups can be removed"
    finally:
        await clusters.UpdateClusterGroup(
            pb.UpdateClusterGroupRequest(name=current, group=cluster_pb2.ClusterGroupPut())
        )
        await clusters.DeleteClusterGroup(pb.DeleteClusterGroupRequest(name=current))
    names = await clusters.GetClusterGroupNames(pb.GetClusterGroupNamesRequest())
    assert current not in names.names
    m2 = (await clusters.GetClusterMember(pb.GetClusterMemberRequest(name="m2"))).member
    assert list(m2.groups) == ["default"]


# --- join tokens and the certificate (LXD) ----------------------------------------------------


async def test_a_join_token_is_created_and_revoked(
    lxd_channel: grpc.aio.Channel, lxd_cluster: LxdGroup, unique_name: Callable[[str], str]
) -> None:
    clusters = ClusterServiceStub(lxd_channel)
    operations = OperationServiceStub(lxd_channel)
    name = unique_name("m")
    created = await clusters.CreateClusterMember(
        pb.CreateClusterMemberRequest(member=cluster_pb2.ClusterMembersPost(server_name=name))
    )
    op = created.operation
    try:
        assert (getattr(op, "class"), op.status) == ("token", "Running")
        meta = json_format.MessageToDict(op.metadata)
        assert meta["serverName"] == name
        assert len(meta["secret"]) == 64
        addresses = {m.https_address for m in lxd_cluster.members}
        assert set(meta["addresses"]) == addresses
        # What `lxc cluster add` prints: the ClusterMemberJoinToken's JSON, in base64.
        token = cluster_pb2.ClusterMemberJoinToken(
            server_name=meta["serverName"],
            fingerprint=meta["fingerprint"],
            addresses=meta["addresses"],
            secret=meta["secret"],
        )
        token.expires_at.FromJsonString(meta["expiresAt"])
        remaining = token.expires_at.seconds - time.time()
        assert 2.9 * 3600 < remaining <= 3 * 3600, "cluster.join_token_expiry: 3 hours"
        encoded = base64.b64encode(json_format.MessageToJson(token).encode()).decode()
        assert json.loads(base64.b64decode(encoded))["server_name"] == name

        # A second token for the same name cancels the first.
        second = await clusters.CreateClusterMember(
            pb.CreateClusterMemberRequest(member=cluster_pb2.ClusterMembersPost(server_name=name))
        )
        first = await operations.GetOperation(GetOperationRequest(name=op.id))
        assert first.operation.status == "Cancelled"
        op = second.operation

        # LXD 5.0.2 does not check the name against the members: a token for m2 is issued.
        taken = await clusters.CreateClusterMember(
            pb.CreateClusterMemberRequest(member=cluster_pb2.ClusterMembersPost(server_name="m2"))
        )
        assert taken.operation.status == "Running"
        await operations.DeleteOperation(DeleteOperationRequest(name=taken.operation.id))
    finally:
        # Revoking a token is deleting its operation (`lxc cluster revoke-token`).
        await operations.DeleteOperation(DeleteOperationRequest(name=op.id))
    revoked = await operations.GetOperation(GetOperationRequest(name=op.id))
    assert revoked.operation.status == "Cancelled"


async def test_the_cluster_certificate_is_replaced_by_itself_and_a_bad_one_refused(
    lxd_channel: grpc.aio.Channel, lxd_cluster: LxdGroup
) -> None:
    # Replacing the certificate with the one the cluster has is a real update (written to every
    # member, reloaded) that leaves the sandbox as it was: its clients pin this certificate.
    clusters = ClusterServiceStub(lxd_channel)
    m1 = Path(lxd_cluster.members[0].lxd_dir)
    cert = (m1 / "cluster.crt").read_text()
    key = (m1 / "cluster.key").read_text()
    same = cluster_pb2.ClusterCertificatePut(cluster_certificate=cert, cluster_certificate_key=key)
    await clusters.UpdateClusterCertificate(pb.UpdateClusterCertificateRequest(certificate=same))
    for member in lxd_cluster.members:
        assert (Path(member.lxd_dir) / "cluster.crt").read_text() == cert
    assert (await clusters.GetCluster(pb.GetClusterRequest())).cluster.enabled

    bad = cluster_pb2.ClusterCertificatePut(
        cluster_certificate=cert, cluster_certificate_key="-----BEGIN EC PRIVATE KEY-----\nAA==\n"
    )
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await clusters.UpdateClusterCertificate(pb.UpdateClusterCertificateRequest(certificate=bad))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT, caught.value.details()
    assert "AA==" not in caught.value.details()


# --- placement, migration, evacuation and events (LXD) ---------------------------------------


async def container_location(containers: ContainerServiceStub, name: str) -> tuple[str, str]:
    """(location, status) of a container."""
    got = await containers.GetContainer(cpb.GetContainerRequest(name=name))
    return got.container.location, got.container.status


async def create_on(
    containers: ContainerServiceStub, name: str, target: str, config: dict[str, str] | None = None
) -> None:
    post = container_pb2.ContainersPost(
        name=name,
        source=container_pb2.ContainerSource(type="image", alias="busybox"),
        config=config or {},
    )
    await containers.CreateContainer(
        cpb.CreateContainerRequest(container=post, target=target, wait=True), timeout=OP_WAIT
    )


async def set_state(containers: ContainerServiceStub, name: str, action: str) -> None:
    state = container_state_pb2.ContainerStatePut(action=action, force=action == "stop", timeout=-1)
    await containers.UpdateContainerState(
        cpb.UpdateContainerStateRequest(name=name, state=state, wait=True), timeout=OP_WAIT
    )


async def remove(containers: ContainerServiceStub, name: str) -> None:
    """Force-stops and deletes a container, if it exists."""
    with contextlib.suppress(grpc.aio.AioRpcError):
        await set_state(containers, name, "stop")
    try:
        await containers.DeleteContainer(cpb.DeleteContainerRequest(name=name, wait=True))
    except grpc.aio.AioRpcError as e:
        assert e.code() == grpc.StatusCode.NOT_FOUND, e.details()


@pytest.mark.slow
async def test_target_places_a_container_and_m1_sees_its_events_on_m2(
    lxd_channel: grpc.aio.Channel, unique_name: Callable[[str], str]
) -> None:
    containers = ContainerServiceStub(lxd_channel)
    events = EventServiceStub(lxd_channel)
    name = unique_name("placed")
    # The events stream is m1's; the container lives on m2: LXD's members forward their events.
    stream = events.GetEvents(GetEventsRequest(types=["lifecycle"]))
    await stream.initial_metadata()
    try:
        await create_on(containers, name, "m2")
        assert await container_location(containers, name) == ("m2", "Stopped")
        await set_state(containers, name, "start")
        assert await container_location(containers, name) == ("m2", "Running")

        seen: list[GetEventsResponse] = []

        def actions() -> list[str]:
            return [r.lifecycle.action for r in seen if r.lifecycle.source.endswith(f"/{name}")]

        async with asyncio.timeout(OP_WAIT):
            while "instance-started" not in actions():
                seen.append(await stream.read())
        assert actions()[:2] == ["instance-created", "instance-started"]
        ours = [r for r in seen if r.lifecycle.source.endswith(f"/{name}")]
        assert {r.event.location for r in ours} == {"m2"}, "events of m2, read through m1"

        # A target that is not a member is LXD's 404 for the member.
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await create_on(containers, unique_name("nowhere"), "m9")
        assert caught.value.code() == grpc.StatusCode.NOT_FOUND, caught.value.details()
    finally:
        stream.cancel()
        await remove(containers, name)


@pytest.mark.slow
async def test_a_stopped_container_migrates_between_members_and_a_running_one_needs_criu(
    lxd_channel: grpc.aio.Channel, unique_name: Callable[[str], str]
) -> None:
    containers = ContainerServiceStub(lxd_channel)
    name = unique_name("moved")
    await create_on(containers, name, "m2")
    try:
        # LXD's Go client moves an instance within a cluster with POST ...?target=<member> and
        # {"name": <same>, "migration": true}: RenameContainer with target.
        move = container_pb2.ContainerPost(name=name, migration=True)
        await containers.RenameContainer(
            cpb.RenameContainerRequest(name=name, container=move, target="m3", wait=True),
            timeout=OP_WAIT,
        )
        assert await container_location(containers, name) == ("m3", "Stopped")

        # Running, live: LXD needs CRIU, which is not installed; the container stays put.
        await set_state(containers, name, "start")
        live = container_pb2.ContainerPost(name=name, migration=True, live=True)
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await containers.RenameContainer(
                cpb.RenameContainerRequest(name=name, container=live, target="m1", wait=True),
                timeout=OP_WAIT,
            )
        # The operation failed: UNKNOWN (LXD keeps only the err text of a failed operation),
        # with LXD's message and the failed Operation in the status details.
        assert caught.value.code() == grpc.StatusCode.UNKNOWN
        assert caught.value.details() == (
            f'Failed stopping instance "{name}": '
            "Unable to perform container live migration. CRIU isn't installed"
        )
        failed = error_details(caught.value).operation
        assert failed is not None and failed.status == "Failure"
        assert await container_location(containers, name) == ("m3", "Running")
    finally:
        await remove(containers, name)


@pytest.mark.slow
async def test_evacuate_moves_or_stops_containers_and_restore_brings_them_back(
    lxd_channel: grpc.aio.Channel, unique_name: Callable[[str], str]
) -> None:
    containers = ContainerServiceStub(lxd_channel)
    clusters = ClusterServiceStub(lxd_channel)
    moving, staying = unique_name("evac"), unique_name("evac")
    await asyncio.gather(
        create_on(containers, moving, "m3"),
        create_on(containers, staying, "m3", {"cluster.evacuate": "stop"}),
    )
    await asyncio.gather(*(set_state(containers, n, "start") for n in (moving, staying)))
    evacuated = False
    try:
        started = time.monotonic()
        reply = await clusters.UpdateClusterMemberState(
            pb.UpdateClusterMemberStateRequest(
                name="m3", state=cluster_pb2.ClusterMemberStatePost(action="evacuate"), wait=True
            ),
            timeout=OP_WAIT,
        )
        evacuated = True
        assert reply.operation.status == "Success"
        evacuate_seconds = time.monotonic() - started
        m3 = (await clusters.GetClusterMember(pb.GetClusterMemberRequest(name="m3"))).member
        assert m3.status == "Evacuated"
        where, status = await container_location(containers, moving)
        assert (where in ("m1", "m2"), status) == (True, "Running"), where
        assert await container_location(containers, staying) == ("m3", "Stopped")

        # Evacuated members take no new instances.
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await create_on(containers, unique_name("refused"), "m3")
        assert "evacuated" in caught.value.details().lower(), caught.value.details()

        started = time.monotonic()
        reply = await clusters.UpdateClusterMemberState(
            pb.UpdateClusterMemberStateRequest(
                name="m3", state=cluster_pb2.ClusterMemberStatePost(action="restore"), wait=True
            ),
            timeout=OP_WAIT,
        )
        evacuated = False
        restore_seconds = time.monotonic() - started
        assert reply.operation.status == "Success"
        m3 = (await clusters.GetClusterMember(pb.GetClusterMemberRequest(name="m3"))).member
        assert m3.status == "Online"
        assert await container_location(containers, moving) == ("m3", "Running")
        assert await container_location(containers, staying) == ("m3", "Running")
        print(f"evacuate {evacuate_seconds:.2f} s, restore {restore_seconds:.2f} s")
    finally:
        if evacuated:
            await clusters.UpdateClusterMemberState(
                pb.UpdateClusterMemberStateRequest(
                    name="m3", state=cluster_pb2.ClusterMemberStatePost(action="restore"), wait=True
                ),
                timeout=OP_WAIT,
            )
        await asyncio.gather(*(remove(containers, n) for n in (moving, staying)))


async def test_an_unknown_evacuation_action_is_invalid_argument(
    lxd_channel: grpc.aio.Channel,
) -> None:
    clusters = ClusterServiceStub(lxd_channel)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await clusters.UpdateClusterMemberState(
            pb.UpdateClusterMemberStateRequest(
                name="m3", state=cluster_pb2.ClusterMemberStatePost(action="vacate"), wait=True
            )
        )
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT, caught.value.details()
    m3 = (await clusters.GetClusterMember(pb.GetClusterMemberRequest(name="m3"))).member
    assert m3.status == "Online"
