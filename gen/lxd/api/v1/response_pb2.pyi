from google.protobuf import struct_pb2 as _struct_pb2
from lxd.api.v1 import options_pb2 as _options_pb2
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ResponseType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    RESPONSE_TYPE_UNSPECIFIED: _ClassVar[ResponseType]
    RESPONSE_TYPE_SYNC: _ClassVar[ResponseType]
    RESPONSE_TYPE_ASYNC: _ClassVar[ResponseType]
    RESPONSE_TYPE_ERROR: _ClassVar[ResponseType]
RESPONSE_TYPE_UNSPECIFIED: ResponseType
RESPONSE_TYPE_SYNC: ResponseType
RESPONSE_TYPE_ASYNC: ResponseType
RESPONSE_TYPE_ERROR: ResponseType

class Response(_message.Message):
    __slots__ = ("type", "status", "status_code", "operation", "error_code", "error", "metadata")
    TYPE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    STATUS_CODE_FIELD_NUMBER: _ClassVar[int]
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    ERROR_CODE_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    type: ResponseType
    status: str
    status_code: int
    operation: str
    error_code: int
    error: str
    metadata: bytes
    def __init__(self, type: _Optional[_Union[ResponseType, str]] = ..., status: _Optional[str] = ..., status_code: _Optional[int] = ..., operation: _Optional[str] = ..., error_code: _Optional[int] = ..., error: _Optional[str] = ..., metadata: _Optional[bytes] = ...) -> None: ...

class ResponseRaw(_message.Message):
    __slots__ = ("type", "status", "status_code", "operation", "error_code", "error", "metadata")
    TYPE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    STATUS_CODE_FIELD_NUMBER: _ClassVar[int]
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    ERROR_CODE_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    type: ResponseType
    status: str
    status_code: int
    operation: str
    error_code: int
    error: str
    metadata: _struct_pb2.Value
    def __init__(self, type: _Optional[_Union[ResponseType, str]] = ..., status: _Optional[str] = ..., status_code: _Optional[int] = ..., operation: _Optional[str] = ..., error_code: _Optional[int] = ..., error: _Optional[str] = ..., metadata: _Optional[_Union[_struct_pb2.Value, _Mapping]] = ...) -> None: ...
