import datetime

from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from lxd.api.v1 import options_pb2 as _options_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Event(_message.Message):
    __slots__ = ("type", "timestamp", "metadata", "location", "project")
    TYPE_FIELD_NUMBER: _ClassVar[int]
    TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    type: str
    timestamp: _timestamp_pb2.Timestamp
    metadata: bytes
    location: str
    project: str
    def __init__(self, type: _Optional[str] = ..., timestamp: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., metadata: _Optional[bytes] = ..., location: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class EventLifecycle(_message.Message):
    __slots__ = ("action", "source", "context", "requestor", "name", "project")
    ACTION_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_FIELD_NUMBER: _ClassVar[int]
    REQUESTOR_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    action: str
    source: str
    context: _struct_pb2.Struct
    requestor: EventLifecycleRequestor
    name: str
    project: str
    def __init__(self, action: _Optional[str] = ..., source: _Optional[str] = ..., context: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., requestor: _Optional[_Union[EventLifecycleRequestor, _Mapping]] = ..., name: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class EventLogging(_message.Message):
    __slots__ = ("message", "level", "context", "empty_keys")
    class ContextEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    message: str
    level: str
    context: _containers.ScalarMap[str, str]
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, message: _Optional[str] = ..., level: _Optional[str] = ..., context: _Optional[_Mapping[str, str]] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class EventLifecycleRequestor(_message.Message):
    __slots__ = ("username", "protocol", "address")
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    PROTOCOL_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    username: str
    protocol: str
    address: str
    def __init__(self, username: _Optional[str] = ..., protocol: _Optional[str] = ..., address: _Optional[str] = ...) -> None: ...
