from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf import field_mask_pb2 as _field_mask_pb2
from lxd.api.v1 import operation_pb2 as _operation_pb2
from lxd.api.v1 import project_pb2 as _project_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetProjectNamesRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetProjectNamesResponse(_message.Message):
    __slots__ = ("names",)
    NAMES_FIELD_NUMBER: _ClassVar[int]
    names: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, names: _Optional[_Iterable[str]] = ...) -> None: ...

class GetProjectsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetProjectsResponse(_message.Message):
    __slots__ = ("projects",)
    PROJECTS_FIELD_NUMBER: _ClassVar[int]
    projects: _containers.RepeatedCompositeFieldContainer[_project_pb2.Project]
    def __init__(self, projects: _Optional[_Iterable[_Union[_project_pb2.Project, _Mapping]]] = ...) -> None: ...

class GetProjectRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class GetProjectResponse(_message.Message):
    __slots__ = ("project", "etag")
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    project: _project_pb2.Project
    etag: str
    def __init__(self, project: _Optional[_Union[_project_pb2.Project, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class GetProjectStateRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class GetProjectStateResponse(_message.Message):
    __slots__ = ("state",)
    STATE_FIELD_NUMBER: _ClassVar[int]
    state: _project_pb2.ProjectState
    def __init__(self, state: _Optional[_Union[_project_pb2.ProjectState, _Mapping]] = ...) -> None: ...

class CreateProjectRequest(_message.Message):
    __slots__ = ("projects_post",)
    PROJECTS_POST_FIELD_NUMBER: _ClassVar[int]
    projects_post: _project_pb2.ProjectsPost
    def __init__(self, projects_post: _Optional[_Union[_project_pb2.ProjectsPost, _Mapping]] = ...) -> None: ...

class CreateProjectResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class UpdateProjectRequest(_message.Message):
    __slots__ = ("name", "project_put", "etag")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_PUT_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    name: str
    project_put: _project_pb2.ProjectPut
    etag: str
    def __init__(self, name: _Optional[str] = ..., project_put: _Optional[_Union[_project_pb2.ProjectPut, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class UpdateProjectResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class PatchProjectRequest(_message.Message):
    __slots__ = ("name", "project_put", "update_mask", "etag")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_PUT_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    name: str
    project_put: _project_pb2.ProjectPut
    update_mask: _field_mask_pb2.FieldMask
    etag: str
    def __init__(self, name: _Optional[str] = ..., project_put: _Optional[_Union[_project_pb2.ProjectPut, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class PatchProjectResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class RenameProjectRequest(_message.Message):
    __slots__ = ("name", "project_post", "wait")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_POST_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    name: str
    project_post: _project_pb2.ProjectPost
    wait: bool
    def __init__(self, name: _Optional[str] = ..., project_post: _Optional[_Union[_project_pb2.ProjectPost, _Mapping]] = ..., wait: _Optional[bool] = ...) -> None: ...

class RenameProjectResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class DeleteProjectRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class DeleteProjectResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...
