from lxd.api.v1 import options_pb2 as _options_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class NetworkACLRule(_message.Message):
    __slots__ = ("action", "source", "destination", "protocol", "source_port", "destination_port", "icmp_type", "icmp_code", "description", "state")
    ACTION_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    DESTINATION_FIELD_NUMBER: _ClassVar[int]
    PROTOCOL_FIELD_NUMBER: _ClassVar[int]
    SOURCE_PORT_FIELD_NUMBER: _ClassVar[int]
    DESTINATION_PORT_FIELD_NUMBER: _ClassVar[int]
    ICMP_TYPE_FIELD_NUMBER: _ClassVar[int]
    ICMP_CODE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    action: str
    source: str
    destination: str
    protocol: str
    source_port: str
    destination_port: str
    icmp_type: str
    icmp_code: str
    description: str
    state: str
    def __init__(self, action: _Optional[str] = ..., source: _Optional[str] = ..., destination: _Optional[str] = ..., protocol: _Optional[str] = ..., source_port: _Optional[str] = ..., destination_port: _Optional[str] = ..., icmp_type: _Optional[str] = ..., icmp_code: _Optional[str] = ..., description: _Optional[str] = ..., state: _Optional[str] = ...) -> None: ...

class NetworkACLPost(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class NetworkACLPut(_message.Message):
    __slots__ = ("description", "egress", "ingress", "config", "empty_keys")
    class ConfigEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    EGRESS_FIELD_NUMBER: _ClassVar[int]
    INGRESS_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    description: str
    egress: _containers.RepeatedCompositeFieldContainer[NetworkACLRule]
    ingress: _containers.RepeatedCompositeFieldContainer[NetworkACLRule]
    config: _containers.ScalarMap[str, str]
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, description: _Optional[str] = ..., egress: _Optional[_Iterable[_Union[NetworkACLRule, _Mapping]]] = ..., ingress: _Optional[_Iterable[_Union[NetworkACLRule, _Mapping]]] = ..., config: _Optional[_Mapping[str, str]] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class NetworkACL(_message.Message):
    __slots__ = ("name", "description", "egress", "ingress", "config", "used_by", "project", "empty_keys")
    class ConfigEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    EGRESS_FIELD_NUMBER: _ClassVar[int]
    INGRESS_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    USED_BY_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    name: str
    description: str
    egress: _containers.RepeatedCompositeFieldContainer[NetworkACLRule]
    ingress: _containers.RepeatedCompositeFieldContainer[NetworkACLRule]
    config: _containers.ScalarMap[str, str]
    used_by: _containers.RepeatedScalarFieldContainer[str]
    project: str
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, name: _Optional[str] = ..., description: _Optional[str] = ..., egress: _Optional[_Iterable[_Union[NetworkACLRule, _Mapping]]] = ..., ingress: _Optional[_Iterable[_Union[NetworkACLRule, _Mapping]]] = ..., config: _Optional[_Mapping[str, str]] = ..., used_by: _Optional[_Iterable[str]] = ..., project: _Optional[str] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class NetworkACLsPost(_message.Message):
    __slots__ = ("name", "description", "egress", "ingress", "config", "empty_keys")
    class ConfigEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    EGRESS_FIELD_NUMBER: _ClassVar[int]
    INGRESS_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    name: str
    description: str
    egress: _containers.RepeatedCompositeFieldContainer[NetworkACLRule]
    ingress: _containers.RepeatedCompositeFieldContainer[NetworkACLRule]
    config: _containers.ScalarMap[str, str]
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, name: _Optional[str] = ..., description: _Optional[str] = ..., egress: _Optional[_Iterable[_Union[NetworkACLRule, _Mapping]]] = ..., ingress: _Optional[_Iterable[_Union[NetworkACLRule, _Mapping]]] = ..., config: _Optional[_Mapping[str, str]] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...
