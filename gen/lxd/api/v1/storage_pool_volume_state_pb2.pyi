from lxd.api.v1 import options_pb2 as _options_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class StorageVolumeState(_message.Message):
    __slots__ = ("usage",)
    USAGE_FIELD_NUMBER: _ClassVar[int]
    usage: StorageVolumeStateUsage
    def __init__(self, usage: _Optional[_Union[StorageVolumeStateUsage, _Mapping]] = ...) -> None: ...

class StorageVolumeStateUsage(_message.Message):
    __slots__ = ("used", "total")
    USED_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    used: int
    total: int
    def __init__(self, used: _Optional[int] = ..., total: _Optional[int] = ...) -> None: ...
