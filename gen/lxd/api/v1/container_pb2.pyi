import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from lxd.api.v1 import options_pb2 as _options_pb2
from lxd.api.v1 import status_code_pb2 as _status_code_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Container(_message.Message):
    __slots__ = ("architecture", "config", "devices", "ephemeral", "profiles", "restore", "stateful", "description", "created_at", "expanded_config", "expanded_devices", "name", "status", "status_code", "last_used_at", "location", "type", "project", "empty_keys")
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
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, architecture: _Optional[str] = ..., config: _Optional[_Mapping[str, str]] = ..., devices: _Optional[_Mapping[str, _options_pb2.Device]] = ..., ephemeral: _Optional[bool] = ..., profiles: _Optional[_Iterable[str]] = ..., restore: _Optional[str] = ..., stateful: _Optional[bool] = ..., description: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., expanded_config: _Optional[_Mapping[str, str]] = ..., expanded_devices: _Optional[_Mapping[str, _options_pb2.Device]] = ..., name: _Optional[str] = ..., status: _Optional[str] = ..., status_code: _Optional[_Union[_status_code_pb2.StatusCode, str]] = ..., last_used_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., location: _Optional[str] = ..., type: _Optional[str] = ..., project: _Optional[str] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class ContainerPost(_message.Message):
    __slots__ = ("name", "migration", "live", "container_only", "target", "instance_only", "pool", "project", "allow_inconsistent", "config", "devices", "profiles", "empty_keys")
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
    NAME_FIELD_NUMBER: _ClassVar[int]
    MIGRATION_FIELD_NUMBER: _ClassVar[int]
    LIVE_FIELD_NUMBER: _ClassVar[int]
    CONTAINER_ONLY_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    INSTANCE_ONLY_FIELD_NUMBER: _ClassVar[int]
    POOL_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    ALLOW_INCONSISTENT_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    DEVICES_FIELD_NUMBER: _ClassVar[int]
    PROFILES_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    name: str
    migration: bool
    live: bool
    container_only: bool
    target: ContainerPostTarget
    instance_only: bool
    pool: str
    project: str
    allow_inconsistent: bool
    config: _containers.ScalarMap[str, str]
    devices: _containers.MessageMap[str, _options_pb2.Device]
    profiles: _containers.RepeatedScalarFieldContainer[str]
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, name: _Optional[str] = ..., migration: _Optional[bool] = ..., live: _Optional[bool] = ..., container_only: _Optional[bool] = ..., target: _Optional[_Union[ContainerPostTarget, _Mapping]] = ..., instance_only: _Optional[bool] = ..., pool: _Optional[str] = ..., project: _Optional[str] = ..., allow_inconsistent: _Optional[bool] = ..., config: _Optional[_Mapping[str, str]] = ..., devices: _Optional[_Mapping[str, _options_pb2.Device]] = ..., profiles: _Optional[_Iterable[str]] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class ContainerPostTarget(_message.Message):
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

class ContainerPut(_message.Message):
    __slots__ = ("architecture", "config", "devices", "ephemeral", "profiles", "restore", "stateful", "description", "empty_keys")
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
    ARCHITECTURE_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    DEVICES_FIELD_NUMBER: _ClassVar[int]
    EPHEMERAL_FIELD_NUMBER: _ClassVar[int]
    PROFILES_FIELD_NUMBER: _ClassVar[int]
    RESTORE_FIELD_NUMBER: _ClassVar[int]
    STATEFUL_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    architecture: str
    config: _containers.ScalarMap[str, str]
    devices: _containers.MessageMap[str, _options_pb2.Device]
    ephemeral: bool
    profiles: _containers.RepeatedScalarFieldContainer[str]
    restore: str
    stateful: bool
    description: str
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, architecture: _Optional[str] = ..., config: _Optional[_Mapping[str, str]] = ..., devices: _Optional[_Mapping[str, _options_pb2.Device]] = ..., ephemeral: _Optional[bool] = ..., profiles: _Optional[_Iterable[str]] = ..., restore: _Optional[str] = ..., stateful: _Optional[bool] = ..., description: _Optional[str] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class ContainerSource(_message.Message):
    __slots__ = ("type", "certificate", "alias", "fingerprint", "properties", "server", "secret", "protocol", "base_image", "mode", "operation", "secrets", "source", "live", "container_only", "instance_only", "refresh", "project", "allow_inconsistent", "refresh_exclude_older")
    class PropertiesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class SecretsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    TYPE_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATE_FIELD_NUMBER: _ClassVar[int]
    ALIAS_FIELD_NUMBER: _ClassVar[int]
    FINGERPRINT_FIELD_NUMBER: _ClassVar[int]
    PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    SERVER_FIELD_NUMBER: _ClassVar[int]
    SECRET_FIELD_NUMBER: _ClassVar[int]
    PROTOCOL_FIELD_NUMBER: _ClassVar[int]
    BASE_IMAGE_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    SECRETS_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    LIVE_FIELD_NUMBER: _ClassVar[int]
    CONTAINER_ONLY_FIELD_NUMBER: _ClassVar[int]
    INSTANCE_ONLY_FIELD_NUMBER: _ClassVar[int]
    REFRESH_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    ALLOW_INCONSISTENT_FIELD_NUMBER: _ClassVar[int]
    REFRESH_EXCLUDE_OLDER_FIELD_NUMBER: _ClassVar[int]
    type: str
    certificate: str
    alias: str
    fingerprint: str
    properties: _containers.ScalarMap[str, str]
    server: str
    secret: str
    protocol: str
    base_image: str
    mode: str
    operation: str
    secrets: _containers.ScalarMap[str, str]
    source: str
    live: bool
    container_only: bool
    instance_only: bool
    refresh: bool
    project: str
    allow_inconsistent: bool
    refresh_exclude_older: bool
    def __init__(self, type: _Optional[str] = ..., certificate: _Optional[str] = ..., alias: _Optional[str] = ..., fingerprint: _Optional[str] = ..., properties: _Optional[_Mapping[str, str]] = ..., server: _Optional[str] = ..., secret: _Optional[str] = ..., protocol: _Optional[str] = ..., base_image: _Optional[str] = ..., mode: _Optional[str] = ..., operation: _Optional[str] = ..., secrets: _Optional[_Mapping[str, str]] = ..., source: _Optional[str] = ..., live: _Optional[bool] = ..., container_only: _Optional[bool] = ..., instance_only: _Optional[bool] = ..., refresh: _Optional[bool] = ..., project: _Optional[str] = ..., allow_inconsistent: _Optional[bool] = ..., refresh_exclude_older: _Optional[bool] = ...) -> None: ...

class ContainersPost(_message.Message):
    __slots__ = ("architecture", "config", "devices", "ephemeral", "profiles", "restore", "stateful", "description", "name", "source", "instance_type", "type", "start", "empty_keys")
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
    ARCHITECTURE_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    DEVICES_FIELD_NUMBER: _ClassVar[int]
    EPHEMERAL_FIELD_NUMBER: _ClassVar[int]
    PROFILES_FIELD_NUMBER: _ClassVar[int]
    RESTORE_FIELD_NUMBER: _ClassVar[int]
    STATEFUL_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    INSTANCE_TYPE_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    START_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    architecture: str
    config: _containers.ScalarMap[str, str]
    devices: _containers.MessageMap[str, _options_pb2.Device]
    ephemeral: bool
    profiles: _containers.RepeatedScalarFieldContainer[str]
    restore: str
    stateful: bool
    description: str
    name: str
    source: ContainerSource
    instance_type: str
    type: str
    start: bool
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, architecture: _Optional[str] = ..., config: _Optional[_Mapping[str, str]] = ..., devices: _Optional[_Mapping[str, _options_pb2.Device]] = ..., ephemeral: _Optional[bool] = ..., profiles: _Optional[_Iterable[str]] = ..., restore: _Optional[str] = ..., stateful: _Optional[bool] = ..., description: _Optional[str] = ..., name: _Optional[str] = ..., source: _Optional[_Union[ContainerSource, _Mapping]] = ..., instance_type: _Optional[str] = ..., type: _Optional[str] = ..., start: _Optional[bool] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...
