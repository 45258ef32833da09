from lxd.api.v1 import options_pb2 as _options_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Profile(_message.Message):
    __slots__ = ("config", "description", "devices", "name", "used_by", "project", "empty_keys")
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
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    DEVICES_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    USED_BY_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    config: _containers.ScalarMap[str, str]
    description: str
    devices: _containers.MessageMap[str, _options_pb2.Device]
    name: str
    used_by: _containers.RepeatedScalarFieldContainer[str]
    project: str
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, config: _Optional[_Mapping[str, str]] = ..., description: _Optional[str] = ..., devices: _Optional[_Mapping[str, _options_pb2.Device]] = ..., name: _Optional[str] = ..., used_by: _Optional[_Iterable[str]] = ..., project: _Optional[str] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class ProfilePost(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class ProfilePut(_message.Message):
    __slots__ = ("config", "description", "devices", "empty_keys")
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
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    DEVICES_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    config: _containers.ScalarMap[str, str]
    description: str
    devices: _containers.MessageMap[str, _options_pb2.Device]
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, config: _Optional[_Mapping[str, str]] = ..., description: _Optional[str] = ..., devices: _Optional[_Mapping[str, _options_pb2.Device]] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class ProfilesPost(_message.Message):
    __slots__ = ("config", "description", "devices", "name", "empty_keys")
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
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    DEVICES_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    config: _containers.ScalarMap[str, str]
    description: str
    devices: _containers.MessageMap[str, _options_pb2.Device]
    name: str
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, config: _Optional[_Mapping[str, str]] = ..., description: _Optional[str] = ..., devices: _Optional[_Mapping[str, _options_pb2.Device]] = ..., name: _Optional[str] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...
