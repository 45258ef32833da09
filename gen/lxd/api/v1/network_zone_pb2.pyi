from lxd.api.v1 import options_pb2 as _options_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class NetworkZonesPost(_message.Message):
    __slots__ = ("description", "config", "name", "empty_keys")
    class ConfigEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    description: str
    config: _containers.ScalarMap[str, str]
    name: str
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, description: _Optional[str] = ..., config: _Optional[_Mapping[str, str]] = ..., name: _Optional[str] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class NetworkZonePut(_message.Message):
    __slots__ = ("description", "config", "empty_keys")
    class ConfigEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    description: str
    config: _containers.ScalarMap[str, str]
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, description: _Optional[str] = ..., config: _Optional[_Mapping[str, str]] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class NetworkZone(_message.Message):
    __slots__ = ("description", "config", "name", "used_by", "project", "empty_keys")
    class ConfigEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    USED_BY_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    description: str
    config: _containers.ScalarMap[str, str]
    name: str
    used_by: _containers.RepeatedScalarFieldContainer[str]
    project: str
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, description: _Optional[str] = ..., config: _Optional[_Mapping[str, str]] = ..., name: _Optional[str] = ..., used_by: _Optional[_Iterable[str]] = ..., project: _Optional[str] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class NetworkZoneRecordsPost(_message.Message):
    __slots__ = ("description", "entries", "config", "name", "empty_keys")
    class ConfigEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    ENTRIES_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    description: str
    entries: _containers.RepeatedCompositeFieldContainer[NetworkZoneRecordEntry]
    config: _containers.ScalarMap[str, str]
    name: str
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, description: _Optional[str] = ..., entries: _Optional[_Iterable[_Union[NetworkZoneRecordEntry, _Mapping]]] = ..., config: _Optional[_Mapping[str, str]] = ..., name: _Optional[str] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class NetworkZoneRecordPut(_message.Message):
    __slots__ = ("description", "entries", "config", "empty_keys")
    class ConfigEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    ENTRIES_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    description: str
    entries: _containers.RepeatedCompositeFieldContainer[NetworkZoneRecordEntry]
    config: _containers.ScalarMap[str, str]
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, description: _Optional[str] = ..., entries: _Optional[_Iterable[_Union[NetworkZoneRecordEntry, _Mapping]]] = ..., config: _Optional[_Mapping[str, str]] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class NetworkZoneRecordEntry(_message.Message):
    __slots__ = ("type", "ttl", "value")
    TYPE_FIELD_NUMBER: _ClassVar[int]
    TTL_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    type: str
    ttl: int
    value: str
    def __init__(self, type: _Optional[str] = ..., ttl: _Optional[int] = ..., value: _Optional[str] = ...) -> None: ...

class NetworkZoneRecord(_message.Message):
    __slots__ = ("description", "entries", "config", "name", "empty_keys")
    class ConfigEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    ENTRIES_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    description: str
    entries: _containers.RepeatedCompositeFieldContainer[NetworkZoneRecordEntry]
    config: _containers.ScalarMap[str, str]
    name: str
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, description: _Optional[str] = ..., entries: _Optional[_Iterable[_Union[NetworkZoneRecordEntry, _Mapping]]] = ..., config: _Optional[_Mapping[str, str]] = ..., name: _Optional[str] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...
