"""Custom volume state, snapshots and backups (StoragePoolService) through the real bridge.

The tests work in a `dir` pool of their own (`t-vsb-<hex>`, made and removed through the
transport) so that nothing else sees their volumes. Content is put in and read back through the
`dir` pool's own directory on the host (<source>/custom/<project>_<volume>), where LXD keeps a
custom volume's files: a restore, a backup export and an import are judged by the bytes on disk.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import os
import tarfile
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import grpc
import pytest
from google.protobuf.field_mask_pb2 import FieldMask
from google.protobuf.timestamp_pb2 import Timestamp

from bridge.errors import NotFound
from bridge.objects import writable
from bridge.transport import LxdClient
from lxd.api.v1 import storage_pool_service_pb2 as pb
from lxd.api.v1 import (
    storage_pool_volume_backup_pb2,
    storage_pool_volume_pb2,
    storage_pool_volume_snapshot_pb2,
)
from lxd.api.v1.status_code_pb2 import STATUS_CODE_SUCCESS
from lxd.api.v1.storage_pool_service_pb2_grpc import StoragePoolServiceStub
from tests.conftest import LxdSandbox, make_unique_name
from tests.integration.conftest import error_details
from tests.integration.test_facade_storage_pools import remove_pool

pytestmark = pytest.mark.timeout(120)

Snapshot = storage_pool_volume_snapshot_pb2
Backup = storage_pool_volume_backup_pb2


@pytest.fixture(scope="module")
def pools(channel: grpc.aio.Channel) -> StoragePoolServiceStub:
    """StoragePoolService client."""
    return StoragePoolServiceStub(channel)


@pytest.fixture(scope="module")
async def pool(lxd: LxdClient) -> AsyncIterator[tuple[str, Path]]:
    """(name, source directory) of a `dir` pool of this module's own."""
    name = make_unique_name("vsb")
    await lxd.request("POST", "/1.0/storage-pools", json={"name": name, "driver": "dir"})
    try:
        source = (await lxd.get(f"/1.0/storage-pools/{name}")).metadata["config"]["source"]
        yield name, Path(source)
    finally:
        await remove_pool(lxd, name)


def volume_dir(pool: tuple[str, Path], volume: str) -> Path:
    """Where the dir driver keeps a custom volume of the default project."""
    return pool[1] / "custom" / f"default_{volume}"


@pytest.fixture
async def volume(
    lxd: LxdClient,
    pools: StoragePoolServiceStub,
    pool: tuple[str, Path],
    unique_name: Callable[[str], str],
) -> AsyncIterator[str]:
    """A new custom volume holding data/file.txt ("version 1")."""
    name = unique_name("vol")
    await pools.CreateStoragePoolVolume(
        pb.CreateStoragePoolVolumeRequest(
            pool=pool[0],
            volume=storage_pool_volume_pb2.StorageVolumesPost(name=name, type="custom"),
        )
    )
    try:
        data = volume_dir(pool, name) / "data"
        data.mkdir()
        (data / "file.txt").write_text("version 1\n")
        yield name
    finally:
        await remove_volume(lxd, pool[0], name)


async def remove_volume(lxd: LxdClient, pool: str, name: str) -> None:
    """Delete a custom volume with its backups and snapshots, through the transport."""
    base = f"/1.0/storage-pools/{pool}/volumes/custom/{name}"
    try:
        backups = (await lxd.get(f"{base}/backups")).metadata or []
    except NotFound:
        return
    for url in backups:
        await lxd.operations.run("DELETE", url.split("?", 1)[0], timeout=60)
    for url in (await lxd.get(f"{base}/snapshots")).metadata or []:
        await lxd.operations.run("DELETE", url.split("?", 1)[0], timeout=60)
    await lxd.request("DELETE", base)


def tree_digest(root: Path) -> dict[str, str]:
    """Relative path -> sha256 of every file under root (directories by their files)."""
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


# --- state ---------------------------------------------------------------------------------


async def test_volume_state_on_a_dir_pool(
    pools: StoragePoolServiceStub, pool: tuple[str, Path], volume: str, daemon: LxdSandbox
) -> None:
    # The dir driver measures usage only with project quotas on the backing filesystem; here it
    # has none. LXD 5.0.2 answers 500 "Not supported" (the status says so, with its message);
    # Incus 6.0 answers a state whose usage is null (the unset field).
    request = pb.GetStoragePoolVolumeStateRequest(pool=pool[0], type="custom", name=volume)
    if daemon.family == "incus":
        reply = await pools.GetStoragePoolVolumeState(request)
        assert reply.HasField("state") and not reply.state.HasField("usage")
        return
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await pools.GetStoragePoolVolumeState(request)
    assert caught.value.code() == grpc.StatusCode.INTERNAL
    assert caught.value.details() == "Not supported"
    assert error_details(caught.value).info.metadata["error_code"] == "500"


# --- snapshots -----------------------------------------------------------------------------


async def test_snapshot_create_list_update_rename_restore_delete(
    pools: StoragePoolServiceStub, pool: tuple[str, Path], volume: str
) -> None:
    where = {"pool": pool[0], "type": "custom", "volume": volume}
    expiry = Timestamp()
    expiry.FromDatetime(datetime.datetime(2099, 1, 2, 3, 4, 5, tzinfo=datetime.UTC))
    created = await pools.CreateStoragePoolVolumeSnapshot(
        pb.CreateStoragePoolVolumeSnapshotRequest(
            **where,
            snapshot=Snapshot.StorageVolumeSnapshotsPost(name="snap0", expires_at=expiry),
            wait=True,
        )
    )
    assert created.operation.status_code == STATUS_CODE_SUCCESS

    names = await pools.GetStoragePoolVolumeSnapshotNames(
        pb.GetStoragePoolVolumeSnapshotNamesRequest(**where)
    )
    assert list(names.names) == ["snap0"]
    listed = await pools.GetStoragePoolVolumeSnapshots(
        pb.GetStoragePoolVolumeSnapshotsRequest(**where)
    )
    got = await pools.GetStoragePoolVolumeSnapshot(
        pb.GetStoragePoolVolumeSnapshotRequest(**where, name="snap0")
    )
    # LXD 5.0.2 lists a snapshot (recursion=1) as "<volume>/<snapshot>" and without its
    # content_type; a GET of one says "snap0" and "filesystem". Passed on as LXD sends them.
    (in_list,) = listed.snapshots
    assert in_list.name == f"{volume}/snap0" and in_list.content_type == ""
    assert in_list.expires_at == got.snapshot.expires_at and got.etag
    assert got.snapshot.name == "snap0"
    assert got.snapshot.content_type == "filesystem"
    assert got.snapshot.expires_at == expiry

    # The volume changes after the snapshot; a restore brings the snapshot's bytes back.
    (volume_dir(pool, volume) / "data" / "file.txt").write_text("version 2\n")

    put = writable(got.snapshot)
    assert isinstance(put, Snapshot.StorageVolumeSnapshotPut)
    put.description = "before version 2"
    await pools.UpdateStoragePoolVolumeSnapshot(
        pb.UpdateStoragePoolVolumeSnapshotRequest(
            **where, name="snap0", snapshot=put, etag=got.etag
        )
    )
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await pools.UpdateStoragePoolVolumeSnapshot(
            pb.UpdateStoragePoolVolumeSnapshotRequest(
                **where, name="snap0", snapshot=put, etag=got.etag
            )
        )
    assert caught.value.code() == grpc.StatusCode.ABORTED

    await pools.PatchStoragePoolVolumeSnapshot(
        pb.PatchStoragePoolVolumeSnapshotRequest(
            **where,
            name="snap0",
            snapshot=Snapshot.StorageVolumeSnapshotPut(description="patched"),
            update_mask=FieldMask(paths=["description"]),
        )
    )
    patched = await pools.GetStoragePoolVolumeSnapshot(
        pb.GetStoragePoolVolumeSnapshotRequest(**where, name="snap0")
    )
    assert patched.snapshot.description == "patched"
    assert patched.snapshot.expires_at == expiry, "PATCH leaves expires_at alone"

    renamed = await pools.RenameStoragePoolVolumeSnapshot(
        pb.RenameStoragePoolVolumeSnapshotRequest(
            **where,
            name="snap0",
            snapshot=Snapshot.StorageVolumeSnapshotPost(name="before-v2"),
            wait=True,
        )
    )
    assert renamed.operation.status_code == STATUS_CODE_SUCCESS
    names = await pools.GetStoragePoolVolumeSnapshotNames(
        pb.GetStoragePoolVolumeSnapshotNamesRequest(**where)
    )
    assert list(names.names) == ["before-v2"]

    # Restore: UpdateStoragePoolVolume with `restore`, as the Go client does it.
    await pools.UpdateStoragePoolVolume(
        pb.UpdateStoragePoolVolumeRequest(
            pool=pool[0],
            type="custom",
            name=volume,
            volume=storage_pool_volume_pb2.StorageVolumePut(restore="before-v2"),
        )
    )
    assert (volume_dir(pool, volume) / "data" / "file.txt").read_text() == "version 1\n"

    deleted = await pools.DeleteStoragePoolVolumeSnapshot(
        pb.DeleteStoragePoolVolumeSnapshotRequest(**where, name="before-v2", wait=True)
    )
    assert deleted.operation.status_code == STATUS_CODE_SUCCESS
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await pools.GetStoragePoolVolumeSnapshot(
            pb.GetStoragePoolVolumeSnapshotRequest(**where, name="before-v2")
        )
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    assert error_details(caught.value).info.metadata["error_code"] == "404"


async def test_the_plural_type_of_lxd_3_4_lists_is_made_singular_for_snapshots(
    pools: StoragePoolServiceStub, pool: tuple[str, Path], daemon: LxdSandbox
) -> None:
    # LXD 5.0.2 answers 400 "Invalid storage volume type name" to .../volumes/containers/...:
    # the bridge sends "container", which the daemon takes (for a missing volume LXD 5.0.2 lists
    # no snapshots, Incus 6.0 says 404).
    request = pb.GetStoragePoolVolumeSnapshotNamesRequest(
        pool=pool[0], type="containers", volume="missing"
    )
    if daemon.family == "incus":
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await pools.GetStoragePoolVolumeSnapshotNames(request)
        assert caught.value.code() == grpc.StatusCode.NOT_FOUND
        assert caught.value.details() == "Storage pool volume not found"
        return
    names = await pools.GetStoragePoolVolumeSnapshotNames(request)
    assert list(names.names) == []


# --- backups -------------------------------------------------------------------------------


async def test_backup_export_then_import_gives_a_volume_with_identical_content(
    lxd: LxdClient,
    pools: StoragePoolServiceStub,
    pool: tuple[str, Path],
    volume: str,
    daemon: LxdSandbox,
) -> None:
    source = volume_dir(pool, volume)
    (source / "data" / "random.bin").write_bytes(os.urandom(3 * 1024 * 1024 + 7))
    (source / "data" / "empty").write_bytes(b"")
    before = tree_digest(source)
    where = {"pool": pool[0], "type": "custom", "volume": volume}

    created = await pools.CreateStoragePoolVolumeBackup(
        pb.CreateStoragePoolVolumeBackupRequest(
            **where,
            backup=Backup.StoragePoolVolumeBackupsPost(
                name="backup0", volume_only=True, compression_algorithm="gzip"
            ),
            wait=True,
        )
    )
    assert created.operation.status_code == STATUS_CODE_SUCCESS
    names = await pools.GetStoragePoolVolumeBackupNames(
        pb.GetStoragePoolVolumeBackupNamesRequest(**where)
    )
    assert list(names.names) == ["backup0"]
    listed = await pools.GetStoragePoolVolumeBackups(pb.GetStoragePoolVolumeBackupsRequest(**where))
    got = await pools.GetStoragePoolVolumeBackup(
        pb.GetStoragePoolVolumeBackupRequest(**where, name="backup0")
    )
    assert list(listed.backups) == [got.backup]
    assert got.backup.name == "backup0" and got.backup.volume_only
    assert not got.backup.optimized_storage
    assert got.backup.created_at.seconds > 0
    assert not got.backup.HasField("expires_at"), "zero time (never expires) is the unset field"

    renamed = await pools.RenameStoragePoolVolumeBackup(
        pb.RenameStoragePoolVolumeBackupRequest(
            **where,
            name="backup0",
            backup=Backup.StoragePoolVolumeBackupPost(name="nightly"),
            wait=True,
        )
    )
    assert renamed.operation.status_code == STATUS_CODE_SUCCESS

    chunks = [
        r.data
        async for r in pools.GetStoragePoolVolumeBackupFile(
            pb.GetStoragePoolVolumeBackupFileRequest(**where, name="nightly")
        )
    ]
    assert max(len(c) for c in chunks) <= 256 * 1024, "the export comes in bounded chunks"
    tarball = b"".join(chunks)
    with tarfile.open(fileobj=io.BytesIO(tarball)) as tar:
        members = tar.getnames()
    assert "backup/index.yaml" in members and "backup/volume/data/random.bin" in members

    restored = volume + "-r"
    try:

        async def upload() -> AsyncIterator[pb.CreateStoragePoolVolumeFromBackupRequest]:
            yield pb.CreateStoragePoolVolumeFromBackupRequest(
                pool=pool[0], name=restored, wait=True
            )
            for i in range(0, len(tarball), 256 * 1024):
                yield pb.CreateStoragePoolVolumeFromBackupRequest(data=tarball[i : i + 256 * 1024])

        imported = await pools.CreateStoragePoolVolumeFromBackup(upload())
        assert imported.operation.status_code == STATUS_CODE_SUCCESS
        got_volume = await pools.GetStoragePoolVolume(
            pb.GetStoragePoolVolumeRequest(pool=pool[0], type="custom", name=restored)
        )
        assert got_volume.volume.name == restored
        assert tree_digest(volume_dir(pool, restored)) == before

        # The same name again: LXD 5.0.2's operation fails (UNKNOWN: a failed operation keeps
        # only its err text), Incus 6.0 refuses at once (500, INTERNAL); each with its message,
        # and the volume imported first is left as it was.
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await pools.CreateStoragePoolVolumeFromBackup(upload())
        if daemon.family == "incus":
            assert caught.value.code() == grpc.StatusCode.INTERNAL
            assert caught.value.details() == (
                f'Create custom volume from backup: Volume "{restored}" already exists in pool '
                f'"{pool[0]}"'
            )
        else:
            assert caught.value.code() == grpc.StatusCode.UNKNOWN
            assert caught.value.details().startswith(
                f'Create custom volume from backup: Error inserting volume "{restored}"'
            )
            assert error_details(caught.value).operation is not None
        assert tree_digest(volume_dir(pool, restored)) == before
    finally:
        await remove_volume(lxd, pool[0], restored)

    deleted = await pools.DeleteStoragePoolVolumeBackup(
        pb.DeleteStoragePoolVolumeBackupRequest(**where, name="nightly", wait=True)
    )
    assert deleted.operation.status_code == STATUS_CODE_SUCCESS
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await pools.GetStoragePoolVolumeBackup(
            pb.GetStoragePoolVolumeBackupRequest(**where, name="nightly")
        )
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND


async def test_a_backup_of_another_volume_type_is_lxds_400(
    pools: StoragePoolServiceStub, pool: tuple[str, Path]
) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await pools.GetStoragePoolVolumeBackupNames(
            pb.GetStoragePoolVolumeBackupNamesRequest(pool=pool[0], type="container", volume="x")
        )
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert caught.value.details() == 'Invalid storage volume type "container"'


async def test_an_empty_volume_name_is_invalid_argument_before_lxd_is_asked(
    pools: StoragePoolServiceStub, pool: tuple[str, Path]
) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        async for _ in pools.GetStoragePoolVolumeBackupFile(
            pb.GetStoragePoolVolumeBackupFileRequest(
                pool=pool[0], type="custom", volume="", name="b"
            )
        ):
            pass
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "volume" in caught.value.details()


@pytest.mark.parametrize(
    ("first", "field"),
    [
        (pb.CreateStoragePoolVolumeFromBackupRequest(pool="", name="x", data=b"x"), "pool"),
        (pb.CreateStoragePoolVolumeFromBackupRequest(pool="p", name="a\r\nX-Evil: 1"), "name"),
    ],
    ids=["empty-pool", "header-injection-in-name"],
)
async def test_a_bad_import_request_is_invalid_argument_naming_the_field(
    pools: StoragePoolServiceStub,
    first: pb.CreateStoragePoolVolumeFromBackupRequest,
    field: str,
) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await pools.CreateStoragePoolVolumeFromBackup(iter([first]), timeout=30)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert error_details(caught.value).info.metadata["field"] == field
