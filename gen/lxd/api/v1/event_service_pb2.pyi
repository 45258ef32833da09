from google.api import annotations_pb2 as _annotations_pb2
from lxd.api.v1 import event_pb2 as _event_pb2
from lxd.api.v1 import operation_pb2 as _operation_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetEventsRequest(_message.Message):
    __slots__ = ("types", "project", "all_projects")
    TYPES_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    ALL_PROJECTS_FIELD_NUMBER: _ClassVar[int]
    types: _containers.RepeatedScalarFieldContainer[str]
    project: str
    all_projects: bool
    def __init__(self, types: _Optional[_Iterable[str]] = ..., project: _Optional[str] = ..., all_projects: _Optional[bool] = ...) -> None: ...

class GetEventsResponse(_message.Message):
    __slots__ = ("event", "operation", "logging", "lifecycle")
    EVENT_FIELD_NUMBER: _ClassVar[int]
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    LOGGING_FIELD_NUMBER: _ClassVar[int]
    LIFECYCLE_FIELD_NUMBER: _ClassVar[int]
    event: _event_pb2.Event
    operation: _operation_pb2.Operation
    logging: _event_pb2.EventLogging
    lifecycle: _event_pb2.EventLifecycle
    def __init__(self, event: _Optional[_Union[_event_pb2.Event, _Mapping]] = ..., operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ..., logging: _Optional[_Union[_event_pb2.EventLogging, _Mapping]] = ..., lifecycle: _Optional[_Union[_event_pb2.EventLifecycle, _Mapping]] = ...) -> None: ...
