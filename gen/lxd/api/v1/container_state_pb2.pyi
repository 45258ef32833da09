import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from lxd.api.v1 import instance_state_pb2 as _instance_state_pb2
from lxd.api.v1 import options_pb2 as _options_pb2
from lxd.api.v1 import status_code_pb2 as _status_code_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ContainerState(_message.Message):
    __slots__ = ("status", "status_code", "disk", "memory", "network", "pid", "processes", "cpu", "started_at", "os_info", "empty_keys")
    class DiskEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: ContainerStateDisk
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[ContainerStateDisk, _Mapping]] = ...) -> None: ...
    class NetworkEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: ContainerStateNetwork
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[ContainerStateNetwork, _Mapping]] = ...) -> None: ...
    STATUS_FIELD_NUMBER: _ClassVar[int]
    STATUS_CODE_FIELD_NUMBER: _ClassVar[int]
    DISK_FIELD_NUMBER: _ClassVar[int]
    MEMORY_FIELD_NUMBER: _ClassVar[int]
    NETWORK_FIELD_NUMBER: _ClassVar[int]
    PID_FIELD_NUMBER: _ClassVar[int]
    PROCESSES_FIELD_NUMBER: _ClassVar[int]
    CPU_FIELD_NUMBER: _ClassVar[int]
    STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    OS_INFO_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    status: str
    status_code: _status_code_pb2.StatusCode
    disk: _containers.MessageMap[str, ContainerStateDisk]
    memory: ContainerStateMemory
    network: _containers.MessageMap[str, ContainerStateNetwork]
    pid: int
    processes: int
    cpu: ContainerStateCPU
    started_at: _timestamp_pb2.Timestamp
    os_info: _instance_state_pb2.InstanceStateOSInfo
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, status: _Optional[str] = ..., status_code: _Optional[_Union[_status_code_pb2.StatusCode, str]] = ..., disk: _Optional[_Mapping[str, ContainerStateDisk]] = ..., memory: _Optional[_Union[ContainerStateMemory, _Mapping]] = ..., network: _Optional[_Mapping[str, ContainerStateNetwork]] = ..., pid: _Optional[int] = ..., processes: _Optional[int] = ..., cpu: _Optional[_Union[ContainerStateCPU, _Mapping]] = ..., started_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., os_info: _Optional[_Union[_instance_state_pb2.InstanceStateOSInfo, _Mapping]] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class ContainerStateCPU(_message.Message):
    __slots__ = ("usage", "allocated_time")
    USAGE_FIELD_NUMBER: _ClassVar[int]
    ALLOCATED_TIME_FIELD_NUMBER: _ClassVar[int]
    usage: int
    allocated_time: int
    def __init__(self, usage: _Optional[int] = ..., allocated_time: _Optional[int] = ...) -> None: ...

class ContainerStateDisk(_message.Message):
    __slots__ = ("usage", "total")
    USAGE_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    usage: int
    total: int
    def __init__(self, usage: _Optional[int] = ..., total: _Optional[int] = ...) -> None: ...

class ContainerStateMemory(_message.Message):
    __slots__ = ("usage", "usage_peak", "swap_usage", "swap_usage_peak", "total")
    USAGE_FIELD_NUMBER: _ClassVar[int]
    USAGE_PEAK_FIELD_NUMBER: _ClassVar[int]
    SWAP_USAGE_FIELD_NUMBER: _ClassVar[int]
    SWAP_USAGE_PEAK_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    usage: int
    usage_peak: int
    swap_usage: int
    swap_usage_peak: int
    total: int
    def __init__(self, usage: _Optional[int] = ..., usage_peak: _Optional[int] = ..., swap_usage: _Optional[int] = ..., swap_usage_peak: _Optional[int] = ..., total: _Optional[int] = ...) -> None: ...

class ContainerStateNetwork(_message.Message):
    __slots__ = ("addresses", "counters", "hwaddr", "host_name", "mtu", "state", "type", "empty_keys")
    ADDRESSES_FIELD_NUMBER: _ClassVar[int]
    COUNTERS_FIELD_NUMBER: _ClassVar[int]
    HWADDR_FIELD_NUMBER: _ClassVar[int]
    HOST_NAME_FIELD_NUMBER: _ClassVar[int]
    MTU_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    addresses: _containers.RepeatedCompositeFieldContainer[ContainerStateNetworkAddress]
    counters: ContainerStateNetworkCounters
    hwaddr: str
    host_name: str
    mtu: int
    state: str
    type: str
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, addresses: _Optional[_Iterable[_Union[ContainerStateNetworkAddress, _Mapping]]] = ..., counters: _Optional[_Union[ContainerStateNetworkCounters, _Mapping]] = ..., hwaddr: _Optional[str] = ..., host_name: _Optional[str] = ..., mtu: _Optional[int] = ..., state: _Optional[str] = ..., type: _Optional[str] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class ContainerStateNetworkAddress(_message.Message):
    __slots__ = ("family", "address", "netmask", "scope")
    FAMILY_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    NETMASK_FIELD_NUMBER: _ClassVar[int]
    SCOPE_FIELD_NUMBER: _ClassVar[int]
    family: str
    address: str
    netmask: str
    scope: str
    def __init__(self, family: _Optional[str] = ..., address: _Optional[str] = ..., netmask: _Optional[str] = ..., scope: _Optional[str] = ...) -> None: ...

class ContainerStateNetworkCounters(_message.Message):
    __slots__ = ("bytes_received", "bytes_sent", "packets_received", "packets_sent", "errors_received", "errors_sent", "packets_dropped_outbound", "packets_dropped_inbound")
    BYTES_RECEIVED_FIELD_NUMBER: _ClassVar[int]
    BYTES_SENT_FIELD_NUMBER: _ClassVar[int]
    PACKETS_RECEIVED_FIELD_NUMBER: _ClassVar[int]
    PACKETS_SENT_FIELD_NUMBER: _ClassVar[int]
    ERRORS_RECEIVED_FIELD_NUMBER: _ClassVar[int]
    ERRORS_SENT_FIELD_NUMBER: _ClassVar[int]
    PACKETS_DROPPED_OUTBOUND_FIELD_NUMBER: _ClassVar[int]
    PACKETS_DROPPED_INBOUND_FIELD_NUMBER: _ClassVar[int]
    bytes_received: int
    bytes_sent: int
    packets_received: int
    packets_sent: int
    errors_received: int
    errors_sent: int
    packets_dropped_outbound: int
    packets_dropped_inbound: int
    def __init__(self, bytes_received: _Optional[int] = ..., bytes_sent: _Optional[int] = ..., packets_received: _Optional[int] = ..., packets_sent: _Optional[int] = ..., errors_received: _Optional[int] = ..., errors_sent: _Optional[int] = ..., packets_dropped_outbound: _Optional[int] = ..., packets_dropped_inbound: _Optional[int] = ...) -> None: ...

class ContainerStatePut(_message.Message):
    __slots__ = ("action", "timeout", "force", "stateful")
    ACTION_FIELD_NUMBER: _ClassVar[int]
    TIMEOUT_FIELD_NUMBER: _ClassVar[int]
    FORCE_FIELD_NUMBER: _ClassVar[int]
    STATEFUL_FIELD_NUMBER: _ClassVar[int]
    action: str
    timeout: int
    force: bool
    stateful: bool
    def __init__(self, action: _Optional[str] = ..., timeout: _Optional[int] = ..., force: _Optional[bool] = ..., stateful: _Optional[bool] = ...) -> None: ...
