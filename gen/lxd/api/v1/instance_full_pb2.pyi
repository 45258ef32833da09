import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from lxd.api.v1 import instance_backup_pb2 as _instance_backup_pb2
from lxd.api.v1 import instance_snapshot_pb2 as _instance_snapshot_pb2
from lxd.api.v1 import instance_state_pb2 as _instance_state_pb2
from lxd.api.v1 import options_pb2 as _options_pb2
from lxd.api.v1 import status_code_pb2 as _status_code_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class InstanceFull(_message.Message):
    __slots__ = ("architecture", "config", "devices", "ephemeral", "profiles", "restore", "stateful", "description", "created_at", "expanded_config", "expanded_devices", "name", "status", "status_code", "last_used_at", "location", "type", "project", "backups", "state", "snapshots", "empty_keys")
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
    ARCHITECTURE_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    DEVICES_FIELD_NUMBER: _ClassVar[int]
    EPHEMERAL_FIELD_NUMBER: _ClassVar[int]
    PROFILES_FIELD_NUMBER: _ClassVar[int]
    RESTORE_FIELD_NUMBER: _ClassVar[int]
    STATEFUL_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    EXPANDED_CONFIG_FIELD_NUMBER: _ClassVar[int]
    EXPANDED_DEVICES_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    STATUS_CODE_FIELD_NUMBER: _ClassVar[int]
    LAST_USED_AT_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    BACKUPS_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    SNAPSHOTS_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    architecture: str
    config: _containers.ScalarMap[str, str]
    devices: _containers.MessageMap[str, _options_pb2.Device]
    ephemeral: bool
    profiles: _containers.RepeatedScalarFieldContainer[str]
    restore: str
    stateful: bool
    description: str
    created_at: _timestamp_pb2.Timestamp
    expanded_config: _containers.ScalarMap[str, str]
    expanded_devices: _containers.MessageMap[str, _options_pb2.Device]
    name: str
    status: str
    status_code: _status_code_pb2.StatusCode
    last_used_at: _timestamp_pb2.Timestamp
    location: str
    type: str
    project: str
    backups: _containers.RepeatedCompositeFieldContainer[_instance_backup_pb2.InstanceBackup]
    state: _instance_state_pb2.InstanceState
    snapshots: _containers.RepeatedCompositeFieldContainer[_instance_snapshot_pb2.InstanceSnapshot]
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, architecture: _Optional[str] = ..., config: _Optional[_Mapping[str, str]] = ..., devices: _Optional[_Mapping[str, _options_pb2.Device]] = ..., ephemeral: _Optional[bool] = ..., profiles: _Optional[_Iterable[str]] = ..., restore: _Optional[str] = ..., stateful: _Optional[bool] = ..., description: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., expanded_config: _Optional[_Mapping[str, str]] = ..., expanded_devices: _Optional[_Mapping[str, _options_pb2.Device]] = ..., name: _Optional[str] = ..., status: _Optional[str] = ..., status_code: _Optional[_Union[_status_code_pb2.StatusCode, str]] = ..., last_used_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., location: _Optional[str] = ..., type: _Optional[str] = ..., project: _Optional[str] = ..., backups: _Optional[_Iterable[_Union[_instance_backup_pb2.InstanceBackup, _Mapping]]] = ..., state: _Optional[_Union[_instance_state_pb2.InstanceState, _Mapping]] = ..., snapshots: _Optional[_Iterable[_Union[_instance_snapshot_pb2.InstanceSnapshot, _Mapping]]] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...
