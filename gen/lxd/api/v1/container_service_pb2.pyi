from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf import field_mask_pb2 as _field_mask_pb2
from lxd.api.v1 import container_pb2 as _container_pb2
from lxd.api.v1 import container_backup_pb2 as _container_backup_pb2
from lxd.api.v1 import container_console_pb2 as _container_console_pb2
from lxd.api.v1 import container_exec_pb2 as _container_exec_pb2
from lxd.api.v1 import container_full_pb2 as _container_full_pb2
from lxd.api.v1 import container_snapshot_pb2 as _container_snapshot_pb2
from lxd.api.v1 import container_state_pb2 as _container_state_pb2
from lxd.api.v1 import image_pb2 as _image_pb2
from lxd.api.v1 import operation_pb2 as _operation_pb2
from lxd.api.v1 import options_pb2 as _options_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetContainerNamesRequest(_message.Message):
    __slots__ = ("project",)
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    project: str
    def __init__(self, project: _Optional[str] = ...) -> None: ...

class GetContainerNamesResponse(_message.Message):
    __slots__ = ("names",)
    NAMES_FIELD_NUMBER: _ClassVar[int]
    names: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, names: _Optional[_Iterable[str]] = ...) -> None: ...

class GetContainersRequest(_message.Message):
    __slots__ = ("project", "all_projects")
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    ALL_PROJECTS_FIELD_NUMBER: _ClassVar[int]
    project: str
    all_projects: bool
    def __init__(self, project: _Optional[str] = ..., all_projects: _Optional[bool] = ...) -> None: ...

class GetContainersResponse(_message.Message):
    __slots__ = ("containers",)
    CONTAINERS_FIELD_NUMBER: _ClassVar[int]
    containers: _containers.RepeatedCompositeFieldContainer[_container_pb2.Container]
    def __init__(self, containers: _Optional[_Iterable[_Union[_container_pb2.Container, _Mapping]]] = ...) -> None: ...

class GetContainersFullRequest(_message.Message):
    __slots__ = ("project", "all_projects")
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    ALL_PROJECTS_FIELD_NUMBER: _ClassVar[int]
    project: str
    all_projects: bool
    def __init__(self, project: _Optional[str] = ..., all_projects: _Optional[bool] = ...) -> None: ...

class GetContainersFullResponse(_message.Message):
    __slots__ = ("containers",)
    CONTAINERS_FIELD_NUMBER: _ClassVar[int]
    containers: _containers.RepeatedCompositeFieldContainer[_container_full_pb2.ContainerFull]
    def __init__(self, containers: _Optional[_Iterable[_Union[_container_full_pb2.ContainerFull, _Mapping]]] = ...) -> None: ...

class GetContainerRequest(_message.Message):
    __slots__ = ("name", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    project: str
    def __init__(self, name: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetContainerResponse(_message.Message):
    __slots__ = ("container", "etag")
    CONTAINER_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    container: _container_pb2.Container
    etag: str
    def __init__(self, container: _Optional[_Union[_container_pb2.Container, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class CreateContainerRequest(_message.Message):
    __slots__ = ("container", "target", "project", "wait")
    CONTAINER_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    container: _container_pb2.ContainersPost
    target: str
    project: str
    wait: bool
    def __init__(self, container: _Optional[_Union[_container_pb2.ContainersPost, _Mapping]] = ..., target: _Optional[str] = ..., project: _Optional[str] = ..., wait: _Optional[bool] = ...) -> None: ...

class CreateContainerResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class UpdateContainerRequest(_message.Message):
    __slots__ = ("name", "container", "etag", "project", "wait")
    NAME_FIELD_NUMBER: _ClassVar[int]
    CONTAINER_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    name: str
    container: _container_pb2.ContainerPut
    etag: str
    project: str
    wait: bool
    def __init__(self, name: _Optional[str] = ..., container: _Optional[_Union[_container_pb2.ContainerPut, _Mapping]] = ..., etag: _Optional[str] = ..., project: _Optional[str] = ..., wait: _Optional[bool] = ...) -> None: ...

class UpdateContainerResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class PatchContainerRequest(_message.Message):
    __slots__ = ("name", "container", "update_mask", "etag", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    CONTAINER_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    container: _container_pb2.ContainerPut
    update_mask: _field_mask_pb2.FieldMask
    etag: str
    project: str
    def __init__(self, name: _Optional[str] = ..., container: _Optional[_Union[_container_pb2.ContainerPut, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ..., etag: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class PatchContainerResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class RenameContainerRequest(_message.Message):
    __slots__ = ("name", "container", "target", "project", "wait")
    NAME_FIELD_NUMBER: _ClassVar[int]
    CONTAINER_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    name: str
    container: _container_pb2.ContainerPost
    target: str
    project: str
    wait: bool
    def __init__(self, name: _Optional[str] = ..., container: _Optional[_Union[_container_pb2.ContainerPost, _Mapping]] = ..., target: _Optional[str] = ..., project: _Optional[str] = ..., wait: _Optional[bool] = ...) -> None: ...

class RenameContainerResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class DeleteContainerRequest(_message.Message):
    __slots__ = ("name", "project", "wait")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    name: str
    project: str
    wait: bool
    def __init__(self, name: _Optional[str] = ..., project: _Optional[str] = ..., wait: _Optional[bool] = ...) -> None: ...

class DeleteContainerResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class GetContainerStateRequest(_message.Message):
    __slots__ = ("name", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    project: str
    def __init__(self, name: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetContainerStateResponse(_message.Message):
    __slots__ = ("state", "etag")
    STATE_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    state: _container_state_pb2.ContainerState
    etag: str
    def __init__(self, state: _Optional[_Union[_container_state_pb2.ContainerState, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class UpdateContainerStateRequest(_message.Message):
    __slots__ = ("name", "state", "etag", "project", "wait")
    NAME_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    name: str
    state: _container_state_pb2.ContainerStatePut
    etag: str
    project: str
    wait: bool
    def __init__(self, name: _Optional[str] = ..., state: _Optional[_Union[_container_state_pb2.ContainerStatePut, _Mapping]] = ..., etag: _Optional[str] = ..., project: _Optional[str] = ..., wait: _Optional[bool] = ...) -> None: ...

class UpdateContainerStateResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class GetContainerSnapshotNamesRequest(_message.Message):
    __slots__ = ("container", "project")
    CONTAINER_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    container: str
    project: str
    def __init__(self, container: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetContainerSnapshotNamesResponse(_message.Message):
    __slots__ = ("names",)
    NAMES_FIELD_NUMBER: _ClassVar[int]
    names: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, names: _Optional[_Iterable[str]] = ...) -> None: ...

class GetContainerSnapshotsRequest(_message.Message):
    __slots__ = ("container", "project")
    CONTAINER_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    container: str
    project: str
    def __init__(self, container: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetContainerSnapshotsResponse(_message.Message):
    __slots__ = ("snapshots",)
    SNAPSHOTS_FIELD_NUMBER: _ClassVar[int]
    snapshots: _containers.RepeatedCompositeFieldContainer[_container_snapshot_pb2.ContainerSnapshot]
    def __init__(self, snapshots: _Optional[_Iterable[_Union[_container_snapshot_pb2.ContainerSnapshot, _Mapping]]] = ...) -> None: ...

class GetContainerSnapshotRequest(_message.Message):
    __slots__ = ("container", "name", "project")
    CONTAINER_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    container: str
    name: str
    project: str
    def __init__(self, container: _Optional[str] = ..., name: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetContainerSnapshotResponse(_message.Message):
    __slots__ = ("snapshot", "etag")
    SNAPSHOT_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    snapshot: _container_snapshot_pb2.ContainerSnapshot
    etag: str
    def __init__(self, snapshot: _Optional[_Union[_container_snapshot_pb2.ContainerSnapshot, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class CreateContainerSnapshotRequest(_message.Message):
    __slots__ = ("container", "snapshot", "project", "wait")
    CONTAINER_FIELD_NUMBER: _ClassVar[int]
    SNAPSHOT_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    container: str
    snapshot: _container_snapshot_pb2.ContainerSnapshotsPost
    project: str
    wait: bool
    def __init__(self, container: _Optional[str] = ..., snapshot: _Optional[_Union[_container_snapshot_pb2.ContainerSnapshotsPost, _Mapping]] = ..., project: _Optional[str] = ..., wait: _Optional[bool] = ...) -> None: ...

class CreateContainerSnapshotResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class RenameContainerSnapshotRequest(_message.Message):
    __slots__ = ("container", "name", "snapshot", "project", "wait")
    CONTAINER_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SNAPSHOT_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    container: str
    name: str
    snapshot: _container_snapshot_pb2.ContainerSnapshotPost
    project: str
    wait: bool
    def __init__(self, container: _Optional[str] = ..., name: _Optional[str] = ..., snapshot: _Optional[_Union[_container_snapshot_pb2.ContainerSnapshotPost, _Mapping]] = ..., project: _Optional[str] = ..., wait: _Optional[bool] = ...) -> None: ...

class RenameContainerSnapshotResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class DeleteContainerSnapshotRequest(_message.Message):
    __slots__ = ("container", "name", "project", "wait")
    CONTAINER_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    container: str
    name: str
    project: str
    wait: bool
    def __init__(self, container: _Optional[str] = ..., name: _Optional[str] = ..., project: _Optional[str] = ..., wait: _Optional[bool] = ...) -> None: ...

class DeleteContainerSnapshotResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class GetContainerBackupNamesRequest(_message.Message):
    __slots__ = ("container", "project")
    CONTAINER_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    container: str
    project: str
    def __init__(self, container: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetContainerBackupNamesResponse(_message.Message):
    __slots__ = ("names",)
    NAMES_FIELD_NUMBER: _ClassVar[int]
    names: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, names: _Optional[_Iterable[str]] = ...) -> None: ...

class GetContainerBackupsRequest(_message.Message):
    __slots__ = ("container", "project")
    CONTAINER_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    container: str
    project: str
    def __init__(self, container: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetContainerBackupsResponse(_message.Message):
    __slots__ = ("backups",)
    BACKUPS_FIELD_NUMBER: _ClassVar[int]
    backups: _containers.RepeatedCompositeFieldContainer[_container_backup_pb2.ContainerBackup]
    def __init__(self, backups: _Optional[_Iterable[_Union[_container_backup_pb2.ContainerBackup, _Mapping]]] = ...) -> None: ...

class GetContainerBackupRequest(_message.Message):
    __slots__ = ("container", "name", "project")
    CONTAINER_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    container: str
    name: str
    project: str
    def __init__(self, container: _Optional[str] = ..., name: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetContainerBackupResponse(_message.Message):
    __slots__ = ("backup", "etag")
    BACKUP_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    backup: _container_backup_pb2.ContainerBackup
    etag: str
    def __init__(self, backup: _Optional[_Union[_container_backup_pb2.ContainerBackup, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class CreateContainerBackupRequest(_message.Message):
    __slots__ = ("container", "backup", "project", "wait")
    CONTAINER_FIELD_NUMBER: _ClassVar[int]
    BACKUP_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    container: str
    backup: _container_backup_pb2.ContainerBackupsPost
    project: str
    wait: bool
    def __init__(self, container: _Optional[str] = ..., backup: _Optional[_Union[_container_backup_pb2.ContainerBackupsPost, _Mapping]] = ..., project: _Optional[str] = ..., wait: _Optional[bool] = ...) -> None: ...

class CreateContainerBackupResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class RenameContainerBackupRequest(_message.Message):
    __slots__ = ("container", "name", "backup", "project", "wait")
    CONTAINER_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    BACKUP_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    container: str
    name: str
    backup: _container_backup_pb2.ContainerBackupPost
    project: str
    wait: bool
    def __init__(self, container: _Optional[str] = ..., name: _Optional[str] = ..., backup: _Optional[_Union[_container_backup_pb2.ContainerBackupPost, _Mapping]] = ..., project: _Optional[str] = ..., wait: _Optional[bool] = ...) -> None: ...

class RenameContainerBackupResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class DeleteContainerBackupRequest(_message.Message):
    __slots__ = ("container", "name", "project", "wait")
    CONTAINER_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    container: str
    name: str
    project: str
    wait: bool
    def __init__(self, container: _Optional[str] = ..., name: _Optional[str] = ..., project: _Optional[str] = ..., wait: _Optional[bool] = ...) -> None: ...

class DeleteContainerBackupResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class GetContainerLogfilesRequest(_message.Message):
    __slots__ = ("name", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    project: str
    def __init__(self, name: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetContainerLogfilesResponse(_message.Message):
    __slots__ = ("names",)
    NAMES_FIELD_NUMBER: _ClassVar[int]
    names: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, names: _Optional[_Iterable[str]] = ...) -> None: ...

class GetContainerMetadataRequest(_message.Message):
    __slots__ = ("name", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    project: str
    def __init__(self, name: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetContainerMetadataResponse(_message.Message):
    __slots__ = ("metadata", "etag")
    METADATA_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    metadata: _image_pb2.ImageMetadata
    etag: str
    def __init__(self, metadata: _Optional[_Union[_image_pb2.ImageMetadata, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class SetContainerMetadataRequest(_message.Message):
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

class SetContainerMetadataResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetContainerTemplateFilesRequest(_message.Message):
    __slots__ = ("name", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    project: str
    def __init__(self, name: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetContainerTemplateFilesResponse(_message.Message):
    __slots__ = ("names",)
    NAMES_FIELD_NUMBER: _ClassVar[int]
    names: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, names: _Optional[_Iterable[str]] = ...) -> None: ...

class ExecContainerRequest(_message.Message):
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
    exec: _container_exec_pb2.ContainerExecPost
    stdin: bytes
    close_stdin: bool
    window_size: ContainerWindowSize
    signal: int
    def __init__(self, name: _Optional[str] = ..., project: _Optional[str] = ..., exec: _Optional[_Union[_container_exec_pb2.ContainerExecPost, _Mapping]] = ..., stdin: _Optional[bytes] = ..., close_stdin: _Optional[bool] = ..., window_size: _Optional[_Union[ContainerWindowSize, _Mapping]] = ..., signal: _Optional[int] = ...) -> None: ...

class ExecContainerResponse(_message.Message):
    __slots__ = ("operation", "stdout", "stderr", "exit")
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    STDOUT_FIELD_NUMBER: _ClassVar[int]
    STDERR_FIELD_NUMBER: _ClassVar[int]
    EXIT_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    stdout: bytes
    stderr: bytes
    exit: ExecContainerExit
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ..., stdout: _Optional[bytes] = ..., stderr: _Optional[bytes] = ..., exit: _Optional[_Union[ExecContainerExit, _Mapping]] = ...) -> None: ...

class ExecContainerExit(_message.Message):
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

class ContainerWindowSize(_message.Message):
    __slots__ = ("width", "height")
    WIDTH_FIELD_NUMBER: _ClassVar[int]
    HEIGHT_FIELD_NUMBER: _ClassVar[int]
    width: int
    height: int
    def __init__(self, width: _Optional[int] = ..., height: _Optional[int] = ...) -> None: ...

class ConsoleContainerRequest(_message.Message):
    __slots__ = ("name", "project", "console", "data", "window_size")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    CONSOLE_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    WINDOW_SIZE_FIELD_NUMBER: _ClassVar[int]
    name: str
    project: str
    console: _container_console_pb2.ContainerConsolePost
    data: bytes
    window_size: ContainerWindowSize
    def __init__(self, name: _Optional[str] = ..., project: _Optional[str] = ..., console: _Optional[_Union[_container_console_pb2.ContainerConsolePost, _Mapping]] = ..., data: _Optional[bytes] = ..., window_size: _Optional[_Union[ContainerWindowSize, _Mapping]] = ...) -> None: ...

class ConsoleContainerResponse(_message.Message):
    __slots__ = ("operation", "data", "detached")
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    DETACHED_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    data: bytes
    detached: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ..., data: _Optional[bytes] = ..., detached: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class GetContainerConsoleLogRequest(_message.Message):
    __slots__ = ("name", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    project: str
    def __init__(self, name: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetContainerConsoleLogResponse(_message.Message):
    __slots__ = ("data",)
    DATA_FIELD_NUMBER: _ClassVar[int]
    data: bytes
    def __init__(self, data: _Optional[bytes] = ...) -> None: ...

class DeleteContainerConsoleLogRequest(_message.Message):
    __slots__ = ("name", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    project: str
    def __init__(self, name: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class DeleteContainerConsoleLogResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetContainerFileRequest(_message.Message):
    __slots__ = ("name", "path", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PATH_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    path: str
    project: str
    def __init__(self, name: _Optional[str] = ..., path: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetContainerFileResponse(_message.Message):
    __slots__ = ("info", "data")
    INFO_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    info: ContainerFileInfo
    data: bytes
    def __init__(self, info: _Optional[_Union[ContainerFileInfo, _Mapping]] = ..., data: _Optional[bytes] = ...) -> None: ...

class ContainerFileInfo(_message.Message):
    __slots__ = ("uid", "gid", "mode", "type", "entries")
    UID_FIELD_NUMBER: _ClassVar[int]
    GID_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    ENTRIES_FIELD_NUMBER: _ClassVar[int]
    uid: int
    gid: int
    mode: int
    type: str
    entries: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, uid: _Optional[int] = ..., gid: _Optional[int] = ..., mode: _Optional[int] = ..., type: _Optional[str] = ..., entries: _Optional[_Iterable[str]] = ...) -> None: ...

class CreateContainerFileRequest(_message.Message):
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

class CreateContainerFileResponse(_message.Message):
    __slots__ = ("size",)
    SIZE_FIELD_NUMBER: _ClassVar[int]
    size: int
    def __init__(self, size: _Optional[int] = ...) -> None: ...

class DeleteContainerFileRequest(_message.Message):
    __slots__ = ("name", "path", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PATH_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    path: str
    project: str
    def __init__(self, name: _Optional[str] = ..., path: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class DeleteContainerFileResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetContainerLogfileRequest(_message.Message):
    __slots__ = ("name", "filename", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    filename: str
    project: str
    def __init__(self, name: _Optional[str] = ..., filename: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetContainerLogfileResponse(_message.Message):
    __slots__ = ("data",)
    DATA_FIELD_NUMBER: _ClassVar[int]
    data: bytes
    def __init__(self, data: _Optional[bytes] = ...) -> None: ...

class DeleteContainerLogfileRequest(_message.Message):
    __slots__ = ("name", "filename", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    filename: str
    project: str
    def __init__(self, name: _Optional[str] = ..., filename: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class DeleteContainerLogfileResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetContainerTemplateFileRequest(_message.Message):
    __slots__ = ("name", "path", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PATH_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    path: str
    project: str
    def __init__(self, name: _Optional[str] = ..., path: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetContainerTemplateFileResponse(_message.Message):
    __slots__ = ("data",)
    DATA_FIELD_NUMBER: _ClassVar[int]
    data: bytes
    def __init__(self, data: _Optional[bytes] = ...) -> None: ...

class CreateContainerTemplateFileRequest(_message.Message):
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

class CreateContainerTemplateFileResponse(_message.Message):
    __slots__ = ("size",)
    SIZE_FIELD_NUMBER: _ClassVar[int]
    size: int
    def __init__(self, size: _Optional[int] = ...) -> None: ...

class UpdateContainerTemplateFileRequest(_message.Message):
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

class UpdateContainerTemplateFileResponse(_message.Message):
    __slots__ = ("size",)
    SIZE_FIELD_NUMBER: _ClassVar[int]
    size: int
    def __init__(self, size: _Optional[int] = ...) -> None: ...

class DeleteContainerTemplateFileRequest(_message.Message):
    __slots__ = ("name", "path", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PATH_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    path: str
    project: str
    def __init__(self, name: _Optional[str] = ..., path: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class DeleteContainerTemplateFileResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetContainerBackupFileRequest(_message.Message):
    __slots__ = ("container", "name", "project")
    CONTAINER_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    container: str
    name: str
    project: str
    def __init__(self, container: _Optional[str] = ..., name: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetContainerBackupFileResponse(_message.Message):
    __slots__ = ("data",)
    DATA_FIELD_NUMBER: _ClassVar[int]
    data: bytes
    def __init__(self, data: _Optional[bytes] = ...) -> None: ...

class CreateContainerFromBackupRequest(_message.Message):
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

class CreateContainerFromBackupResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class CopyContainerRequest(_message.Message):
    __slots__ = ("name", "source_server", "source_project", "args", "target", "project", "wait")
    NAME_FIELD_NUMBER: _ClassVar[int]
    SOURCE_SERVER_FIELD_NUMBER: _ClassVar[int]
    SOURCE_PROJECT_FIELD_NUMBER: _ClassVar[int]
    ARGS_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    name: str
    source_server: str
    source_project: str
    args: ContainerCopyArgs
    target: str
    project: str
    wait: bool
    def __init__(self, name: _Optional[str] = ..., source_server: _Optional[str] = ..., source_project: _Optional[str] = ..., args: _Optional[_Union[ContainerCopyArgs, _Mapping]] = ..., target: _Optional[str] = ..., project: _Optional[str] = ..., wait: _Optional[bool] = ...) -> None: ...

class ContainerCopyArgs(_message.Message):
    __slots__ = ("name", "live", "container_only", "mode", "refresh")
    NAME_FIELD_NUMBER: _ClassVar[int]
    LIVE_FIELD_NUMBER: _ClassVar[int]
    CONTAINER_ONLY_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    REFRESH_FIELD_NUMBER: _ClassVar[int]
    name: str
    live: bool
    container_only: bool
    mode: str
    refresh: bool
    def __init__(self, name: _Optional[str] = ..., live: _Optional[bool] = ..., container_only: _Optional[bool] = ..., mode: _Optional[str] = ..., refresh: _Optional[bool] = ...) -> None: ...

class CopyContainerResponse(_message.Message):
    __slots__ = ("operation", "operation_server")
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    OPERATION_SERVER_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    operation_server: str
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ..., operation_server: _Optional[str] = ...) -> None: ...
