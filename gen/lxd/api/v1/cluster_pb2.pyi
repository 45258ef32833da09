import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from lxd.api.v1 import options_pb2 as _options_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Cluster(_message.Message):
    __slots__ = ("server_name", "enabled", "member_config", "empty_keys")
    SERVER_NAME_FIELD_NUMBER: _ClassVar[int]
    ENABLED_FIELD_NUMBER: _ClassVar[int]
    MEMBER_CONFIG_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    server_name: str
    enabled: bool
    member_config: _containers.RepeatedCompositeFieldContainer[ClusterMemberConfigKey]
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, server_name: _Optional[str] = ..., enabled: _Optional[bool] = ..., member_config: _Optional[_Iterable[_Union[ClusterMemberConfigKey, _Mapping]]] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class ClusterMember(_message.Message):
    __slots__ = ("server_name", "url", "database", "status", "message", "architecture", "roles", "failure_domain", "description", "config", "groups", "empty_keys")
    class ConfigEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    SERVER_NAME_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    DATABASE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    ARCHITECTURE_FIELD_NUMBER: _ClassVar[int]
    ROLES_FIELD_NUMBER: _ClassVar[int]
    FAILURE_DOMAIN_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    GROUPS_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    server_name: str
    url: str
    database: bool
    status: str
    message: str
    architecture: str
    roles: _containers.RepeatedScalarFieldContainer[str]
    failure_domain: str
    description: str
    config: _containers.ScalarMap[str, str]
    groups: _containers.RepeatedScalarFieldContainer[str]
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, server_name: _Optional[str] = ..., url: _Optional[str] = ..., database: _Optional[bool] = ..., status: _Optional[str] = ..., message: _Optional[str] = ..., architecture: _Optional[str] = ..., roles: _Optional[_Iterable[str]] = ..., failure_domain: _Optional[str] = ..., description: _Optional[str] = ..., config: _Optional[_Mapping[str, str]] = ..., groups: _Optional[_Iterable[str]] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class ClusterMemberConfigKey(_message.Message):
    __slots__ = ("entity", "name", "key", "value", "description")
    ENTITY_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    entity: str
    name: str
    key: str
    value: str
    description: str
    def __init__(self, entity: _Optional[str] = ..., name: _Optional[str] = ..., key: _Optional[str] = ..., value: _Optional[str] = ..., description: _Optional[str] = ...) -> None: ...

class ClusterMemberPost(_message.Message):
    __slots__ = ("server_name",)
    SERVER_NAME_FIELD_NUMBER: _ClassVar[int]
    server_name: str
    def __init__(self, server_name: _Optional[str] = ...) -> None: ...

class ClusterPut(_message.Message):
    __slots__ = ("server_name", "enabled", "member_config", "cluster_address", "cluster_certificate", "server_address", "cluster_password", "empty_keys")
    SERVER_NAME_FIELD_NUMBER: _ClassVar[int]
    ENABLED_FIELD_NUMBER: _ClassVar[int]
    MEMBER_CONFIG_FIELD_NUMBER: _ClassVar[int]
    CLUSTER_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    CLUSTER_CERTIFICATE_FIELD_NUMBER: _ClassVar[int]
    SERVER_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    CLUSTER_PASSWORD_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    server_name: str
    enabled: bool
    member_config: _containers.RepeatedCompositeFieldContainer[ClusterMemberConfigKey]
    cluster_address: str
    cluster_certificate: str
    server_address: str
    cluster_password: str
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, server_name: _Optional[str] = ..., enabled: _Optional[bool] = ..., member_config: _Optional[_Iterable[_Union[ClusterMemberConfigKey, _Mapping]]] = ..., cluster_address: _Optional[str] = ..., cluster_certificate: _Optional[str] = ..., server_address: _Optional[str] = ..., cluster_password: _Optional[str] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class ClusterMemberPut(_message.Message):
    __slots__ = ("roles", "failure_domain", "description", "config", "groups", "empty_keys")
    class ConfigEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ROLES_FIELD_NUMBER: _ClassVar[int]
    FAILURE_DOMAIN_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    GROUPS_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    roles: _containers.RepeatedScalarFieldContainer[str]
    failure_domain: str
    description: str
    config: _containers.ScalarMap[str, str]
    groups: _containers.RepeatedScalarFieldContainer[str]
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, roles: _Optional[_Iterable[str]] = ..., failure_domain: _Optional[str] = ..., description: _Optional[str] = ..., config: _Optional[_Mapping[str, str]] = ..., groups: _Optional[_Iterable[str]] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class ClusterMembersPost(_message.Message):
    __slots__ = ("server_name",)
    SERVER_NAME_FIELD_NUMBER: _ClassVar[int]
    server_name: str
    def __init__(self, server_name: _Optional[str] = ...) -> None: ...

class ClusterMemberJoinToken(_message.Message):
    __slots__ = ("server_name", "fingerprint", "addresses", "secret", "expires_at", "empty_keys")
    SERVER_NAME_FIELD_NUMBER: _ClassVar[int]
    FINGERPRINT_FIELD_NUMBER: _ClassVar[int]
    ADDRESSES_FIELD_NUMBER: _ClassVar[int]
    SECRET_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    server_name: str
    fingerprint: str
    addresses: _containers.RepeatedScalarFieldContainer[str]
    secret: str
    expires_at: _timestamp_pb2.Timestamp
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, server_name: _Optional[str] = ..., fingerprint: _Optional[str] = ..., addresses: _Optional[_Iterable[str]] = ..., secret: _Optional[str] = ..., expires_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class ClusterCertificatePut(_message.Message):
    __slots__ = ("cluster_certificate", "cluster_certificate_key")
    CLUSTER_CERTIFICATE_FIELD_NUMBER: _ClassVar[int]
    CLUSTER_CERTIFICATE_KEY_FIELD_NUMBER: _ClassVar[int]
    cluster_certificate: str
    cluster_certificate_key: str
    def __init__(self, cluster_certificate: _Optional[str] = ..., cluster_certificate_key: _Optional[str] = ...) -> None: ...

class ClusterMemberStatePost(_message.Message):
    __slots__ = ("action", "mode")
    ACTION_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    action: str
    mode: str
    def __init__(self, action: _Optional[str] = ..., mode: _Optional[str] = ...) -> None: ...

class ClusterGroupPut(_message.Message):
    __slots__ = ("description", "members", "empty_keys")
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    MEMBERS_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    description: str
    members: _containers.RepeatedScalarFieldContainer[str]
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, description: _Optional[str] = ..., members: _Optional[_Iterable[str]] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class ClusterGroupPost(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class ClusterGroupsPost(_message.Message):
    __slots__ = ("description", "members", "name", "empty_keys")
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    MEMBERS_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    description: str
    members: _containers.RepeatedScalarFieldContainer[str]
    name: str
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, description: _Optional[str] = ..., members: _Optional[_Iterable[str]] = ..., name: _Optional[str] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class ClusterGroup(_message.Message):
    __slots__ = ("description", "members", "name", "empty_keys")
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    MEMBERS_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    description: str
    members: _containers.RepeatedScalarFieldContainer[str]
    name: str
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, description: _Optional[str] = ..., members: _Optional[_Iterable[str]] = ..., name: _Optional[str] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...
