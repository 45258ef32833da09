from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf import field_mask_pb2 as _field_mask_pb2
from lxd.api.v1 import image_pb2 as _image_pb2
from lxd.api.v1 import instance_pb2 as _instance_pb2
from lxd.api.v1 import instance_backup_pb2 as _instance_backup_pb2
from lxd.api.v1 import instance_console_pb2 as _instance_console_pb2
from lxd.api.v1 import instance_exec_pb2 as _instance_exec_pb2
from lxd.api.v1 import instance_full_pb2 as _instance_full_pb2
from lxd.api.v1 import instance_snapshot_pb2 as _instance_snapshot_pb2
from lxd.api.v1 import instance_state_pb2 as _instance_state_pb2
from lxd.api.v1 import operation_pb2 as _operation_pb2
from lxd.api.v1 import options_pb2 as _options_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetInstanceNamesRequest(_message.Message):
    __slots__ = ("project", "instance_type", "filter")
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    INSTANCE_TYPE_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    project: str
    instance_type: str
    filter: str
    def __init__(self, project: _Optional[str] = ..., instance_type: _Optional[str] = ..., filter: _Optional[str] = ...) -> None: ...

class GetInstanceNamesAllProjectsRequest(_message.Message):
    __slots__ = ("instance_type", "filter")
    INSTANCE_TYPE_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    instance_type: str
    filter: str
    def __init__(self, instance_type: _Optional[str] = ..., filter: _Optional[str] = ...) -> None: ...

class GetInstanceNamesAllProjectsResponse(_message.Message):
    __slots__ = ("names",)
    class NamesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: _options_pb2.StringList
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[_options_pb2.StringList, _Mapping]] = ...) -> None: ...
    NAMES_FIELD_NUMBER: _ClassVar[int]
    names: _containers.MessageMap[str, _options_pb2.StringList]
    def __init__(self, names: _Optional[_Mapping[str, _options_pb2.StringList]] = ...) -> None: ...

class GetInstanceNamesResponse(_message.Message):
    __slots__ = ("names",)
    NAMES_FIELD_NUMBER: _ClassVar[int]
    names: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, names: _Optional[_Iterable[str]] = ...) -> None: ...

class GetInstancesRequest(_message.Message):
    __slots__ = ("project", "instance_type", "filter", "all_projects")
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    INSTANCE_TYPE_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    ALL_PROJECTS_FIELD_NUMBER: _ClassVar[int]
    project: str
    instance_type: str
    filter: str
    all_projects: bool
    def __init__(self, project: _Optional[str] = ..., instance_type: _Optional[str] = ..., filter: _Optional[str] = ..., all_projects: _Optional[bool] = ...) -> None: ...

class GetInstancesResponse(_message.Message):
    __slots__ = ("instances",)
    INSTANCES_FIELD_NUMBER: _ClassVar[int]
    instances: _containers.RepeatedCompositeFieldContainer[_instance_pb2.Instance]
    def __init__(self, instances: _Optional[_Iterable[_Union[_instance_pb2.Instance, _Mapping]]] = ...) -> None: ...

class GetInstancesFullRequest(_message.Message):
    __slots__ = ("project", "instance_type", "filter", "all_projects")
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    INSTANCE_TYPE_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    ALL_PROJECTS_FIELD_NUMBER: _ClassVar[int]
    project: str
    instance_type: str
    filter: str
    all_projects: bool
    def __init__(self, project: _Optional[str] = ..., instance_type: _Optional[str] = ..., filter: _Optional[str] = ..., all_projects: _Optional[bool] = ...) -> None: ...

class GetInstancesFullResponse(_message.Message):
    __slots__ = ("instances",)
    INSTANCES_FIELD_NUMBER: _ClassVar[int]
    instances: _containers.RepeatedCompositeFieldContainer[_instance_full_pb2.InstanceFull]
    def __init__(self, instances: _Optional[_Iterable[_Union[_instance_full_pb2.InstanceFull, _Mapping]]] = ...) -> None: ...

class GetInstanceRequest(_message.Message):
    __slots__ = ("name", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    project: str
    def __init__(self, name: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetInstanceResponse(_message.Message):
    __slots__ = ("instance", "etag")
    INSTANCE_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    instance: _instance_pb2.Instance
    etag: str
    def __init__(self, instance: _Optional[_Union[_instance_pb2.Instance, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class GetInstanceFullRequest(_message.Message):
    __slots__ = ("name", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    project: str
    def __init__(self, name: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetInstanceFullResponse(_message.Message):
    __slots__ = ("instance", "etag")
    INSTANCE_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    instance: _instance_full_pb2.InstanceFull
    etag: str
    def __init__(self, instance: _Optional[_Union[_instance_full_pb2.InstanceFull, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class CreateInstanceRequest(_message.Message):
    __slots__ = ("instance", "target", "project", "wait")
    INSTANCE_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    instance: _instance_pb2.InstancesPost
    target: str
    project: str
    wait: bool
    def __init__(self, instance: _Optional[_Union[_instance_pb2.InstancesPost, _Mapping]] = ..., target: _Optional[str] = ..., project: _Optional[str] = ..., wait: _Optional[bool] = ...) -> None: ...

class CreateInstanceResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class UpdateInstanceRequest(_message.Message):
    __slots__ = ("name", "instance", "etag", "project", "wait")
    NAME_FIELD_NUMBER: _ClassVar[int]
    INSTANCE_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    name: str
    instance: _instance_pb2.InstancePut
    etag: str
    project: str
    wait: bool
    def __init__(self, name: _Optional[str] = ..., instance: _Optional[_Union[_instance_pb2.InstancePut, _Mapping]] = ..., etag: _Optional[str] = ..., project: _Optional[str] = ..., wait: _Optional[bool] = ...) -> None: ...

class UpdateInstanceResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class PatchInstanceRequest(_message.Message):
    __slots__ = ("name", "instance", "update_mask", "etag", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    INSTANCE_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    instance: _instance_pb2.InstancePut
    update_mask: _field_mask_pb2.FieldMask
    etag: str
    project: str
    def __init__(self, name: _Optional[str] = ..., instance: _Optional[_Union[_instance_pb2.InstancePut, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ..., etag: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class PatchInstanceResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class RenameInstanceRequest(_message.Message):
    __slots__ = ("name", "instance", "target", "project", "wait")
    NAME_FIELD_NUMBER: _ClassVar[int]
    INSTANCE_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    name: str
    instance: _instance_pb2.InstancePost
    target: str
    project: str
    wait: bool
    def __init__(self, name: _Optional[str] = ..., instance: _Optional[_Union[_instance_pb2.InstancePost, _Mapping]] = ..., target: _Optional[str] = ..., project: _Optional[str] = ..., wait: _Optional[bool] = ...) -> None: ...

class RenameInstanceResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class MigrateInstanceRequest(_message.Message):
    __slots__ = ("name", "instance", "target", "project", "wait")
    NAME_FIELD_NUMBER: _ClassVar[int]
    INSTANCE_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    name: str
    instance: _instance_pb2.InstancePost
    target: str
    project: str
    wait: bool
    def __init__(self, name: _Optional[str] = ..., instance: _Optional[_Union[_instance_pb2.InstancePost, _Mapping]] = ..., target: _Optional[str] = ..., project: _Optional[str] = ..., wait: _Optional[bool] = ...) -> None: ...

class MigrateInstanceResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class DeleteInstanceRequest(_message.Message):
    __slots__ = ("name", "project", "wait")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    name: str
    project: str
    wait: bool
    def __init__(self, name: _Optional[str] = ..., project: _Optional[str] = ..., wait: _Optional[bool] = ...) -> None: ...

class DeleteInstanceResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class UpdateInstancesRequest(_message.Message):
    __slots__ = ("state", "etag", "project", "wait")
    STATE_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    state: _instance_pb2.InstancesPut
    etag: str
    project: str
    wait: bool
    def __init__(self, state: _Optional[_Union[_instance_pb2.InstancesPut, _Mapping]] = ..., etag: _Optional[str] = ..., project: _Optional[str] = ..., wait: _Optional[bool] = ...) -> None: ...

class UpdateInstancesResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class GetInstanceStateRequest(_message.Message):
    __slots__ = ("name", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    project: str
    def __init__(self, name: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetInstanceStateResponse(_message.Message):
    __slots__ = ("state", "etag")
    STATE_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    state: _instance_state_pb2.InstanceState
    etag: str
    def __init__(self, state: _Optional[_Union[_instance_state_pb2.InstanceState, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class UpdateInstanceStateRequest(_message.Message):
    __slots__ = ("name", "state", "etag", "project", "wait")
    NAME_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    name: str
    state: _instance_state_pb2.InstanceStatePut
    etag: str
    project: str
    wait: bool
    def __init__(self, name: _Optional[str] = ..., state: _Optional[_Union[_instance_state_pb2.InstanceStatePut, _Mapping]] = ..., etag: _Optional[str] = ..., project: _Optional[str] = ..., wait: _Optional[bool] = ...) -> None: ...

class UpdateInstanceStateResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class GetInstanceSnapshotNamesRequest(_message.Message):
    __slots__ = ("instance", "project")
    INSTANCE_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    instance: str
    project: str
    def __init__(self, instance: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetInstanceSnapshotNamesResponse(_message.Message):
    __slots__ = ("names",)
    NAMES_FIELD_NUMBER: _ClassVar[int]
    names: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, names: _Optional[_Iterable[str]] = ...) -> None: ...

class GetInstanceSnapshotsRequest(_message.Message):
    __slots__ = ("instance", "project")
    INSTANCE_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    instance: str
    project: str
    def __init__(self, instance: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetInstanceSnapshotsResponse(_message.Message):
    __slots__ = ("snapshots",)
    SNAPSHOTS_FIELD_NUMBER: _ClassVar[int]
    snapshots: _containers.RepeatedCompositeFieldContainer[_instance_snapshot_pb2.InstanceSnapshot]
    def __init__(self, snapshots: _Optional[_Iterable[_Union[_instance_snapshot_pb2.InstanceSnapshot, _Mapping]]] = ...) -> None: ...

class GetInstanceSnapshotRequest(_message.Message):
    __slots__ = ("instance", "name", "project")
    INSTANCE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    instance: str
    name: str
    project: str
    def __init__(self, instance: _Optional[str] = ..., name: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetInstanceSnapshotResponse(_message.Message):
    __slots__ = ("snapshot", "etag")
    SNAPSHOT_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    snapshot: _instance_snapshot_pb2.InstanceSnapshot
    etag: str
    def __init__(self, snapshot: _Optional[_Union[_instance_snapshot_pb2.InstanceSnapshot, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class CreateInstanceSnapshotRequest(_message.Message):
    __slots__ = ("instance", "snapshot", "project", "wait")
    INSTANCE_FIELD_NUMBER: _ClassVar[int]
    SNAPSHOT_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    instance: str
    snapshot: _instance_snapshot_pb2.InstanceSnapshotsPost
    project: str
    wait: bool
    def __init__(self, instance: _Optional[str] = ..., snapshot: _Optional[_Union[_instance_snapshot_pb2.InstanceSnapshotsPost, _Mapping]] = ..., project: _Optional[str] = ..., wait: _Optional[bool] = ...) -> None: ...

class CreateInstanceSnapshotResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class RenameInstanceSnapshotRequest(_message.Message):
    __slots__ = ("instance", "name", "snapshot", "project", "wait")
    INSTANCE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SNAPSHOT_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    instance: str
    name: str
    snapshot: _instance_snapshot_pb2.InstanceSnapshotPost
    project: str
    wait: bool
    def __init__(self, instance: _Optional[str] = ..., name: _Optional[str] = ..., snapshot: _Optional[_Union[_instance_snapshot_pb2.InstanceSnapshotPost, _Mapping]] = ..., project: _Optional[str] = ..., wait: _Optional[bool] = ...) -> None: ...

class RenameInstanceSnapshotResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class DeleteInstanceSnapshotRequest(_message.Message):
    __slots__ = ("instance", "name", "project", "wait")
    INSTANCE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    instance: str
    name: str
    project: str
    wait: bool
    def __init__(self, instance: _Optional[str] = ..., name: _Optional[str] = ..., project: _Optional[str] = ..., wait: _Optional[bool] = ...) -> None: ...

class DeleteInstanceSnapshotResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class UpdateInstanceSnapshotRequest(_message.Message):
    __slots__ = ("instance", "name", "snapshot", "etag", "project", "wait")
    INSTANCE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SNAPSHOT_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    instance: str
    name: str
    snapshot: _instance_snapshot_pb2.InstanceSnapshotPut
    etag: str
    project: str
    wait: bool
    def __init__(self, instance: _Optional[str] = ..., name: _Optional[str] = ..., snapshot: _Optional[_Union[_instance_snapshot_pb2.InstanceSnapshotPut, _Mapping]] = ..., etag: _Optional[str] = ..., project: _Optional[str] = ..., wait: _Optional[bool] = ...) -> None: ...

class UpdateInstanceSnapshotResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class PatchInstanceSnapshotRequest(_message.Message):
    __slots__ = ("instance", "name", "snapshot", "update_mask", "etag", "project")
    INSTANCE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SNAPSHOT_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    instance: str
    name: str
    snapshot: _instance_snapshot_pb2.InstanceSnapshotPut
    update_mask: _field_mask_pb2.FieldMask
    etag: str
    project: str
    def __init__(self, instance: _Optional[str] = ..., name: _Optional[str] = ..., snapshot: _Optional[_Union[_instance_snapshot_pb2.InstanceSnapshotPut, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ..., etag: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class PatchInstanceSnapshotResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetInstanceBackupNamesRequest(_message.Message):
    __slots__ = ("instance", "project")
    INSTANCE_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    instance: str
    project: str
    def __init__(self, instance: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetInstanceBackupNamesResponse(_message.Message):
    __slots__ = ("names",)
    NAMES_FIELD_NUMBER: _ClassVar[int]
    names: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, names: _Optional[_Iterable[str]] = ...) -> None: ...

class GetInstanceBackupsRequest(_message.Message):
    __slots__ = ("instance", "project")
    INSTANCE_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    instance: str
    project: str
    def __init__(self, instance: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetInstanceBackupsResponse(_message.Message):
    __slots__ = ("backups",)
    BACKUPS_FIELD_NUMBER: _ClassVar[int]
    backups: _containers.RepeatedCompositeFieldContainer[_instance_backup_pb2.InstanceBackup]
    def __init__(self, backups: _Optional[_Iterable[_Union[_instance_backup_pb2.InstanceBackup, _Mapping]]] = ...) -> None: ...

class GetInstanceBackupRequest(_message.Message):
    __slots__ = ("instance", "name", "project")
    INSTANCE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    instance: str
    name: str
    project: str
    def __init__(self, instance: _Optional[str] = ..., name: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetInstanceBackupResponse(_message.Message):
    __slots__ = ("backup", "etag")
    BACKUP_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    backup: _instance_backup_pb2.InstanceBackup
    etag: str
    def __init__(self, backup: _Optional[_Union[_instance_backup_pb2.InstanceBackup, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class CreateInstanceBackupRequest(_message.Message):
    __slots__ = ("instance", "backup", "project", "wait")
    INSTANCE_FIELD_NUMBER: _ClassVar[int]
    BACKUP_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    instance: str
    backup: _instance_backup_pb2.InstanceBackupsPost
    project: str
    wait: bool
    def __init__(self, instance: _Optional[str] = ..., backup: _Optional[_Union[_instance_backup_pb2.InstanceBackupsPost, _Mapping]] = ..., project: _Optional[str] = ..., wait: _Optional[bool] = ...) -> None: ...

class CreateInstanceBackupResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class RenameInstanceBackupRequest(_message.Message):
    __slots__ = ("instance", "name", "backup", "project", "wait")
    INSTANCE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    BACKUP_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    instance: str
    name: str
    backup: _instance_backup_pb2.InstanceBackupPost
    project: str
    wait: bool
    def __init__(self, instance: _Optional[str] = ..., name: _Optional[str] = ..., backup: _Optional[_Union[_instance_backup_pb2.InstanceBackupPost, _Mapping]] = ..., project: _Optional[str] = ..., wait: _Optional[bool] = ...) -> None: ...

class RenameInstanceBackupResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class DeleteInstanceBackupRequest(_message.Message):
    __slots__ = ("instance", "name", "project", "wait")
    INSTANCE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    instance: str
    name: str
    project: str
    wait: bool
    def __init__(self, instance: _Optional[str] = ..., name: _Optional[str] = ..., project: _Optional[str] = ..., wait: _Optional[bool] = ...) -> None: ...

class DeleteInstanceBackupResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class GetInstanceLogfilesRequest(_message.Message):
    __slots__ = ("name", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    project: str
    def __init__(self, name: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetInstanceLogfilesResponse(_message.Message):
    __slots__ = ("names",)
    NAMES_FIELD_NUMBER: _ClassVar[int]
    names: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, names: _Optional[_Iterable[str]] = ...) -> None: ...

class GetInstanceMetadataRequest(_message.Message):
    __slots__ = ("name", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    project: str
    def __init__(self, name: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetInstanceMetadataResponse(_message.Message):
    __slots__ = ("metadata", "etag")
    METADATA_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    metadata: _image_pb2.ImageMetadata
    etag: str
    def __init__(self, metadata: _Optional[_Union[_image_pb2.ImageMetadata, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class UpdateInstanceMetadataRequest(_message.Message):
    __slots__ = ("name", "metadata", "etag", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    metadata: _image_pb2.ImageMetadata
    etag: str
    project: str
    def __init__(self, name: _Optional[str] = ..., metadata: _Optional[_Union[_image_pb2.ImageMetadata, _Mapping]] = ..., etag: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class UpdateInstanceMetadataResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class PatchInstanceMetadataRequest(_message.Message):
    __slots__ = ("name", "metadata", "update_mask", "etag", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    metadata: _image_pb2.ImageMetadata
    update_mask: _field_mask_pb2.FieldMask
    etag: str
    project: str
    def __init__(self, name: _Optional[str] = ..., metadata: _Optional[_Union[_image_pb2.ImageMetadata, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ..., etag: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class PatchInstanceMetadataResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetInstanceTemplateFilesRequest(_message.Message):
    __slots__ = ("name", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    project: str
    def __init__(self, name: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetInstanceTemplateFilesResponse(_message.Message):
    __slots__ = ("names",)
    NAMES_FIELD_NUMBER: _ClassVar[int]
    names: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, names: _Optional[_Iterable[str]] = ...) -> None: ...

class ExecInstanceRequest(_message.Message):
    __slots__ = ("name", "project", "exec", "stdin", "close_stdin", "window_size", "signal")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    EXEC_FIELD_NUMBER: _ClassVar[int]
    STDIN_FIELD_NUMBER: _ClassVar[int]
    CLOSE_STDIN_FIELD_NUMBER: _ClassVar[int]
    WINDOW_SIZE_FIELD_NUMBER: _ClassVar[int]
    SIGNAL_FIELD_NUMBER: _ClassVar[int]
    name: str
    project: str
    exec: _instance_exec_pb2.InstanceExecPost
    stdin: bytes
    close_stdin: bool
    window_size: InstanceWindowSize
    signal: int
    def __init__(self, name: _Optional[str] = ..., project: _Optional[str] = ..., exec: _Optional[_Union[_instance_exec_pb2.InstanceExecPost, _Mapping]] = ..., stdin: _Optional[bytes] = ..., close_stdin: _Optional[bool] = ..., window_size: _Optional[_Union[InstanceWindowSize, _Mapping]] = ..., signal: _Optional[int] = ...) -> None: ...

class ExecInstanceResponse(_message.Message):
    __slots__ = ("operation", "stdout", "stderr", "exit")
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    STDOUT_FIELD_NUMBER: _ClassVar[int]
    STDERR_FIELD_NUMBER: _ClassVar[int]
    EXIT_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    stdout: bytes
    stderr: bytes
    exit: ExecInstanceExit
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ..., stdout: _Optional[bytes] = ..., stderr: _Optional[bytes] = ..., exit: _Optional[_Union[ExecInstanceExit, _Mapping]] = ...) -> None: ...

class ExecInstanceExit(_message.Message):
    __slots__ = ("exit_code", "operation", "stdout_log", "stderr_log")
    EXIT_CODE_FIELD_NUMBER: _ClassVar[int]
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    STDOUT_LOG_FIELD_NUMBER: _ClassVar[int]
    STDERR_LOG_FIELD_NUMBER: _ClassVar[int]
    exit_code: int
    operation: _operation_pb2.Operation
    stdout_log: str
    stderr_log: str
    def __init__(self, exit_code: _Optional[int] = ..., operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ..., stdout_log: _Optional[str] = ..., stderr_log: _Optional[str] = ...) -> None: ...

class InstanceWindowSize(_message.Message):
    __slots__ = ("width", "height")
    WIDTH_FIELD_NUMBER: _ClassVar[int]
    HEIGHT_FIELD_NUMBER: _ClassVar[int]
    width: int
    height: int
    def __init__(self, width: _Optional[int] = ..., height: _Optional[int] = ...) -> None: ...

class ConsoleInstanceRequest(_message.Message):
    __slots__ = ("name", "project", "console", "data", "window_size")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    CONSOLE_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    WINDOW_SIZE_FIELD_NUMBER: _ClassVar[int]
    name: str
    project: str
    console: _instance_console_pb2.InstanceConsolePost
    data: bytes
    window_size: InstanceWindowSize
    def __init__(self, name: _Optional[str] = ..., project: _Optional[str] = ..., console: _Optional[_Union[_instance_console_pb2.InstanceConsolePost, _Mapping]] = ..., data: _Optional[bytes] = ..., window_size: _Optional[_Union[InstanceWindowSize, _Mapping]] = ...) -> None: ...

class ConsoleInstanceResponse(_message.Message):
    __slots__ = ("operation", "data", "detached")
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    DETACHED_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    data: bytes
    detached: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ..., data: _Optional[bytes] = ..., detached: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class GetInstanceConsoleLogRequest(_message.Message):
    __slots__ = ("name", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    project: str
    def __init__(self, name: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetInstanceConsoleLogResponse(_message.Message):
    __slots__ = ("data",)
    DATA_FIELD_NUMBER: _ClassVar[int]
    data: bytes
    def __init__(self, data: _Optional[bytes] = ...) -> None: ...

class DeleteInstanceConsoleLogRequest(_message.Message):
    __slots__ = ("name", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    project: str
    def __init__(self, name: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class DeleteInstanceConsoleLogResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetInstanceFileRequest(_message.Message):
    __slots__ = ("name", "path", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PATH_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    path: str
    project: str
    def __init__(self, name: _Optional[str] = ..., path: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetInstanceFileResponse(_message.Message):
    __slots__ = ("info", "data")
    INFO_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    info: InstanceFileInfo
    data: bytes
    def __init__(self, info: _Optional[_Union[InstanceFileInfo, _Mapping]] = ..., data: _Optional[bytes] = ...) -> None: ...

class InstanceFileInfo(_message.Message):
    __slots__ = ("uid", "gid", "mode", "type", "entries", "modified")
    UID_FIELD_NUMBER: _ClassVar[int]
    GID_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    ENTRIES_FIELD_NUMBER: _ClassVar[int]
    MODIFIED_FIELD_NUMBER: _ClassVar[int]
    uid: int
    gid: int
    mode: int
    type: str
    entries: _containers.RepeatedScalarFieldContainer[str]
    modified: str
    def __init__(self, uid: _Optional[int] = ..., gid: _Optional[int] = ..., mode: _Optional[int] = ..., type: _Optional[str] = ..., entries: _Optional[_Iterable[str]] = ..., modified: _Optional[str] = ...) -> None: ...

class GetInstanceFileInfoRequest(_message.Message):
    __slots__ = ("name", "path", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PATH_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    path: str
    project: str
    def __init__(self, name: _Optional[str] = ..., path: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetInstanceFileInfoResponse(_message.Message):
    __slots__ = ("info",)
    INFO_FIELD_NUMBER: _ClassVar[int]
    info: InstanceFileInfo
    def __init__(self, info: _Optional[_Union[InstanceFileInfo, _Mapping]] = ...) -> None: ...

class CreateInstanceFileRequest(_message.Message):
    __slots__ = ("name", "path", "project", "uid", "gid", "mode", "type", "write", "data")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PATH_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    UID_FIELD_NUMBER: _ClassVar[int]
    GID_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    WRITE_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    name: str
    path: str
    project: str
    uid: int
    gid: int
    mode: int
    type: str
    write: str
    data: bytes
    def __init__(self, name: _Optional[str] = ..., path: _Optional[str] = ..., project: _Optional[str] = ..., uid: _Optional[int] = ..., gid: _Optional[int] = ..., mode: _Optional[int] = ..., type: _Optional[str] = ..., write: _Optional[str] = ..., data: _Optional[bytes] = ...) -> None: ...

class CreateInstanceFileResponse(_message.Message):
    __slots__ = ("size",)
    SIZE_FIELD_NUMBER: _ClassVar[int]
    size: int
    def __init__(self, size: _Optional[int] = ...) -> None: ...

class DeleteInstanceFileRequest(_message.Message):
    __slots__ = ("name", "path", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PATH_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    path: str
    project: str
    def __init__(self, name: _Optional[str] = ..., path: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class DeleteInstanceFileResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetInstanceFileSFTPRequest(_message.Message):
    __slots__ = ("name", "project", "data")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    name: str
    project: str
    data: bytes
    def __init__(self, name: _Optional[str] = ..., project: _Optional[str] = ..., data: _Optional[bytes] = ...) -> None: ...

class GetInstanceFileSFTPResponse(_message.Message):
    __slots__ = ("data",)
    DATA_FIELD_NUMBER: _ClassVar[int]
    data: bytes
    def __init__(self, data: _Optional[bytes] = ...) -> None: ...

class GetInstanceLogfileRequest(_message.Message):
    __slots__ = ("name", "filename", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    filename: str
    project: str
    def __init__(self, name: _Optional[str] = ..., filename: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetInstanceLogfileResponse(_message.Message):
    __slots__ = ("data",)
    DATA_FIELD_NUMBER: _ClassVar[int]
    data: bytes
    def __init__(self, data: _Optional[bytes] = ...) -> None: ...

class DeleteInstanceLogfileRequest(_message.Message):
    __slots__ = ("name", "filename", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    filename: str
    project: str
    def __init__(self, name: _Optional[str] = ..., filename: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class DeleteInstanceLogfileResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetInstanceTemplateFileRequest(_message.Message):
    __slots__ = ("name", "path", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PATH_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    path: str
    project: str
    def __init__(self, name: _Optional[str] = ..., path: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetInstanceTemplateFileResponse(_message.Message):
    __slots__ = ("data",)
    DATA_FIELD_NUMBER: _ClassVar[int]
    data: bytes
    def __init__(self, data: _Optional[bytes] = ...) -> None: ...

class CreateInstanceTemplateFileRequest(_message.Message):
    __slots__ = ("name", "path", "project", "data")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PATH_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    name: str
    path: str
    project: str
    data: bytes
    def __init__(self, name: _Optional[str] = ..., path: _Optional[str] = ..., project: _Optional[str] = ..., data: _Optional[bytes] = ...) -> None: ...

class CreateInstanceTemplateFileResponse(_message.Message):
    __slots__ = ("size",)
    SIZE_FIELD_NUMBER: _ClassVar[int]
    size: int
    def __init__(self, size: _Optional[int] = ...) -> None: ...

class DeleteInstanceTemplateFileRequest(_message.Message):
    __slots__ = ("name", "path", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PATH_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    path: str
    project: str
    def __init__(self, name: _Optional[str] = ..., path: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class DeleteInstanceTemplateFileResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetInstanceBackupFileRequest(_message.Message):
    __slots__ = ("instance", "name", "project")
    INSTANCE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    instance: str
    name: str
    project: str
    def __init__(self, instance: _Optional[str] = ..., name: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetInstanceBackupFileResponse(_message.Message):
    __slots__ = ("data",)
    DATA_FIELD_NUMBER: _ClassVar[int]
    data: bytes
    def __init__(self, data: _Optional[bytes] = ...) -> None: ...

class CreateInstanceFromBackupRequest(_message.Message):
    __slots__ = ("project", "pool", "name", "wait", "data")
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    POOL_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    project: str
    pool: str
    name: str
    wait: bool
    data: bytes
    def __init__(self, project: _Optional[str] = ..., pool: _Optional[str] = ..., name: _Optional[str] = ..., wait: _Optional[bool] = ..., data: _Optional[bytes] = ...) -> None: ...

class CreateInstanceFromBackupResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...
