from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf import field_mask_pb2 as _field_mask_pb2
from lxd.api.v1 import warning_pb2 as _warning_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetWarningUUIDsRequest(_message.Message):
    __slots__ = ("project",)
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    project: str
    def __init__(self, project: _Optional[str] = ...) -> None: ...

class GetWarningUUIDsResponse(_message.Message):
    __slots__ = ("uuids",)
    UUIDS_FIELD_NUMBER: _ClassVar[int]
    uuids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, uuids: _Optional[_Iterable[str]] = ...) -> None: ...

class GetWarningsRequest(_message.Message):
    __slots__ = ("project",)
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    project: str
    def __init__(self, project: _Optional[str] = ...) -> None: ...

class GetWarningsResponse(_message.Message):
    __slots__ = ("warnings",)
    WARNINGS_FIELD_NUMBER: _ClassVar[int]
    warnings: _containers.RepeatedCompositeFieldContainer[_warning_pb2.Warning]
    def __init__(self, warnings: _Optional[_Iterable[_Union[_warning_pb2.Warning, _Mapping]]] = ...) -> None: ...

class GetWarningRequest(_message.Message):
    __slots__ = ("uuid",)
    UUID_FIELD_NUMBER: _ClassVar[int]
    uuid: str
    def __init__(self, uuid: _Optional[str] = ...) -> None: ...

class GetWarningResponse(_message.Message):
    __slots__ = ("warning", "etag")
    WARNING_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    warning: _warning_pb2.Warning
    etag: str
    def __init__(self, warning: _Optional[_Union[_warning_pb2.Warning, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class UpdateWarningRequest(_message.Message):
    __slots__ = ("uuid", "warning", "etag")
    UUID_FIELD_NUMBER: _ClassVar[int]
    WARNING_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    uuid: str
    warning: _warning_pb2.WarningPut
    etag: str
    def __init__(self, uuid: _Optional[str] = ..., warning: _Optional[_Union[_warning_pb2.WarningPut, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class UpdateWarningResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class PatchWarningRequest(_message.Message):
    __slots__ = ("uuid", "warning", "update_mask", "etag")
    UUID_FIELD_NUMBER: _ClassVar[int]
    WARNING_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    uuid: str
    warning: _warning_pb2.WarningPut
    update_mask: _field_mask_pb2.FieldMask
    etag: str
    def __init__(self, uuid: _Optional[str] = ..., warning: _Optional[_Union[_warning_pb2.WarningPut, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class PatchWarningResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class DeleteWarningRequest(_message.Message):
    __slots__ = ("uuid",)
    UUID_FIELD_NUMBER: _ClassVar[int]
    uuid: str
    def __init__(self, uuid: _Optional[str] = ...) -> None: ...

class DeleteWarningResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...
