import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from lxd.api.v1 import options_pb2 as _options_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class InstanceBackupsPost(_message.Message):
    __slots__ = ("name", "expires_at", "instance_only", "container_only", "optimized_storage", "compression_algorithm")
    NAME_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    INSTANCE_ONLY_FIELD_NUMBER: _ClassVar[int]
    CONTAINER_ONLY_FIELD_NUMBER: _ClassVar[int]
    OPTIMIZED_STORAGE_FIELD_NUMBER: _ClassVar[int]
    COMPRESSION_ALGORITHM_FIELD_NUMBER: _ClassVar[int]
    name: str
    expires_at: _timestamp_pb2.Timestamp
    instance_only: bool
    container_only: bool
    optimized_storage: bool
    compression_algorithm: str
    def __init__(self, name: _Optional[str] = ..., expires_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., instance_only: _Optional[bool] = ..., container_only: _Optional[bool] = ..., optimized_storage: _Optional[bool] = ..., compression_algorithm: _Optional[str] = ...) -> None: ...

class InstanceBackup(_message.Message):
    __slots__ = ("name", "created_at", "expires_at", "instance_only", "container_only", "optimized_storage")
    NAME_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    INSTANCE_ONLY_FIELD_NUMBER: _ClassVar[int]
    CONTAINER_ONLY_FIELD_NUMBER: _ClassVar[int]
    OPTIMIZED_STORAGE_FIELD_NUMBER: _ClassVar[int]
    name: str
    created_at: _timestamp_pb2.Timestamp
    expires_at: _timestamp_pb2.Timestamp
    instance_only: bool
    container_only: bool
    optimized_storage: bool
    def __init__(self, name: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., expires_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., instance_only: _Optional[bool] = ..., container_only: _Optional[bool] = ..., optimized_storage: _Optional[bool] = ...) -> None: ...

class InstanceBackupPost(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...
