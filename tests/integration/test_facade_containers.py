"""ContainerService through the real bridge and a real LXD: every RPC, as a client sees it.

Each test creates what it reads under a unique `t-ct-<hex>` name and deletes it afterwards (through
the transport, so that cleanup does not depend on the code under test).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import grpc
import pytest
from google.protobuf.field_mask_pb2 import FieldMask

from bridge.objects import writable
from bridge.transport import LxdClient
from lxd.api.v1 import container_pb2, container_snapshot_pb2, container_state_pb2
from lxd.api.v1 import container_service_pb2 as pb
from lxd.api.v1.container_backup_pb2 import ContainerBackupPost, ContainerBackupsPost
from lxd.api.v1.container_service_pb2_grpc import ContainerServiceStub
from lxd.api.v1.operation_service_pb2 import GetOperationWaitRequest
from lxd.api.v1.operation_service_pb2_grpc import OperationServiceStub
from lxd.api.v1.options_pb2 import Device
from lxd.api.v1.status_code_pb2 import STATUS_CODE_SUCCESS
from tests.conftest import LxdSandbox
from tests.integration.conftest import error_details
from tests.integration.support import delete_container, per_family

pytestmark = pytest.mark.timeout(120)

SUCCESS = STATUS_CODE_SUCCESS
BUSYBOX = container_pb2.ContainerSource(type="image", alias="busybox")


def short(name: str) -> str:
    """A snapshot's or backup's own name: LXD 3.4 says "c1/snap0", LXD 5.0 "snap0"."""
    return name.rsplit("/", 1)[-1]


@pytest.fixture
def new_name(unique_name: Callable[[str], str]) -> Callable[[], str]:
    return lambda: unique_name("ct")


@pytest.fixture
def created(
    lxd: LxdClient, containers: ContainerServiceStub, new_name: Callable[[], str]
) -> Callable[..., AsyncIterator[str]]:
    """`async with created(**ContainersPost fields) as name`: a new stopped container."""

    @asynccontextmanager
    async def make(**fields: object) -> AsyncIterator[str]:
        name = new_name()
        post = container_pb2.ContainersPost(name=name, source=BUSYBOX, **fields)  # type: ignore[arg-type]
        try:
            reply = await containers.CreateContainer(
                pb.CreateContainerRequest(container=post, wait=True)
            )
            assert reply.operation.status_code == SUCCESS
            yield name
        finally:
            await delete_container(lxd, name)

    return make  # type: ignore[return-value]


@pytest.fixture(scope="module")
async def base(lxd: LxdClient, containers: ContainerServiceStub) -> AsyncIterator[str]:
    """One stopped container with a snapshot and a backup, shared by the read-only tests."""
    from tests.conftest import make_unique_name

    name = make_unique_name("ct-base")
    try:
        post = container_pb2.ContainersPost(name=name, source=BUSYBOX)
        await containers.CreateContainer(pb.CreateContainerRequest(container=post, wait=True))
        await containers.CreateContainerSnapshot(
            pb.CreateContainerSnapshotRequest(
                container=name,
                snapshot=container_snapshot_pb2.ContainerSnapshotsPost(name="snap0"),
                wait=True,
            )
        )
        await containers.CreateContainerBackup(
            pb.CreateContainerBackupRequest(
                container=name, backup=ContainerBackupsPost(name="backup0"), wait=True
            )
        )
        yield name
    finally:
        await delete_container(lxd, name)


# --- reading ------------------------------------------------------------------------------------


async def test_lists_name_containers_with_config_and_full_state(
    containers: ContainerServiceStub, base: str
) -> None:
    names = await containers.GetContainerNames(pb.GetContainerNamesRequest())
    assert base in names.names

    listed = await containers.GetContainers(pb.GetContainersRequest())
    mine = [c for c in listed.containers if c.name == base]
    assert len(mine) == 1 and mine[0].profiles == ["default"]

    full = await containers.GetContainersFull(pb.GetContainersFullRequest())
    (entry,) = [c for c in full.containers if c.name == base]
    assert entry.state.status == "Stopped"
    assert [short(s.name) for s in entry.snapshots] == ["snap0"]
    assert [short(b.name) for b in entry.backups] == ["backup0"]


async def test_get_container_returns_the_container_and_its_etag(
    containers: ContainerServiceStub, base: str
) -> None:
    reply = await containers.GetContainer(pb.GetContainerRequest(name=base))
    assert reply.container.name == base
    assert reply.container.status == "Stopped"
    assert reply.container.devices == {} or "root" not in reply.container.devices
    assert reply.etag, "LXD sends an ETag for containers"


async def test_a_missing_container_is_not_found_with_lxds_message(
    containers: ContainerServiceStub, new_name: Callable[[], str], daemon: LxdSandbox
) -> None:
    name = new_name()
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await containers.GetContainer(pb.GetContainerRequest(name=name))
    message = per_family(
        daemon,
        lxd="Instance not found",
        incus=f'Failed to fetch instance "{name}" in project "default": Instance not found',
    )
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    assert caught.value.details() == message
    details = error_details(caught.value)
    assert details.info.reason == "NOT_FOUND"
    assert dict(details.info.metadata) == {"error_code": "404", "error": message}


async def test_an_empty_name_is_invalid_argument_before_lxd_is_asked(
    containers: ContainerServiceStub,
) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await containers.GetContainer(pb.GetContainerRequest(name=""))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert error_details(caught.value).info.metadata["field"] == "name"


async def test_state_logfiles_metadata_and_templates_are_read(
    containers: ContainerServiceStub, base: str
) -> None:
    state = await containers.GetContainerState(pb.GetContainerStateRequest(name=base))
    assert state.state.status == "Stopped" and state.state.pid == 0

    logs = await containers.GetContainerLogfiles(pb.GetContainerLogfilesRequest(name=base))
    assert set(logs.names) <= {"lxc.log", "lxc.conf"}, "names, not /1.0/instances/... URLs"

    metadata = await containers.GetContainerMetadata(pb.GetContainerMetadataRequest(name=base))
    assert metadata.metadata.properties["os"] == "busybox"
    assert metadata.metadata.templates["/etc/hostname"].template == "hostname.tpl"

    templates = await containers.GetContainerTemplateFiles(
        pb.GetContainerTemplateFilesRequest(name=base)
    )
    assert list(templates.names) == ["hostname.tpl"]


async def test_snapshots_and_backups_are_listed_by_name_and_read(
    containers: ContainerServiceStub, base: str
) -> None:
    names = await containers.GetContainerSnapshotNames(
        pb.GetContainerSnapshotNamesRequest(container=base)
    )
    assert list(names.names) == ["snap0"]
    snapshots = await containers.GetContainerSnapshots(
        pb.GetContainerSnapshotsRequest(container=base)
    )
    assert [short(s.name) for s in snapshots.snapshots] == ["snap0"]
    snapshot = await containers.GetContainerSnapshot(
        pb.GetContainerSnapshotRequest(container=base, name="snap0")
    )
    assert short(snapshot.snapshot.name) == "snap0"

    backup_names = await containers.GetContainerBackupNames(
        pb.GetContainerBackupNamesRequest(container=base)
    )
    assert list(backup_names.names) == ["backup0"]
    backups = await containers.GetContainerBackups(pb.GetContainerBackupsRequest(container=base))
    assert [short(b.name) for b in backups.backups] == ["backup0"]
    backup = await containers.GetContainerBackup(
        pb.GetContainerBackupRequest(container=base, name="backup0")
    )
    assert short(backup.backup.name) == "backup0"
    assert backup.backup.creation_date.seconds > 0, "5.0's created_at, read as creation_date"


# --- writing ------------------------------------------------------------------------------------


async def test_create_without_wait_returns_the_running_operation(
    lxd: LxdClient,
    containers: ContainerServiceStub,
    operations: OperationServiceStub,
    new_name: Callable[[], str],
) -> None:
    name = new_name()
    try:
        post = container_pb2.ContainersPost(name=name, source=BUSYBOX)
        reply = await containers.CreateContainer(pb.CreateContainerRequest(container=post))
        assert reply.operation.id and getattr(reply.operation, "class") == "task"
        assert f"/1.0/instances/{name}" in reply.operation.resources["instances"].values
        done = await operations.GetOperationWait(
            GetOperationWaitRequest(name=reply.operation.id, timeout=30)
        )
        assert done.operation.status_code == SUCCESS
    finally:
        await delete_container(lxd, name)


async def test_a_failed_operation_is_an_error_carrying_lxds_err_and_the_operation(
    containers: ContainerServiceStub, base: str, daemon: LxdSandbox
) -> None:
    post = container_pb2.ContainersPost(name=base, source=BUSYBOX)  # the name is taken
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await containers.CreateContainer(pb.CreateContainerRequest(container=post, wait=True))
    if daemon.family == "incus":
        # Incus refuses at once (500, from its database), before any operation starts.
        assert caught.value.code() == grpc.StatusCode.INTERNAL
        assert caught.value.details() == (
            "Failed creating instance record: Add instance info to the database: Failed to "
            'create "instances" entry: UNIQUE constraint failed: instances.project_id, '
            "instances.name"
        )
        assert error_details(caught.value).info.metadata["error_code"] == "500"
        return
    assert caught.value.code() == grpc.StatusCode.UNKNOWN
    assert "already exists" in caught.value.details()
    details = error_details(caught.value)
    assert details.info.reason == "OPERATION_FAILURE"
    assert details.info.metadata["error_code"] == "400"
    assert details.operation is not None and details.operation.status == "Failure"
    assert details.operation.err == caught.value.details()


async def test_update_replaces_the_config_and_a_stale_etag_is_aborted(
    containers: ContainerServiceStub, created: Callable[..., AsyncIterator[str]]
) -> None:
    async with created() as name:  # type: ignore[attr-defined]
        got = await containers.GetContainer(pb.GetContainerRequest(name=name))
        put = writable(got.container)  # PUT replaces: start from what LXD has
        assert isinstance(put, container_pb2.ContainerPut)
        put.config["user.color"] = "blue"
        reply = await containers.UpdateContainer(
            pb.UpdateContainerRequest(name=name, container=put, etag=got.etag, wait=True)
        )
        assert reply.operation.status_code == SUCCESS
        after = await containers.GetContainer(pb.GetContainerRequest(name=name))
        assert after.container.config["user.color"] == "blue"
        assert after.etag != got.etag

        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await containers.UpdateContainer(
                pb.UpdateContainerRequest(name=name, container=put, etag=got.etag, wait=True)
            )
        assert caught.value.code() == grpc.StatusCode.ABORTED
        assert error_details(caught.value).info.metadata["error_code"] == "412"


async def test_patch_sends_only_the_masked_fields(
    containers: ContainerServiceStub, created: Callable[..., AsyncIterator[str]]
) -> None:
    async with created(config={"user.keep": "1"}) as name:  # type: ignore[attr-defined]
        patch = container_pb2.ContainerPut(
            config={"user.added": "2"},
            profiles=[],  # not in the mask: must not reach LXD (it would remove the profiles)
        )
        await containers.PatchContainer(
            pb.PatchContainerRequest(
                name=name, container=patch, update_mask=FieldMask(paths=["config"])
            )
        )
        after = (await containers.GetContainer(pb.GetContainerRequest(name=name))).container
        assert after.config["user.keep"] == "1", "LXD merges config keys"
        assert after.config["user.added"] == "2"
        assert list(after.profiles) == ["default"], "a field left out is left alone"


async def test_patch_with_an_empty_list_in_the_mask_clears_it(
    containers: ContainerServiceStub, created: Callable[..., AsyncIterator[str]]
) -> None:
    # The root disk is the container's own, so that it may live without profiles.
    root = Device(values={"type": "disk", "path": "/", "pool": "default"})
    async with created(devices={"root": root}) as name:  # type: ignore[attr-defined]
        await containers.PatchContainer(
            pb.PatchContainerRequest(
                name=name,
                container=container_pb2.ContainerPut(),
                update_mask=FieldMask(paths=["profiles"]),
            )
        )
        after = (await containers.GetContainer(pb.GetContainerRequest(name=name))).container
        assert list(after.profiles) == [], "profiles: [] was sent, not null"


@pytest.mark.parametrize(
    ("paths", "why"),
    [
        ([], "update_mask is empty"),
        (["colour"], "'colour' is not a field of ContainerPut"),
        (["empty_keys"], "'empty_keys' is not a field of ContainerPut"),
        (["config.user.x"], "'config.user.x' is not a field of ContainerPut"),
    ],
    ids=["empty-mask", "unknown-field", "bridge-bookkeeping-field", "nested-path"],
)
async def test_patch_refuses_a_mask_that_names_no_field(
    containers: ContainerServiceStub, base: str, paths: list[str], why: str
) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await containers.PatchContainer(
            pb.PatchContainerRequest(
                name=base,
                container=container_pb2.ContainerPut(),
                update_mask=FieldMask(paths=paths),
            )
        )
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert why in caught.value.details()
    assert error_details(caught.value).info.metadata["field"] == "update_mask"


async def test_patch_with_a_stale_etag_is_aborted(
    containers: ContainerServiceStub, base: str
) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await containers.PatchContainer(
            pb.PatchContainerRequest(
                name=base,
                container=container_pb2.ContainerPut(config={"user.x": "1"}),
                update_mask=FieldMask(paths=["config"]),
                etag='"not-the-etag"',
            )
        )
    assert caught.value.code() == grpc.StatusCode.ABORTED


async def test_rename_then_delete(
    lxd: LxdClient,
    containers: ContainerServiceStub,
    new_name: Callable[[], str],
    base: str,
) -> None:
    name, renamed = new_name(), new_name()
    try:
        post = container_pb2.ContainersPost(name=name, source=BUSYBOX)
        await containers.CreateContainer(pb.CreateContainerRequest(container=post, wait=True))

        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await containers.RenameContainer(
                pb.RenameContainerRequest(
                    name=name, container=container_pb2.ContainerPost(name=base), wait=True
                )
            )
        assert caught.value.code() == grpc.StatusCode.ALREADY_EXISTS

        reply = await containers.RenameContainer(
            pb.RenameContainerRequest(
                name=name, container=container_pb2.ContainerPost(name=renamed), wait=True
            )
        )
        assert reply.operation.status_code == SUCCESS
        names = (await containers.GetContainerNames(pb.GetContainerNamesRequest())).names
        assert renamed in names and name not in names

        deleted = await containers.DeleteContainer(
            pb.DeleteContainerRequest(name=renamed, wait=True)
        )
        assert deleted.operation.status_code == SUCCESS
        names = (await containers.GetContainerNames(pb.GetContainerNamesRequest())).names
        assert renamed not in names
    finally:
        await delete_container(lxd, name)
        await delete_container(lxd, renamed)


async def test_state_changes_start_and_stop_the_container(
    containers: ContainerServiceStub, created: Callable[..., AsyncIterator[str]]
) -> None:
    async with created() as name:  # type: ignore[attr-defined]
        for action, status in (("start", "Running"), ("stop", "Stopped")):
            put = container_state_pb2.ContainerStatePut(action=action, force=True, timeout=30)
            reply = await containers.UpdateContainerState(
                pb.UpdateContainerStateRequest(name=name, state=put, wait=True)
            )
            assert reply.operation.status_code == SUCCESS
            state = await containers.GetContainerState(pb.GetContainerStateRequest(name=name))
            assert state.state.status == status


async def test_a_deadline_before_the_operation_ends_is_deadline_exceeded_and_the_op_goes_on(
    containers: ContainerServiceStub,
    operations: OperationServiceStub,
    created: Callable[..., AsyncIterator[str]],
) -> None:
    async with created() as name:  # type: ignore[attr-defined]
        start = container_state_pb2.ContainerStatePut(action="start", timeout=30)
        await containers.UpdateContainerState(
            pb.UpdateContainerStateRequest(name=name, state=start, wait=True)
        )
        # A clean stop of the busybox container takes a couple of seconds.
        stop = container_state_pb2.ContainerStatePut(action="stop", timeout=30)
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await containers.UpdateContainerState(
                pb.UpdateContainerStateRequest(name=name, state=stop, wait=True), timeout=0.5
            )
        assert caught.value.code() == grpc.StatusCode.DEADLINE_EXCEEDED
        details = error_details(caught.value)
        assert details.info.reason == "OPERATION_RUNNING"
        # Not done at the deadline: "Running", or still "Pending" when LXD is slow to start it
        # (seen under load in CI).
        assert details.operation is not None
        assert details.operation.status in ("Pending", "Running")
        assert details.info.metadata["operation"] == details.operation.id

        done = await operations.GetOperationWait(
            GetOperationWaitRequest(name=details.operation.id, timeout=30)
        )
        assert done.operation.status_code == SUCCESS, "the operation was not lost"


async def test_snapshot_create_rename_delete(
    containers: ContainerServiceStub, created: Callable[..., AsyncIterator[str]]
) -> None:
    async with created() as name:  # type: ignore[attr-defined]
        snapshot = container_snapshot_pb2.ContainerSnapshotsPost(name="s1")
        created_op = await containers.CreateContainerSnapshot(
            pb.CreateContainerSnapshotRequest(container=name, snapshot=snapshot, wait=True)
        )
        assert created_op.operation.status_code == SUCCESS
        rename = container_snapshot_pb2.ContainerSnapshotPost(name="s2")
        await containers.RenameContainerSnapshot(
            pb.RenameContainerSnapshotRequest(container=name, name="s1", snapshot=rename, wait=True)
        )
        listed = await containers.GetContainerSnapshotNames(
            pb.GetContainerSnapshotNamesRequest(container=name)
        )
        assert list(listed.names) == ["s2"]
        await containers.DeleteContainerSnapshot(
            pb.DeleteContainerSnapshotRequest(container=name, name="s2", wait=True)
        )
        listed = await containers.GetContainerSnapshotNames(
            pb.GetContainerSnapshotNamesRequest(container=name)
        )
        assert list(listed.names) == []


async def test_backup_create_rename_delete(
    containers: ContainerServiceStub, created: Callable[..., AsyncIterator[str]]
) -> None:
    async with created() as name:  # type: ignore[attr-defined]
        backup = ContainerBackupsPost(name="b1", container_only=True)
        reply = await containers.CreateContainerBackup(
            pb.CreateContainerBackupRequest(container=name, backup=backup, wait=True)
        )
        assert reply.operation.status_code == SUCCESS
        await containers.RenameContainerBackup(
            pb.RenameContainerBackupRequest(
                container=name, name="b1", backup=ContainerBackupPost(name="b2"), wait=True
            )
        )
        listed = await containers.GetContainerBackupNames(
            pb.GetContainerBackupNamesRequest(container=name)
        )
        assert list(listed.names) == ["b2"]
        await containers.DeleteContainerBackup(
            pb.DeleteContainerBackupRequest(container=name, name="b2", wait=True)
        )
        listed = await containers.GetContainerBackupNames(
            pb.GetContainerBackupNamesRequest(container=name)
        )
        assert list(listed.names) == []


async def test_set_container_metadata_replaces_it(
    containers: ContainerServiceStub, created: Callable[..., AsyncIterator[str]]
) -> None:
    async with created() as name:  # type: ignore[attr-defined]
        got = await containers.GetContainerMetadata(pb.GetContainerMetadataRequest(name=name))
        metadata = got.metadata
        metadata.properties["description"] = "set through the bridge"
        await containers.SetContainerMetadata(
            pb.SetContainerMetadataRequest(name=name, metadata=metadata, etag=got.etag)
        )
        after = await containers.GetContainerMetadata(pb.GetContainerMetadataRequest(name=name))
        assert after.metadata.properties["description"] == "set through the bridge"
        assert after.metadata.templates == metadata.templates


async def test_rpcs_run_concurrently(containers: ContainerServiceStub, base: str) -> None:
    replies = await asyncio.gather(
        *(containers.GetContainer(pb.GetContainerRequest(name=base)) for _ in range(20))
    )
    assert {r.container.name for r in replies} == {base}
