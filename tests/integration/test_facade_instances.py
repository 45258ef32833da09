"""InstanceService through the real bridge and a real daemon (LXD 5.0 and Incus 6.0, the `daemon`
fixture's families): the unary RPCs of /1.0/instances as a client sees them.

Every test creates what it reads under a unique `t-...` name and deletes it afterwards through the
transport (instance_support.py), not through the code under test.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import grpc
import pytest
from google.protobuf.field_mask_pb2 import FieldMask
from google.protobuf.timestamp_pb2 import Timestamp

from bridge.transport import LxdClient
from lxd.api.v1 import instance_pb2, instance_snapshot_pb2, instance_state_pb2
from lxd.api.v1 import instance_service_pb2 as pb
from lxd.api.v1.image_pb2 import ImageMetadata
from lxd.api.v1.instance_backup_pb2 import InstanceBackupPost, InstanceBackupsPost
from lxd.api.v1.instance_service_pb2_grpc import InstanceServiceStub
from lxd.api.v1.options_pb2 import Device
from lxd.api.v1.status_code_pb2 import STATUS_CODE_SUCCESS
from tests.conftest import LxdSandbox, make_unique_name
from tests.integration.conftest import error_details
from tests.integration.instance_support import (
    delete_instance,
    instance,
    instance_status,
    project,
)

pytestmark = pytest.mark.timeout(180)

BUSYBOX = instance_pb2.InstanceSource(type="image", alias="busybox")


@pytest.fixture(scope="module")
async def base(lxd: LxdClient, instances: InstanceServiceStub) -> AsyncIterator[str]:
    """One stopped container with a snapshot and a backup, shared by the read-only tests."""
    name = make_unique_name("in-base")
    try:
        post = instance_pb2.InstancesPost(name=name, type="container", source=BUSYBOX)
        await instances.CreateInstance(pb.CreateInstanceRequest(instance=post, wait=True))
        await instances.CreateInstanceSnapshot(
            pb.CreateInstanceSnapshotRequest(
                instance=name,
                snapshot=instance_snapshot_pb2.InstanceSnapshotsPost(name="snap0"),
                wait=True,
            )
        )
        await instances.CreateInstanceBackup(
            pb.CreateInstanceBackupRequest(
                instance=name, backup=InstanceBackupsPost(name="backup0"), wait=True
            )
        )
        yield name
    finally:
        await delete_instance(lxd, name)


# --- lists ---------------------------------------------------------------------------------------


async def test_lists_give_names_instances_and_full_instances(
    instances: InstanceServiceStub, base: str
) -> None:
    names = await instances.GetInstanceNames(pb.GetInstanceNamesRequest())
    assert base in names.names

    listed = await instances.GetInstances(pb.GetInstancesRequest())
    (mine,) = [i for i in listed.instances if i.name == base]
    assert mine.type == "container" and mine.profiles == ["default"]
    assert mine.project == "default"

    full = await instances.GetInstancesFull(pb.GetInstancesFullRequest())
    (entry,) = [i for i in full.instances if i.name == base]
    assert entry.state.status == "Stopped"
    assert [s.name for s in entry.snapshots] == ["snap0"]
    assert [b.name for b in entry.backups] == ["backup0"]


async def test_lists_take_the_instance_type_and_a_filter(
    instances: InstanceServiceStub, base: str
) -> None:
    containers = await instances.GetInstanceNames(
        pb.GetInstanceNamesRequest(instance_type="container")
    )
    assert base in containers.names
    vms = await instances.GetInstances(pb.GetInstancesRequest(instance_type="virtual-machine"))
    assert base not in [i.name for i in vms.instances]

    only = await instances.GetInstances(pb.GetInstancesRequest(filter=f"name eq {base}"))
    assert [i.name for i in only.instances] == [base]
    full = await instances.GetInstancesFull(
        pb.GetInstancesFullRequest(filter=f"name eq {base} and status eq Stopped")
    )
    assert [i.name for i in full.instances] == [base]
    none = await instances.GetInstanceNames(
        pb.GetInstanceNamesRequest(filter=f"name eq {base} and status eq Running")
    )
    assert list(none.names) == []


async def test_a_bad_filter_is_the_daemons_error(
    instances: InstanceServiceStub, daemon: LxdSandbox
) -> None:
    """A filter the daemon cannot parse is its error ("Invalid filter: ..."): LXD 5.0.2 answers
    500 (INTERNAL), Incus 6.0.4 400 (INVALID_ARGUMENT)."""
    with pytest.raises(grpc.aio.AioRpcError) as raised:
        await instances.GetInstances(pb.GetInstancesRequest(filter="name eq"))
    expected = {"lxd": grpc.StatusCode.INTERNAL, "incus": grpc.StatusCode.INVALID_ARGUMENT}
    assert raised.value.code() == expected[daemon.family]
    assert error_details(raised.value).info.metadata["error"].startswith("Invalid filter")


async def test_all_projects_lists_every_projects_instances(
    lxd: LxdClient, instances: InstanceServiceStub, base: str
) -> None:
    async with project(lxd, "in-proj") as other, instance(lxd, "in-p", project=other) as name:
        listed = await instances.GetInstances(pb.GetInstancesRequest(all_projects=True))
        where = {(i.name, i.project) for i in listed.instances}
        assert {(base, "default"), (name, other)} <= where
        full = await instances.GetInstancesFull(
            pb.GetInstancesFullRequest(all_projects=True, filter=f"name eq {name}")
        )
        assert [(i.name, i.project, i.state.status) for i in full.instances] == [
            (name, other, "Stopped")
        ]
        names = await instances.GetInstanceNamesAllProjects(pb.GetInstanceNamesAllProjectsRequest())
        assert base in names.names["default"].values
        assert list(names.names[other].values) == [name]
        # The default project alone does not have it.
        default = await instances.GetInstanceNames(pb.GetInstanceNamesRequest())
        assert name not in default.names


# --- one instance --------------------------------------------------------------------------------


async def test_get_instance_and_full_carry_the_etag(
    instances: InstanceServiceStub, base: str
) -> None:
    reply = await instances.GetInstance(pb.GetInstanceRequest(name=base))
    assert reply.instance.name == base and reply.instance.type == "container"
    assert reply.instance.status == "Stopped" and reply.etag
    full = await instances.GetInstanceFull(pb.GetInstanceFullRequest(name=base))
    assert full.instance.name == base and full.instance.state.status == "Stopped"
    assert [s.name for s in full.instance.snapshots] == ["snap0"]
    assert [b.name for b in full.instance.backups] == ["backup0"]
    assert full.etag


async def test_a_missing_instance_is_not_found(instances: InstanceServiceStub) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as raised:
        await instances.GetInstance(pb.GetInstanceRequest(name="t-in-missing"))
    assert raised.value.code() == grpc.StatusCode.NOT_FOUND


async def test_create_update_patch_rename_delete(
    lxd: LxdClient, instances: InstanceServiceStub
) -> None:
    name, renamed = make_unique_name("in-crud"), make_unique_name("in-crud2")
    try:
        post = instance_pb2.InstancesPost(
            name=name,
            type="container",
            source=BUSYBOX,
            config={"user.a": "1"},
            description="first",
        )
        created = await instances.CreateInstance(pb.CreateInstanceRequest(instance=post, wait=True))
        assert created.operation.status_code == STATUS_CODE_SUCCESS

        got = await instances.GetInstance(pb.GetInstanceRequest(name=name))
        assert got.instance.config["user.a"] == "1" and got.instance.description == "first"

        put = instance_pb2.InstancePut(
            config={**got.instance.config, "user.b": "2"},
            devices=got.instance.devices,
            profiles=got.instance.profiles,
            description="second",
        )
        await instances.UpdateInstance(
            pb.UpdateInstanceRequest(name=name, instance=put, etag=got.etag, wait=True)
        )
        with pytest.raises(grpc.aio.AioRpcError) as stale:
            await instances.UpdateInstance(
                pb.UpdateInstanceRequest(name=name, instance=put, etag=got.etag, wait=True)
            )
        assert stale.value.code() == grpc.StatusCode.ABORTED

        await instances.PatchInstance(
            pb.PatchInstanceRequest(
                name=name,
                instance=instance_pb2.InstancePut(
                    config={"user.c": "3"},
                    devices={"extra": Device(values={"type": "none"})},
                ),
                update_mask=FieldMask(paths=["config", "devices"]),
            )
        )
        got = await instances.GetInstance(pb.GetInstanceRequest(name=name))
        assert {k: v for k, v in got.instance.config.items() if k.startswith("user.")} == {
            "user.a": "1",
            "user.b": "2",
            "user.c": "3",
        }
        assert got.instance.devices["extra"].values["type"] == "none"
        # LXD and Incus overwrite the description on every PATCH (container_service.proto).
        assert got.instance.description == ""

        await instances.RenameInstance(
            pb.RenameInstanceRequest(
                name=name, instance=instance_pb2.InstancePost(name=renamed), wait=True
            )
        )
        names = (await instances.GetInstanceNames(pb.GetInstanceNamesRequest())).names
        assert renamed in names and name not in names

        deleted = await instances.DeleteInstance(pb.DeleteInstanceRequest(name=renamed, wait=True))
        assert deleted.operation.status_code == STATUS_CODE_SUCCESS
        assert renamed not in (await instances.GetInstanceNames(pb.GetInstanceNamesRequest())).names
    finally:
        await delete_instance(lxd, name)
        await delete_instance(lxd, renamed)


async def test_create_as_a_copy_and_empty(lxd: LxdClient, instances: InstanceServiceStub) -> None:
    async with instance(lxd, "in-src") as source:
        copy, empty = make_unique_name("in-copy"), make_unique_name("in-none")
        try:
            await instances.CreateInstance(
                pb.CreateInstanceRequest(
                    # With profiles left null LXD 5.0.2 copies the source's profile names
                    # without their devices and fails "No root device could be found".
                    instance=instance_pb2.InstancesPost(
                        name=copy,
                        profiles=["default"],
                        source=instance_pb2.InstanceSource(type="copy", source=source),
                    ),
                    wait=True,
                )
            )
            await instances.CreateInstance(
                pb.CreateInstanceRequest(
                    instance=instance_pb2.InstancesPost(
                        name=empty,
                        type="container",
                        source=instance_pb2.InstanceSource(type="none"),
                    ),
                    wait=True,
                )
            )
            listed = await instances.GetInstances(
                pb.GetInstancesRequest(filter=f"name eq {copy} or name eq {empty}")
            )
            assert sorted((i.name, i.type) for i in listed.instances) == sorted(
                [(copy, "container"), (empty, "container")]
            )
        finally:
            await delete_instance(lxd, copy)
            await delete_instance(lxd, empty)


async def test_a_virtual_machine_is_refused_with_the_daemons_own_message(
    lxd: LxdClient, instances: InstanceServiceStub, daemon: LxdSandbox
) -> None:
    """No KVM here: the daemon refuses a virtual machine, and the status says what it said."""
    name = make_unique_name("in-vm")
    post = instance_pb2.InstancesPost(
        name=name,
        type="virtual-machine",
        source=instance_pb2.InstanceSource(type="none"),
        config={"limits.cpu": "1", "security.secureboot": "false"},
    )
    try:
        with pytest.raises(grpc.aio.AioRpcError) as raised:
            await instances.CreateInstance(pb.CreateInstanceRequest(instance=post, wait=True))
        error = raised.value
        details = error_details(error)
        # Both say 'Failed creating instance record: Instance type "virtual-machine" is not
        # supported on this server: vhost_vsock kernel module not loaded'. LXD 5.0.2 says it
        # as the create operation's err (a failed operation: UNKNOWN, OPERATION_FAILURE, the
        # operation attached), Incus 6.0.4 refuses the request itself with a 500 (INTERNAL).
        message = details.info.metadata["error"]
        assert 'Instance type "virtual-machine" is not supported on this server' in message
        assert error.details() == message
        if daemon.family == "lxd":
            assert error.code() == grpc.StatusCode.UNKNOWN
            assert details.info.reason == "OPERATION_FAILURE"
            assert details.operation is not None and details.operation.err == message
        else:
            assert error.code() == grpc.StatusCode.INTERNAL
            assert details.info.metadata["error_code"] == "500"
    finally:
        await delete_instance(lxd, name)
    # Nothing was left behind.
    names = await instances.GetInstanceNames(pb.GetInstanceNamesRequest())
    assert name not in names.names


async def test_migrate_then_create_from_the_migration_source(
    lxd: LxdClient, instances: InstanceServiceStub, daemon: LxdSandbox
) -> None:
    """MigrateInstance gives the migration websocket secrets; a CreateInstance with a
    "migration" source pulls the instance with them (here the daemon pulls from itself over its
    HTTPS address, as a second server would)."""
    async with instance(lxd, "in-mig") as source:
        target = make_unique_name("in-mig-to")
        try:
            started = await instances.MigrateInstance(
                pb.MigrateInstanceRequest(
                    name=source, instance=instance_pb2.InstancePost(migration=True)
                )
            )
            migration = started.operation
            assert migration.status == "Running" and getattr(migration, "class") == "websocket"
            secrets = {k: str(v) for k, v in migration.metadata.items()}
            assert {"control", "fs"} <= set(secrets)
            got = await instances.GetInstance(pb.GetInstanceRequest(name=source))
            post = instance_pb2.InstancesPost(
                name=target,
                architecture=got.instance.architecture,
                profiles=["default"],
                source=instance_pb2.InstanceSource(
                    type="migration",
                    mode="pull",
                    operation=f"https://{daemon.https_address}/1.0/operations/{migration.id}",
                    certificate=Path(daemon.server_cert).read_text(),
                    secrets=secrets,
                ),
            )
            created = await instances.CreateInstance(
                pb.CreateInstanceRequest(instance=post, wait=True)
            )
            assert created.operation.status_code == STATUS_CODE_SUCCESS
            copied = await instances.GetInstance(pb.GetInstanceRequest(name=target))
            assert copied.instance.name == target and copied.instance.type == "container"
        finally:
            await delete_instance(lxd, target)


# --- state ---------------------------------------------------------------------------------------


async def test_state_start_read_stop(lxd: LxdClient, instances: InstanceServiceStub) -> None:
    async with instance(lxd, "in-state") as name:
        await instances.UpdateInstanceState(
            pb.UpdateInstanceStateRequest(
                name=name, state=instance_state_pb2.InstanceStatePut(action="start"), wait=True
            )
        )
        state = (await instances.GetInstanceState(pb.GetInstanceStateRequest(name=name))).state
        assert state.status == "Running" and state.pid > 0
        assert "lo" in state.network and state.network["lo"].type == "loopback"
        assert state.memory.usage > 0
        await instances.UpdateInstanceState(
            pb.UpdateInstanceStateRequest(
                name=name,
                state=instance_state_pb2.InstanceStatePut(action="stop", force=True, timeout=30),
                wait=True,
            )
        )
        assert await instance_status(lxd, name) == "Stopped"


async def test_bulk_state_changes_every_instance_of_a_project(
    lxd: LxdClient, instances: InstanceServiceStub
) -> None:
    async with (
        project(lxd, "in-bulk") as where,
        instance(lxd, "in-b1", project=where) as one,
        instance(lxd, "in-b2", project=where) as two,
    ):
        started = await instances.UpdateInstances(
            pb.UpdateInstancesRequest(
                project=where,
                state=instance_pb2.InstancesPut(
                    state=instance_state_pb2.InstanceStatePut(action="start")
                ),
                wait=True,
            )
        )
        assert started.operation.status_code == STATUS_CODE_SUCCESS
        assert [await instance_status(lxd, n, project=where) for n in (one, two)] == [
            "Running",
            "Running",
        ]
        await instances.UpdateInstances(
            pb.UpdateInstancesRequest(
                project=where,
                state=instance_pb2.InstancesPut(
                    state=instance_state_pb2.InstanceStatePut(action="stop", force=True)
                ),
                wait=True,
            )
        )
        assert [await instance_status(lxd, n, project=where) for n in (one, two)] == [
            "Stopped",
            "Stopped",
        ]


# --- snapshots and backups ---------------------------------------------------------------------


async def test_snapshots_create_read_update_patch_rename_delete(
    lxd: LxdClient, instances: InstanceServiceStub
) -> None:
    async with instance(lxd, "in-snap") as name:
        await instances.CreateInstanceSnapshot(
            pb.CreateInstanceSnapshotRequest(
                instance=name,
                snapshot=instance_snapshot_pb2.InstanceSnapshotsPost(name="s1"),
                wait=True,
            )
        )
        names = await instances.GetInstanceSnapshotNames(
            pb.GetInstanceSnapshotNamesRequest(instance=name)
        )
        assert list(names.names) == ["s1"]
        listed = await instances.GetInstanceSnapshots(pb.GetInstanceSnapshotsRequest(instance=name))
        assert [s.name for s in listed.snapshots] == ["s1"]
        got = await instances.GetInstanceSnapshot(
            pb.GetInstanceSnapshotRequest(instance=name, name="s1")
        )
        assert got.snapshot.name == "s1" and not got.snapshot.HasField("expires_at")

        expiry = Timestamp(seconds=4102444800)  # 2100-01-01
        await instances.UpdateInstanceSnapshot(
            pb.UpdateInstanceSnapshotRequest(
                instance=name,
                name="s1",
                snapshot=instance_snapshot_pb2.InstanceSnapshotPut(expires_at=expiry),
                etag=got.etag,
                wait=True,
            )
        )
        got = await instances.GetInstanceSnapshot(
            pb.GetInstanceSnapshotRequest(instance=name, name="s1")
        )
        assert got.snapshot.expires_at.seconds == expiry.seconds

        later = Timestamp(seconds=4133980800)  # 2101-01-01
        await instances.PatchInstanceSnapshot(
            pb.PatchInstanceSnapshotRequest(
                instance=name,
                name="s1",
                snapshot=instance_snapshot_pb2.InstanceSnapshotPut(expires_at=later),
                update_mask=FieldMask(paths=["expires_at"]),
            )
        )
        got = await instances.GetInstanceSnapshot(
            pb.GetInstanceSnapshotRequest(instance=name, name="s1")
        )
        assert got.snapshot.expires_at.seconds == later.seconds

        await instances.RenameInstanceSnapshot(
            pb.RenameInstanceSnapshotRequest(
                instance=name,
                name="s1",
                snapshot=instance_snapshot_pb2.InstanceSnapshotPost(name="s2"),
                wait=True,
            )
        )
        await instances.DeleteInstanceSnapshot(
            pb.DeleteInstanceSnapshotRequest(instance=name, name="s2", wait=True)
        )
        names = await instances.GetInstanceSnapshotNames(
            pb.GetInstanceSnapshotNamesRequest(instance=name)
        )
        assert list(names.names) == []


async def test_backups_create_read_rename_delete(
    lxd: LxdClient, instances: InstanceServiceStub
) -> None:
    async with instance(lxd, "in-bak") as name:
        await instances.CreateInstanceBackup(
            pb.CreateInstanceBackupRequest(
                instance=name,
                backup=InstanceBackupsPost(name="b1", instance_only=True),
                wait=True,
            )
        )
        names = await instances.GetInstanceBackupNames(
            pb.GetInstanceBackupNamesRequest(instance=name)
        )
        assert list(names.names) == ["b1"]
        listed = await instances.GetInstanceBackups(pb.GetInstanceBackupsRequest(instance=name))
        assert [(b.name, b.instance_only) for b in listed.backups] == [("b1", True)]
        got = await instances.GetInstanceBackup(
            pb.GetInstanceBackupRequest(instance=name, name="b1")
        )
        assert got.backup.name == "b1" and got.backup.HasField("created_at")
        await instances.RenameInstanceBackup(
            pb.RenameInstanceBackupRequest(
                instance=name, name="b1", backup=InstanceBackupPost(name="b2"), wait=True
            )
        )
        await instances.DeleteInstanceBackup(
            pb.DeleteInstanceBackupRequest(instance=name, name="b2", wait=True)
        )
        names = await instances.GetInstanceBackupNames(
            pb.GetInstanceBackupNamesRequest(instance=name)
        )
        assert list(names.names) == []


# --- logs and metadata ------------------------------------------------------------------------


async def test_log_files_are_listed_for_a_started_instance(
    lxd: LxdClient, instances: InstanceServiceStub
) -> None:
    async with instance(lxd, "in-logs", start=True) as name:
        logs = await instances.GetInstanceLogfiles(pb.GetInstanceLogfilesRequest(name=name))
        assert "lxc.log" in logs.names


async def test_metadata_get_update_patch(lxd: LxdClient, instances: InstanceServiceStub) -> None:
    async with instance(lxd, "in-meta") as name:
        got = await instances.GetInstanceMetadata(pb.GetInstanceMetadataRequest(name=name))
        assert got.metadata.architecture and got.etag
        put = ImageMetadata()
        put.CopyFrom(got.metadata)
        put.properties["description"] = "updated"
        await instances.UpdateInstanceMetadata(
            pb.UpdateInstanceMetadataRequest(name=name, metadata=put, etag=got.etag)
        )
        got = await instances.GetInstanceMetadata(pb.GetInstanceMetadataRequest(name=name))
        assert got.metadata.properties["description"] == "updated"
        await instances.PatchInstanceMetadata(
            pb.PatchInstanceMetadataRequest(
                name=name,
                metadata=ImageMetadata(properties={"os": "patched"}),
                update_mask=FieldMask(paths=["properties"]),
            )
        )
        got = await instances.GetInstanceMetadata(pb.GetInstanceMetadataRequest(name=name))
        assert got.metadata.properties["os"] == "patched"
        # PATCH merges properties key by key: the earlier one is still there.
        assert got.metadata.properties["description"] == "updated"
