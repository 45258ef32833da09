import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from lxd.api.v1 import options_pb2 as _options_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ContainerBackup(_message.Message):
    __slots__ = ("name", "creation_date", "expiry_date", "container_only", "optimized_storage", "instance_only")
    NAME_FIELD_NUMBER: _ClassVar[int]
    CREATION_DATE_FIELD_NUMBER: _ClassVar[int]
    EXPIRY_DATE_FIELD_NUMBER: _ClassVar[int]
    CONTAINER_ONLY_FIELD_NUMBER: _ClassVar[int]
    OPTIMIZED_STORAGE_FIELD_NUMBER: _ClassVar[int]
    INSTANCE_ONLY_FIELD_NUMBER: _ClassVar[int]
    name: str
    creation_date: _timestamp_pb2.Timestamp
    expiry_date: _timestamp_pb2.Timestamp
    container_only: bool
    optimized_storage: bool
    instance_only: bool
    def __init__(self, name: _Optional[str] = ..., creation_date: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., expiry_date: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., container_only: _Optional[bool] = ..., optimized_storage: _Optional[bool] = ..., instance_only: _Optional[bool] = ...) -> None: ...

class ContainerBackupPost(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class ContainerBackupsPost(_message.Message):
    __slots__ = ("name", "expiry", "container_only", "optimized_storage", "instance_only", "compression_algorithm")
    NAME_FIELD_NUMBER: _ClassVar[int]
    EXPIRY_FIELD_NUMBER: _ClassVar[int]
    CONTAINER_ONLY_FIELD_NUMBER: _ClassVar[int]
    OPTIMIZED_STORAGE_FIELD_NUMBER: _ClassVar[int]
    INSTANCE_ONLY_FIELD_NUMBER: _ClassVar[int]
    COMPRESSION_ALGORITHM_FIELD_NUMBER: _ClassVar[int]
    name: str
    expiry: _timestamp_pb2.Timestamp
    container_only: bool
    optimized_storage: bool
    instance_only: bool
    compression_algorithm: str
    def __init__(self, name: _Optional[str] = ..., expiry: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., container_only: _Optional[bool] = ..., optimized_storage: _Optional[bool] = ..., instance_only: _Optional[bool] = ..., compression_algorithm: _Optional[str] = ...) -> None: ...
