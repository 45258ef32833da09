from lxd.api.v1 import options_pb2 as _options_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class NetworkForwardPort(_message.Message):
    __slots__ = ("description", "protocol", "listen_port", "target_port", "target_address")
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    PROTOCOL_FIELD_NUMBER: _ClassVar[int]
    LISTEN_PORT_FIELD_NUMBER: _ClassVar[int]
    TARGET_PORT_FIELD_NUMBER: _ClassVar[int]
    TARGET_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    description: str
    protocol: str
    listen_port: str
    target_port: str
    target_address: str
    def __init__(self, description: _Optional[str] = ..., protocol: _Optional[str] = ..., listen_port: _Optional[str] = ..., target_port: _Optional[str] = ..., target_address: _Optional[str] = ...) -> None: ...

class NetworkForwardsPost(_message.Message):
    __slots__ = ("description", "config", "ports", "listen_address", "empty_keys")
    class ConfigEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    PORTS_FIELD_NUMBER: _ClassVar[int]
    LISTEN_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    description: str
    config: _containers.ScalarMap[str, str]
    ports: _containers.RepeatedCompositeFieldContainer[NetworkForwardPort]
    listen_address: str
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, description: _Optional[str] = ..., config: _Optional[_Mapping[str, str]] = ..., ports: _Optional[_Iterable[_Union[NetworkForwardPort, _Mapping]]] = ..., listen_address: _Optional[str] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class NetworkForwardPut(_message.Message):
    __slots__ = ("description", "config", "ports", "empty_keys")
    class ConfigEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    PORTS_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    description: str
    config: _containers.ScalarMap[str, str]
    ports: _containers.RepeatedCompositeFieldContainer[NetworkForwardPort]
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, description: _Optional[str] = ..., config: _Optional[_Mapping[str, str]] = ..., ports: _Optional[_Iterable[_Union[NetworkForwardPort, _Mapping]]] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class NetworkForward(_message.Message):
    __slots__ = ("description", "config", "ports", "listen_address", "location", "empty_keys")
    class ConfigEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    PORTS_FIELD_NUMBER: _ClassVar[int]
    LISTEN_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    description: str
    config: _containers.ScalarMap[str, str]
    ports: _containers.RepeatedCompositeFieldContainer[NetworkForwardPort]
    listen_address: str
    location: str
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, description: _Optional[str] = ..., config: _Optional[_Mapping[str, str]] = ..., ports: _Optional[_Iterable[_Union[NetworkForwardPort, _Mapping]]] = ..., listen_address: _Optional[str] = ..., location: _Optional[str] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...
