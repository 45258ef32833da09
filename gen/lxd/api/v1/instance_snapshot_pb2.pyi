import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from lxd.api.v1 import instance_pb2 as _instance_pb2
from lxd.api.v1 import options_pb2 as _options_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class InstanceSnapshotsPost(_message.Message):
    __slots__ = ("name", "stateful", "expires_at")
    NAME_FIELD_NUMBER: _ClassVar[int]
    STATEFUL_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    name: str
    stateful: bool
    expires_at: _timestamp_pb2.Timestamp
    def __init__(self, name: _Optional[str] = ..., stateful: _Optional[bool] = ..., expires_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class InstanceSnapshotPost(_message.Message):
    __slots__ = ("name", "migration", "target", "live")
    NAME_FIELD_NUMBER: _ClassVar[int]
    MIGRATION_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    LIVE_FIELD_NUMBER: _ClassVar[int]
    name: str
    migration: bool
    target: _instance_pb2.InstancePostTarget
    live: bool
    def __init__(self, name: _Optional[str] = ..., migration: _Optional[bool] = ..., target: _Optional[_Union[_instance_pb2.InstancePostTarget, _Mapping]] = ..., live: _Optional[bool] = ...) -> None: ...

class InstanceSnapshotPut(_message.Message):
    __slots__ = ("expires_at",)
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    expires_at: _timestamp_pb2.Timestamp
    def __init__(self, expires_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class InstanceSnapshot(_message.Message):
    __slots__ = ("expires_at", "architecture", "config", "created_at", "devices", "ephemeral", "expanded_config", "expanded_devices", "last_used_at", "name", "profiles", "stateful", "size", "empty_keys")
    class ConfigEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class DevicesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: _options_pb2.Device
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[_options_pb2.Device, _Mapping]] = ...) -> None: ...
    class ExpandedConfigEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class ExpandedDevicesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: _options_pb2.Device
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[_options_pb2.Device, _Mapping]] = ...) -> None: ...
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    ARCHITECTURE_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    DEVICES_FIELD_NUMBER: _ClassVar[int]
    EPHEMERAL_FIELD_NUMBER: _ClassVar[int]
    EXPANDED_CONFIG_FIELD_NUMBER: _ClassVar[int]
    EXPANDED_DEVICES_FIELD_NUMBER: _ClassVar[int]
    LAST_USED_AT_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROFILES_FIELD_NUMBER: _ClassVar[int]
    STATEFUL_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    expires_at: _timestamp_pb2.Timestamp
    architecture: str
    config: _containers.ScalarMap[str, str]
    created_at: _timestamp_pb2.Timestamp
    devices: _containers.MessageMap[str, _options_pb2.Device]
    ephemeral: bool
    expanded_config: _containers.ScalarMap[str, str]
    expanded_devices: _containers.MessageMap[str, _options_pb2.Device]
    last_used_at: _timestamp_pb2.Timestamp
    name: str
    profiles: _containers.RepeatedScalarFieldContainer[str]
    stateful: bool
    size: int
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, expires_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., architecture: _Optional[str] = ..., config: _Optional[_Mapping[str, str]] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., devices: _Optional[_Mapping[str, _options_pb2.Device]] = ..., ephemeral: _Optional[bool] = ..., expanded_config: _Optional[_Mapping[str, str]] = ..., expanded_devices: _Optional[_Mapping[str, _options_pb2.Device]] = ..., last_used_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., name: _Optional[str] = ..., profiles: _Optional[_Iterable[str]] = ..., stateful: _Optional[bool] = ..., size: _Optional[int] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...
