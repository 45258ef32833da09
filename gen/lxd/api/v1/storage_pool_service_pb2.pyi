from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf import field_mask_pb2 as _field_mask_pb2
from lxd.api.v1 import operation_pb2 as _operation_pb2
from lxd.api.v1 import resource_pb2 as _resource_pb2
from lxd.api.v1 import storage_pool_pb2 as _storage_pool_pb2
from lxd.api.v1 import storage_pool_volume_pb2 as _storage_pool_volume_pb2
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
