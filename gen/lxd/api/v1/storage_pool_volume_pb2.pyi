import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from lxd.api.v1 import options_pb2 as _options_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class StorageVolume(_message.Message):
    __slots__ = ("config", "description", "name", "type", "used_by", "location", "content_type", "project", "created_at", "restore", "empty_keys")
    class ConfigEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    USED_BY_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    RESTORE_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    config: _containers.ScalarMap[str, str]
    description: str
    name: str
    type: str
    used_by: _containers.RepeatedScalarFieldContainer[str]
    location: str
    content_type: str
    project: str
    created_at: _timestamp_pb2.Timestamp
    restore: str
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, config: _Optional[_Mapping[str, str]] = ..., description: _Optional[str] = ..., name: _Optional[str] = ..., type: _Optional[str] = ..., used_by: _Optional[_Iterable[str]] = ..., location: _Optional[str] = ..., content_type: _Optional[str] = ..., project: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., restore: _Optional[str] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class StorageVolumePost(_message.Message):
    __slots__ = ("name", "pool", "migration", "target", "volume_only", "project", "source")
    NAME_FIELD_NUMBER: _ClassVar[int]
    POOL_FIELD_NUMBER: _ClassVar[int]
    MIGRATION_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    VOLUME_ONLY_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    name: str
    pool: str
    migration: bool
    target: StorageVolumePostTarget
    volume_only: bool
    project: str
    source: StorageVolumeSource
    def __init__(self, name: _Optional[str] = ..., pool: _Optional[str] = ..., migration: _Optional[bool] = ..., target: _Optional[_Union[StorageVolumePostTarget, _Mapping]] = ..., volume_only: _Optional[bool] = ..., project: _Optional[str] = ..., source: _Optional[_Union[StorageVolumeSource, _Mapping]] = ...) -> None: ...

class StorageVolumePostTarget(_message.Message):
    __slots__ = ("certificate", "operation", "secrets")
    class SecretsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    CERTIFICATE_FIELD_NUMBER: _ClassVar[int]
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    SECRETS_FIELD_NUMBER: _ClassVar[int]
    certificate: str
    operation: str
    secrets: _containers.ScalarMap[str, str]
    def __init__(self, certificate: _Optional[str] = ..., operation: _Optional[str] = ..., secrets: _Optional[_Mapping[str, str]] = ...) -> None: ...

class StorageVolumePut(_message.Message):
    __slots__ = ("config", "description", "restore", "empty_keys")
    class ConfigEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    RESTORE_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    config: _containers.ScalarMap[str, str]
    description: str
    restore: str
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, config: _Optional[_Mapping[str, str]] = ..., description: _Optional[str] = ..., restore: _Optional[str] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class StorageVolumeSource(_message.Message):
    __slots__ = ("name", "type", "pool", "certificate", "mode", "operation", "secrets", "volume_only", "refresh", "project", "location", "refresh_exclude_older")
    class SecretsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    NAME_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    POOL_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATE_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    SECRETS_FIELD_NUMBER: _ClassVar[int]
    VOLUME_ONLY_FIELD_NUMBER: _ClassVar[int]
    REFRESH_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    REFRESH_EXCLUDE_OLDER_FIELD_NUMBER: _ClassVar[int]
    name: str
    type: str
    pool: str
    certificate: str
    mode: str
    operation: str
    secrets: _containers.ScalarMap[str, str]
    volume_only: bool
    refresh: bool
    project: str
    location: str
    refresh_exclude_older: bool
    def __init__(self, name: _Optional[str] = ..., type: _Optional[str] = ..., pool: _Optional[str] = ..., certificate: _Optional[str] = ..., mode: _Optional[str] = ..., operation: _Optional[str] = ..., secrets: _Optional[_Mapping[str, str]] = ..., volume_only: _Optional[bool] = ..., refresh: _Optional[bool] = ..., project: _Optional[str] = ..., location: _Optional[str] = ..., refresh_exclude_older: _Optional[bool] = ...) -> None: ...

class StorageVolumesPost(_message.Message):
    __slots__ = ("config", "description", "name", "type", "source", "content_type", "restore", "empty_keys")
    class ConfigEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    RESTORE_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    config: _containers.ScalarMap[str, str]
    description: str
    name: str
    type: str
    source: StorageVolumeSource
    content_type: str
    restore: str
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, config: _Optional[_Mapping[str, str]] = ..., description: _Optional[str] = ..., name: _Optional[str] = ..., type: _Optional[str] = ..., source: _Optional[_Union[StorageVolumeSource, _Mapping]] = ..., content_type: _Optional[str] = ..., restore: _Optional[str] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...
