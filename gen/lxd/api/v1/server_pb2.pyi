from google.protobuf import struct_pb2 as _struct_pb2
from lxd.api.v1 import options_pb2 as _options_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Server(_message.Message):
    __slots__ = ("config", "api_extensions", "api_status", "api_version", "auth", "public", "auth_methods", "environment", "auth_user_name", "auth_user_method", "empty_keys")
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    API_EXTENSIONS_FIELD_NUMBER: _ClassVar[int]
    API_STATUS_FIELD_NUMBER: _ClassVar[int]
    API_VERSION_FIELD_NUMBER: _ClassVar[int]
    AUTH_FIELD_NUMBER: _ClassVar[int]
    PUBLIC_FIELD_NUMBER: _ClassVar[int]
    AUTH_METHODS_FIELD_NUMBER: _ClassVar[int]
    ENVIRONMENT_FIELD_NUMBER: _ClassVar[int]
    AUTH_USER_NAME_FIELD_NUMBER: _ClassVar[int]
    AUTH_USER_METHOD_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    config: _struct_pb2.Struct
    api_extensions: _containers.RepeatedScalarFieldContainer[str]
    api_status: str
    api_version: str
    auth: str
    public: bool
    auth_methods: _containers.RepeatedScalarFieldContainer[str]
    environment: ServerEnvironment
    auth_user_name: str
    auth_user_method: str
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, config: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., api_extensions: _Optional[_Iterable[str]] = ..., api_status: _Optional[str] = ..., api_version: _Optional[str] = ..., auth: _Optional[str] = ..., public: _Optional[bool] = ..., auth_methods: _Optional[_Iterable[str]] = ..., environment: _Optional[_Union[ServerEnvironment, _Mapping]] = ..., auth_user_name: _Optional[str] = ..., auth_user_method: _Optional[str] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class ServerEnvironment(_message.Message):
    __slots__ = ("addresses", "architectures", "certificate", "certificate_fingerprint", "driver", "driver_version", "kernel", "kernel_architecture", "kernel_version", "server", "server_pid", "server_version", "storage", "storage_version", "server_clustered", "server_name", "instance_types", "firewall", "kernel_features", "lxc_features", "os_name", "os_version", "project", "server_event_mode", "server_lts", "storage_supported_drivers", "empty_keys")
    class KernelFeaturesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class LxcFeaturesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ADDRESSES_FIELD_NUMBER: _ClassVar[int]
    ARCHITECTURES_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATE_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATE_FINGERPRINT_FIELD_NUMBER: _ClassVar[int]
    DRIVER_FIELD_NUMBER: _ClassVar[int]
    DRIVER_VERSION_FIELD_NUMBER: _ClassVar[int]
    KERNEL_FIELD_NUMBER: _ClassVar[int]
    KERNEL_ARCHITECTURE_FIELD_NUMBER: _ClassVar[int]
    KERNEL_VERSION_FIELD_NUMBER: _ClassVar[int]
    SERVER_FIELD_NUMBER: _ClassVar[int]
    SERVER_PID_FIELD_NUMBER: _ClassVar[int]
    SERVER_VERSION_FIELD_NUMBER: _ClassVar[int]
    STORAGE_FIELD_NUMBER: _ClassVar[int]
    STORAGE_VERSION_FIELD_NUMBER: _ClassVar[int]
    SERVER_CLUSTERED_FIELD_NUMBER: _ClassVar[int]
    SERVER_NAME_FIELD_NUMBER: _ClassVar[int]
    INSTANCE_TYPES_FIELD_NUMBER: _ClassVar[int]
    FIREWALL_FIELD_NUMBER: _ClassVar[int]
    KERNEL_FEATURES_FIELD_NUMBER: _ClassVar[int]
    LXC_FEATURES_FIELD_NUMBER: _ClassVar[int]
    OS_NAME_FIELD_NUMBER: _ClassVar[int]
    OS_VERSION_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    SERVER_EVENT_MODE_FIELD_NUMBER: _ClassVar[int]
    SERVER_LTS_FIELD_NUMBER: _ClassVar[int]
    STORAGE_SUPPORTED_DRIVERS_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    addresses: _containers.RepeatedScalarFieldContainer[str]
    architectures: _containers.RepeatedScalarFieldContainer[str]
    certificate: str
    certificate_fingerprint: str
    driver: str
    driver_version: str
    kernel: str
    kernel_architecture: str
    kernel_version: str
    server: str
    server_pid: int
    server_version: str
    storage: str
    storage_version: str
    server_clustered: bool
    server_name: str
    instance_types: _containers.RepeatedScalarFieldContainer[str]
    firewall: str
    kernel_features: _containers.ScalarMap[str, str]
    lxc_features: _containers.ScalarMap[str, str]
    os_name: str
    os_version: str
    project: str
    server_event_mode: str
    server_lts: bool
    storage_supported_drivers: _containers.RepeatedCompositeFieldContainer[ServerStorageDriverInfo]
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, addresses: _Optional[_Iterable[str]] = ..., architectures: _Optional[_Iterable[str]] = ..., certificate: _Optional[str] = ..., certificate_fingerprint: _Optional[str] = ..., driver: _Optional[str] = ..., driver_version: _Optional[str] = ..., kernel: _Optional[str] = ..., kernel_architecture: _Optional[str] = ..., kernel_version: _Optional[str] = ..., server: _Optional[str] = ..., server_pid: _Optional[int] = ..., server_version: _Optional[str] = ..., storage: _Optional[str] = ..., storage_version: _Optional[str] = ..., server_clustered: _Optional[bool] = ..., server_name: _Optional[str] = ..., instance_types: _Optional[_Iterable[str]] = ..., firewall: _Optional[str] = ..., kernel_features: _Optional[_Mapping[str, str]] = ..., lxc_features: _Optional[_Mapping[str, str]] = ..., os_name: _Optional[str] = ..., os_version: _Optional[str] = ..., project: _Optional[str] = ..., server_event_mode: _Optional[str] = ..., server_lts: _Optional[bool] = ..., storage_supported_drivers: _Optional[_Iterable[_Union[ServerStorageDriverInfo, _Mapping]]] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class ServerPut(_message.Message):
    __slots__ = ("config",)
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    config: _struct_pb2.Struct
    def __init__(self, config: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class ServerUntrusted(_message.Message):
    __slots__ = ("api_extensions", "api_status", "api_version", "auth", "public", "auth_methods", "empty_keys")
    API_EXTENSIONS_FIELD_NUMBER: _ClassVar[int]
    API_STATUS_FIELD_NUMBER: _ClassVar[int]
    API_VERSION_FIELD_NUMBER: _ClassVar[int]
    AUTH_FIELD_NUMBER: _ClassVar[int]
    PUBLIC_FIELD_NUMBER: _ClassVar[int]
    AUTH_METHODS_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    api_extensions: _containers.RepeatedScalarFieldContainer[str]
    api_status: str
    api_version: str
    auth: str
    public: bool
    auth_methods: _containers.RepeatedScalarFieldContainer[str]
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, api_extensions: _Optional[_Iterable[str]] = ..., api_status: _Optional[str] = ..., api_version: _Optional[str] = ..., auth: _Optional[str] = ..., public: _Optional[bool] = ..., auth_methods: _Optional[_Iterable[str]] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class ServerStorageDriverInfo(_message.Message):
    __slots__ = ("name", "version", "remote")
    NAME_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    REMOTE_FIELD_NUMBER: _ClassVar[int]
    name: str
    version: str
    remote: bool
    def __init__(self, name: _Optional[str] = ..., version: _Optional[str] = ..., remote: _Optional[bool] = ...) -> None: ...
