from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf import field_mask_pb2 as _field_mask_pb2
from lxd.api.v1 import resource_pb2 as _resource_pb2
from lxd.api.v1 import server_pb2 as _server_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetAPIVersionsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetAPIVersionsResponse(_message.Message):
    __slots__ = ("names",)
    NAMES_FIELD_NUMBER: _ClassVar[int]
    names: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, names: _Optional[_Iterable[str]] = ...) -> None: ...

class GetServerRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetServerResponse(_message.Message):
    __slots__ = ("server", "etag")
    SERVER_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    server: _server_pb2.Server
    etag: str
    def __init__(self, server: _Optional[_Union[_server_pb2.Server, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class UpdateServerRequest(_message.Message):
    __slots__ = ("server", "etag")
    SERVER_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    server: _server_pb2.ServerPut
    etag: str
    def __init__(self, server: _Optional[_Union[_server_pb2.ServerPut, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class UpdateServerResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class PatchServerRequest(_message.Message):
    __slots__ = ("server", "update_mask", "etag")
    SERVER_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    server: _server_pb2.ServerPut
    update_mask: _field_mask_pb2.FieldMask
    etag: str
    def __init__(self, server: _Optional[_Union[_server_pb2.ServerPut, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class PatchServerResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetServerResourcesRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetServerResourcesResponse(_message.Message):
    __slots__ = ("resources",)
    RESOURCES_FIELD_NUMBER: _ClassVar[int]
    resources: _resource_pb2.Resources
    def __init__(self, resources: _Optional[_Union[_resource_pb2.Resources, _Mapping]] = ...) -> None: ...

class GetMetricsRequest(_message.Message):
    __slots__ = ("project", "target")
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    project: str
    target: str
    def __init__(self, project: _Optional[str] = ..., target: _Optional[str] = ...) -> None: ...

class GetMetricsResponse(_message.Message):
    __slots__ = ("metrics", "content_type")
    METRICS_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    metrics: str
    content_type: str
    def __init__(self, metrics: _Optional[str] = ..., content_type: _Optional[str] = ...) -> None: ...
