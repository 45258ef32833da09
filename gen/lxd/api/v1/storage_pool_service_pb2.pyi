from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf import field_mask_pb2 as _field_mask_pb2
from lxd.api.v1 import operation_pb2 as _operation_pb2
from lxd.api.v1 import resource_pb2 as _resource_pb2
from lxd.api.v1 import storage_pool_pb2 as _storage_pool_pb2
from lxd.api.v1 import storage_pool_volume_pb2 as _storage_pool_volume_pb2
from lxd.api.v1 import storage_pool_volume_backup_pb2 as _storage_pool_volume_backup_pb2
from lxd.api.v1 import storage_pool_volume_snapshot_pb2 as _storage_pool_volume_snapshot_pb2
from lxd.api.v1 import storage_pool_volume_state_pb2 as _storage_pool_volume_state_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetStoragePoolNamesRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetStoragePoolNamesResponse(_message.Message):
    __slots__ = ("names",)
    NAMES_FIELD_NUMBER: _ClassVar[int]
    names: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, names: _Optional[_Iterable[str]] = ...) -> None: ...

class GetStoragePoolsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetStoragePoolsResponse(_message.Message):
    __slots__ = ("pools",)
    POOLS_FIELD_NUMBER: _ClassVar[int]
    pools: _containers.RepeatedCompositeFieldContainer[_storage_pool_pb2.StoragePool]
    def __init__(self, pools: _Optional[_Iterable[_Union[_storage_pool_pb2.StoragePool, _Mapping]]] = ...) -> None: ...

class GetStoragePoolRequest(_message.Message):
    __slots__ = ("name", "target")
    NAME_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    name: str
    target: str
    def __init__(self, name: _Optional[str] = ..., target: _Optional[str] = ...) -> None: ...

class GetStoragePoolResponse(_message.Message):
    __slots__ = ("pool", "etag")
    POOL_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    pool: _storage_pool_pb2.StoragePool
    etag: str
    def __init__(self, pool: _Optional[_Union[_storage_pool_pb2.StoragePool, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class GetStoragePoolResourcesRequest(_message.Message):
    __slots__ = ("name", "target")
    NAME_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    name: str
    target: str
    def __init__(self, name: _Optional[str] = ..., target: _Optional[str] = ...) -> None: ...

class GetStoragePoolResourcesResponse(_message.Message):
    __slots__ = ("resources",)
    RESOURCES_FIELD_NUMBER: _ClassVar[int]
    resources: _resource_pb2.ResourcesStoragePool
    def __init__(self, resources: _Optional[_Union[_resource_pb2.ResourcesStoragePool, _Mapping]] = ...) -> None: ...

class CreateStoragePoolRequest(_message.Message):
    __slots__ = ("pool", "target")
    POOL_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    pool: _storage_pool_pb2.StoragePoolsPost
    target: str
    def __init__(self, pool: _Optional[_Union[_storage_pool_pb2.StoragePoolsPost, _Mapping]] = ..., target: _Optional[str] = ...) -> None: ...

class CreateStoragePoolResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class UpdateStoragePoolRequest(_message.Message):
    __slots__ = ("name", "pool", "etag", "target")
    NAME_FIELD_NUMBER: _ClassVar[int]
    POOL_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    name: str
    pool: _storage_pool_pb2.StoragePoolPut
    etag: str
    target: str
    def __init__(self, name: _Optional[str] = ..., pool: _Optional[_Union[_storage_pool_pb2.StoragePoolPut, _Mapping]] = ..., etag: _Optional[str] = ..., target: _Optional[str] = ...) -> None: ...

class UpdateStoragePoolResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class PatchStoragePoolRequest(_message.Message):
    __slots__ = ("name", "pool", "update_mask", "etag", "target")
    NAME_FIELD_NUMBER: _ClassVar[int]
    POOL_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    name: str
    pool: _storage_pool_pb2.StoragePoolPut
    update_mask: _field_mask_pb2.FieldMask
    etag: str
    target: str
    def __init__(self, name: _Optional[str] = ..., pool: _Optional[_Union[_storage_pool_pb2.StoragePoolPut, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ..., etag: _Optional[str] = ..., target: _Optional[str] = ...) -> None: ...

class PatchStoragePoolResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class DeleteStoragePoolRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class DeleteStoragePoolResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetStoragePoolVolumeNamesRequest(_message.Message):
    __slots__ = ("pool", "target", "project", "type")
    POOL_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    pool: str
    target: str
    project: str
    type: str
    def __init__(self, pool: _Optional[str] = ..., target: _Optional[str] = ..., project: _Optional[str] = ..., type: _Optional[str] = ...) -> None: ...

class GetStoragePoolVolumeNamesResponse(_message.Message):
    __slots__ = ("names",)
    NAMES_FIELD_NUMBER: _ClassVar[int]
    names: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, names: _Optional[_Iterable[str]] = ...) -> None: ...

class GetStoragePoolVolumesRequest(_message.Message):
    __slots__ = ("pool", "target", "project", "type", "all_projects")
    POOL_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    ALL_PROJECTS_FIELD_NUMBER: _ClassVar[int]
    pool: str
    target: str
    project: str
    type: str
    all_projects: bool
    def __init__(self, pool: _Optional[str] = ..., target: _Optional[str] = ..., project: _Optional[str] = ..., type: _Optional[str] = ..., all_projects: _Optional[bool] = ...) -> None: ...

class GetStoragePoolVolumesResponse(_message.Message):
    __slots__ = ("volumes",)
    VOLUMES_FIELD_NUMBER: _ClassVar[int]
    volumes: _containers.RepeatedCompositeFieldContainer[_storage_pool_volume_pb2.StorageVolume]
    def __init__(self, volumes: _Optional[_Iterable[_Union[_storage_pool_volume_pb2.StorageVolume, _Mapping]]] = ...) -> None: ...

class GetStoragePoolVolumeRequest(_message.Message):
    __slots__ = ("pool", "type", "name", "target", "project")
    POOL_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    pool: str
    type: str
    name: str
    target: str
    project: str
    def __init__(self, pool: _Optional[str] = ..., type: _Optional[str] = ..., name: _Optional[str] = ..., target: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetStoragePoolVolumeResponse(_message.Message):
    __slots__ = ("volume", "etag")
    VOLUME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    volume: _storage_pool_volume_pb2.StorageVolume
    etag: str
    def __init__(self, volume: _Optional[_Union[_storage_pool_volume_pb2.StorageVolume, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class CreateStoragePoolVolumeRequest(_message.Message):
    __slots__ = ("pool", "volume", "target", "project", "wait")
    POOL_FIELD_NUMBER: _ClassVar[int]
    VOLUME_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    pool: str
    volume: _storage_pool_volume_pb2.StorageVolumesPost
    target: str
    project: str
    wait: bool
    def __init__(self, pool: _Optional[str] = ..., volume: _Optional[_Union[_storage_pool_volume_pb2.StorageVolumesPost, _Mapping]] = ..., target: _Optional[str] = ..., project: _Optional[str] = ..., wait: _Optional[bool] = ...) -> None: ...

class CreateStoragePoolVolumeResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class UpdateStoragePoolVolumeRequest(_message.Message):
    __slots__ = ("pool", "type", "name", "volume", "etag", "target", "project")
    POOL_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    VOLUME_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    pool: str
    type: str
    name: str
    volume: _storage_pool_volume_pb2.StorageVolumePut
    etag: str
    target: str
    project: str
    def __init__(self, pool: _Optional[str] = ..., type: _Optional[str] = ..., name: _Optional[str] = ..., volume: _Optional[_Union[_storage_pool_volume_pb2.StorageVolumePut, _Mapping]] = ..., etag: _Optional[str] = ..., target: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class UpdateStoragePoolVolumeResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class PatchStoragePoolVolumeRequest(_message.Message):
    __slots__ = ("pool", "type", "name", "volume", "update_mask", "etag", "target", "project")
    POOL_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    VOLUME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    pool: str
    type: str
    name: str
    volume: _storage_pool_volume_pb2.StorageVolumePut
    update_mask: _field_mask_pb2.FieldMask
    etag: str
    target: str
    project: str
    def __init__(self, pool: _Optional[str] = ..., type: _Optional[str] = ..., name: _Optional[str] = ..., volume: _Optional[_Union[_storage_pool_volume_pb2.StorageVolumePut, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ..., etag: _Optional[str] = ..., target: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class PatchStoragePoolVolumeResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class RenameStoragePoolVolumeRequest(_message.Message):
    __slots__ = ("pool", "type", "name", "volume", "target", "project", "wait")
    POOL_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    VOLUME_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    pool: str
    type: str
    name: str
    volume: _storage_pool_volume_pb2.StorageVolumePost
    target: str
    project: str
    wait: bool
    def __init__(self, pool: _Optional[str] = ..., type: _Optional[str] = ..., name: _Optional[str] = ..., volume: _Optional[_Union[_storage_pool_volume_pb2.StorageVolumePost, _Mapping]] = ..., target: _Optional[str] = ..., project: _Optional[str] = ..., wait: _Optional[bool] = ...) -> None: ...

class RenameStoragePoolVolumeResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class DeleteStoragePoolVolumeRequest(_message.Message):
    __slots__ = ("pool", "type", "name", "target", "project")
    POOL_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    pool: str
    type: str
    name: str
    target: str
    project: str
    def __init__(self, pool: _Optional[str] = ..., type: _Optional[str] = ..., name: _Optional[str] = ..., target: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class DeleteStoragePoolVolumeResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetStoragePoolVolumeStateRequest(_message.Message):
    __slots__ = ("pool", "type", "name", "target", "project")
    POOL_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    pool: str
    type: str
    name: str
    target: str
    project: str
    def __init__(self, pool: _Optional[str] = ..., type: _Optional[str] = ..., name: _Optional[str] = ..., target: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetStoragePoolVolumeStateResponse(_message.Message):
    __slots__ = ("state",)
    STATE_FIELD_NUMBER: _ClassVar[int]
    state: _storage_pool_volume_state_pb2.StorageVolumeState
    def __init__(self, state: _Optional[_Union[_storage_pool_volume_state_pb2.StorageVolumeState, _Mapping]] = ...) -> None: ...

class GetStoragePoolVolumeSnapshotNamesRequest(_message.Message):
    __slots__ = ("pool", "type", "volume", "target", "project")
    POOL_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    VOLUME_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    pool: str
    type: str
    volume: str
    target: str
    project: str
    def __init__(self, pool: _Optional[str] = ..., type: _Optional[str] = ..., volume: _Optional[str] = ..., target: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetStoragePoolVolumeSnapshotNamesResponse(_message.Message):
    __slots__ = ("names",)
    NAMES_FIELD_NUMBER: _ClassVar[int]
    names: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, names: _Optional[_Iterable[str]] = ...) -> None: ...

class GetStoragePoolVolumeSnapshotsRequest(_message.Message):
    __slots__ = ("pool", "type", "volume", "target", "project")
    POOL_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    VOLUME_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    pool: str
    type: str
    volume: str
    target: str
    project: str
    def __init__(self, pool: _Optional[str] = ..., type: _Optional[str] = ..., volume: _Optional[str] = ..., target: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetStoragePoolVolumeSnapshotsResponse(_message.Message):
    __slots__ = ("snapshots",)
    SNAPSHOTS_FIELD_NUMBER: _ClassVar[int]
    snapshots: _containers.RepeatedCompositeFieldContainer[_storage_pool_volume_snapshot_pb2.StorageVolumeSnapshot]
    def __init__(self, snapshots: _Optional[_Iterable[_Union[_storage_pool_volume_snapshot_pb2.StorageVolumeSnapshot, _Mapping]]] = ...) -> None: ...

class GetStoragePoolVolumeSnapshotRequest(_message.Message):
    __slots__ = ("pool", "type", "volume", "name", "target", "project")
    POOL_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    VOLUME_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    pool: str
    type: str
    volume: str
    name: str
    target: str
    project: str
    def __init__(self, pool: _Optional[str] = ..., type: _Optional[str] = ..., volume: _Optional[str] = ..., name: _Optional[str] = ..., target: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetStoragePoolVolumeSnapshotResponse(_message.Message):
    __slots__ = ("snapshot", "etag")
    SNAPSHOT_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    snapshot: _storage_pool_volume_snapshot_pb2.StorageVolumeSnapshot
    etag: str
    def __init__(self, snapshot: _Optional[_Union[_storage_pool_volume_snapshot_pb2.StorageVolumeSnapshot, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class CreateStoragePoolVolumeSnapshotRequest(_message.Message):
    __slots__ = ("pool", "type", "volume", "snapshot", "target", "project", "wait")
    POOL_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    VOLUME_FIELD_NUMBER: _ClassVar[int]
    SNAPSHOT_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    pool: str
    type: str
    volume: str
    snapshot: _storage_pool_volume_snapshot_pb2.StorageVolumeSnapshotsPost
    target: str
    project: str
    wait: bool
    def __init__(self, pool: _Optional[str] = ..., type: _Optional[str] = ..., volume: _Optional[str] = ..., snapshot: _Optional[_Union[_storage_pool_volume_snapshot_pb2.StorageVolumeSnapshotsPost, _Mapping]] = ..., target: _Optional[str] = ..., project: _Optional[str] = ..., wait: _Optional[bool] = ...) -> None: ...

class CreateStoragePoolVolumeSnapshotResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class UpdateStoragePoolVolumeSnapshotRequest(_message.Message):
    __slots__ = ("pool", "type", "volume", "name", "snapshot", "etag", "target", "project")
    POOL_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    VOLUME_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SNAPSHOT_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    pool: str
    type: str
    volume: str
    name: str
    snapshot: _storage_pool_volume_snapshot_pb2.StorageVolumeSnapshotPut
    etag: str
    target: str
    project: str
    def __init__(self, pool: _Optional[str] = ..., type: _Optional[str] = ..., volume: _Optional[str] = ..., name: _Optional[str] = ..., snapshot: _Optional[_Union[_storage_pool_volume_snapshot_pb2.StorageVolumeSnapshotPut, _Mapping]] = ..., etag: _Optional[str] = ..., target: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class UpdateStoragePoolVolumeSnapshotResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class PatchStoragePoolVolumeSnapshotRequest(_message.Message):
    __slots__ = ("pool", "type", "volume", "name", "snapshot", "update_mask", "etag", "target", "project")
    POOL_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    VOLUME_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SNAPSHOT_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    pool: str
    type: str
    volume: str
    name: str
    snapshot: _storage_pool_volume_snapshot_pb2.StorageVolumeSnapshotPut
    update_mask: _field_mask_pb2.FieldMask
    etag: str
    target: str
    project: str
    def __init__(self, pool: _Optional[str] = ..., type: _Optional[str] = ..., volume: _Optional[str] = ..., name: _Optional[str] = ..., snapshot: _Optional[_Union[_storage_pool_volume_snapshot_pb2.StorageVolumeSnapshotPut, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ..., etag: _Optional[str] = ..., target: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class PatchStoragePoolVolumeSnapshotResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class RenameStoragePoolVolumeSnapshotRequest(_message.Message):
    __slots__ = ("pool", "type", "volume", "name", "snapshot", "target", "project", "wait")
    POOL_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    VOLUME_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SNAPSHOT_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    pool: str
    type: str
    volume: str
    name: str
    snapshot: _storage_pool_volume_snapshot_pb2.StorageVolumeSnapshotPost
    target: str
    project: str
    wait: bool
    def __init__(self, pool: _Optional[str] = ..., type: _Optional[str] = ..., volume: _Optional[str] = ..., name: _Optional[str] = ..., snapshot: _Optional[_Union[_storage_pool_volume_snapshot_pb2.StorageVolumeSnapshotPost, _Mapping]] = ..., target: _Optional[str] = ..., project: _Optional[str] = ..., wait: _Optional[bool] = ...) -> None: ...

class RenameStoragePoolVolumeSnapshotResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class DeleteStoragePoolVolumeSnapshotRequest(_message.Message):
    __slots__ = ("pool", "type", "volume", "name", "target", "project", "wait")
    POOL_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    VOLUME_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    pool: str
    type: str
    volume: str
    name: str
    target: str
    project: str
    wait: bool
    def __init__(self, pool: _Optional[str] = ..., type: _Optional[str] = ..., volume: _Optional[str] = ..., name: _Optional[str] = ..., target: _Optional[str] = ..., project: _Optional[str] = ..., wait: _Optional[bool] = ...) -> None: ...

class DeleteStoragePoolVolumeSnapshotResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class GetStoragePoolVolumeBackupNamesRequest(_message.Message):
    __slots__ = ("pool", "type", "volume", "target", "project")
    POOL_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    VOLUME_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    pool: str
    type: str
    volume: str
    target: str
    project: str
    def __init__(self, pool: _Optional[str] = ..., type: _Optional[str] = ..., volume: _Optional[str] = ..., target: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetStoragePoolVolumeBackupNamesResponse(_message.Message):
    __slots__ = ("names",)
    NAMES_FIELD_NUMBER: _ClassVar[int]
    names: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, names: _Optional[_Iterable[str]] = ...) -> None: ...

class GetStoragePoolVolumeBackupsRequest(_message.Message):
    __slots__ = ("pool", "type", "volume", "target", "project")
    POOL_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    VOLUME_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    pool: str
    type: str
    volume: str
    target: str
    project: str
    def __init__(self, pool: _Optional[str] = ..., type: _Optional[str] = ..., volume: _Optional[str] = ..., target: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetStoragePoolVolumeBackupsResponse(_message.Message):
    __slots__ = ("backups",)
    BACKUPS_FIELD_NUMBER: _ClassVar[int]
    backups: _containers.RepeatedCompositeFieldContainer[_storage_pool_volume_backup_pb2.StoragePoolVolumeBackup]
    def __init__(self, backups: _Optional[_Iterable[_Union[_storage_pool_volume_backup_pb2.StoragePoolVolumeBackup, _Mapping]]] = ...) -> None: ...

class GetStoragePoolVolumeBackupRequest(_message.Message):
    __slots__ = ("pool", "type", "volume", "name", "target", "project")
    POOL_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    VOLUME_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    pool: str
    type: str
    volume: str
    name: str
    target: str
    project: str
    def __init__(self, pool: _Optional[str] = ..., type: _Optional[str] = ..., volume: _Optional[str] = ..., name: _Optional[str] = ..., target: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetStoragePoolVolumeBackupResponse(_message.Message):
    __slots__ = ("backup", "etag")
    BACKUP_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    backup: _storage_pool_volume_backup_pb2.StoragePoolVolumeBackup
    etag: str
    def __init__(self, backup: _Optional[_Union[_storage_pool_volume_backup_pb2.StoragePoolVolumeBackup, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class CreateStoragePoolVolumeBackupRequest(_message.Message):
    __slots__ = ("pool", "type", "volume", "backup", "target", "project", "wait")
    POOL_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    VOLUME_FIELD_NUMBER: _ClassVar[int]
    BACKUP_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    pool: str
    type: str
    volume: str
    backup: _storage_pool_volume_backup_pb2.StoragePoolVolumeBackupsPost
    target: str
    project: str
    wait: bool
    def __init__(self, pool: _Optional[str] = ..., type: _Optional[str] = ..., volume: _Optional[str] = ..., backup: _Optional[_Union[_storage_pool_volume_backup_pb2.StoragePoolVolumeBackupsPost, _Mapping]] = ..., target: _Optional[str] = ..., project: _Optional[str] = ..., wait: _Optional[bool] = ...) -> None: ...

class CreateStoragePoolVolumeBackupResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class RenameStoragePoolVolumeBackupRequest(_message.Message):
    __slots__ = ("pool", "type", "volume", "name", "backup", "target", "project", "wait")
    POOL_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    VOLUME_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    BACKUP_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    pool: str
    type: str
    volume: str
    name: str
    backup: _storage_pool_volume_backup_pb2.StoragePoolVolumeBackupPost
    target: str
    project: str
    wait: bool
    def __init__(self, pool: _Optional[str] = ..., type: _Optional[str] = ..., volume: _Optional[str] = ..., name: _Optional[str] = ..., backup: _Optional[_Union[_storage_pool_volume_backup_pb2.StoragePoolVolumeBackupPost, _Mapping]] = ..., target: _Optional[str] = ..., project: _Optional[str] = ..., wait: _Optional[bool] = ...) -> None: ...

class RenameStoragePoolVolumeBackupResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class DeleteStoragePoolVolumeBackupRequest(_message.Message):
    __slots__ = ("pool", "type", "volume", "name", "target", "project", "wait")
    POOL_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    VOLUME_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    pool: str
    type: str
    volume: str
    name: str
    target: str
    project: str
    wait: bool
    def __init__(self, pool: _Optional[str] = ..., type: _Optional[str] = ..., volume: _Optional[str] = ..., name: _Optional[str] = ..., target: _Optional[str] = ..., project: _Optional[str] = ..., wait: _Optional[bool] = ...) -> None: ...

class DeleteStoragePoolVolumeBackupResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class GetStoragePoolVolumeBackupFileRequest(_message.Message):
    __slots__ = ("pool", "type", "volume", "name", "target", "project")
    POOL_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    VOLUME_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    pool: str
    type: str
    volume: str
    name: str
    target: str
    project: str
    def __init__(self, pool: _Optional[str] = ..., type: _Optional[str] = ..., volume: _Optional[str] = ..., name: _Optional[str] = ..., target: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetStoragePoolVolumeBackupFileResponse(_message.Message):
    __slots__ = ("data",)
    DATA_FIELD_NUMBER: _ClassVar[int]
    data: bytes
    def __init__(self, data: _Optional[bytes] = ...) -> None: ...

class CreateStoragePoolVolumeFromBackupRequest(_message.Message):
    __slots__ = ("pool", "name", "project", "target", "wait", "data")
    POOL_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    pool: str
    name: str
    project: str
    target: str
    wait: bool
    data: bytes
    def __init__(self, pool: _Optional[str] = ..., name: _Optional[str] = ..., project: _Optional[str] = ..., target: _Optional[str] = ..., wait: _Optional[bool] = ..., data: _Optional[bytes] = ...) -> None: ...

class CreateStoragePoolVolumeFromBackupResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...
