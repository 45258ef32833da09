from lxd.api.v1 import options_pb2 as _options_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional

DESCRIPTOR: _descriptor.FileDescriptor

class NetworkPeersPost(_message.Message):
    __slots__ = ("description", "config", "name", "target_project", "target_network", "type", "target_integration", "empty_keys")
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
    TARGET_PROJECT_FIELD_NUMBER: _ClassVar[int]
    TARGET_NETWORK_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    TARGET_INTEGRATION_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    description: str
    config: _containers.ScalarMap[str, str]
    name: str
    target_project: str
    target_network: str
    type: str
    target_integration: str
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, description: _Optional[str] = ..., config: _Optional[_Mapping[str, str]] = ..., name: _Optional[str] = ..., target_project: _Optional[str] = ..., target_network: _Optional[str] = ..., type: _Optional[str] = ..., target_integration: _Optional[str] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class NetworkPeerPut(_message.Message):
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

class NetworkPeer(_message.Message):
    __slots__ = ("description", "config", "name", "target_project", "target_network", "status", "used_by", "type", "target_integration", "empty_keys")
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
    TARGET_PROJECT_FIELD_NUMBER: _ClassVar[int]
    TARGET_NETWORK_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    USED_BY_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    TARGET_INTEGRATION_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    description: str
    config: _containers.ScalarMap[str, str]
    name: str
    target_project: str
    target_network: str
    status: str
    used_by: _containers.RepeatedScalarFieldContainer[str]
    type: str
    target_integration: str
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, description: _Optional[str] = ..., config: _Optional[_Mapping[str, str]] = ..., name: _Optional[str] = ..., target_project: _Optional[str] = ..., target_network: _Optional[str] = ..., status: _Optional[str] = ..., used_by: _Optional[_Iterable[str]] = ..., type: _Optional[str] = ..., target_integration: _Optional[str] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...
