from lxd.api.v1 import options_pb2 as _options_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Network(_message.Message):
    __slots__ = ("config", "description", "name", "type", "used_by", "managed", "status", "locations", "project", "empty_keys")
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
    MANAGED_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    LOCATIONS_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    config: _containers.ScalarMap[str, str]
    description: str
    name: str
    type: str
    used_by: _containers.RepeatedScalarFieldContainer[str]
    managed: bool
    status: str
    locations: _containers.RepeatedScalarFieldContainer[str]
    project: str
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, config: _Optional[_Mapping[str, str]] = ..., description: _Optional[str] = ..., name: _Optional[str] = ..., type: _Optional[str] = ..., used_by: _Optional[_Iterable[str]] = ..., managed: _Optional[bool] = ..., status: _Optional[str] = ..., locations: _Optional[_Iterable[str]] = ..., project: _Optional[str] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class NetworkLease(_message.Message):
    __slots__ = ("hostname", "hwaddr", "address", "type", "location")
    HOSTNAME_FIELD_NUMBER: _ClassVar[int]
    HWADDR_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    hostname: str
    hwaddr: str
    address: str
    type: str
    location: str
    def __init__(self, hostname: _Optional[str] = ..., hwaddr: _Optional[str] = ..., address: _Optional[str] = ..., type: _Optional[str] = ..., location: _Optional[str] = ...) -> None: ...

class NetworkPost(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class NetworkPut(_message.Message):
    __slots__ = ("config", "description", "empty_keys")
    class ConfigEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    config: _containers.ScalarMap[str, str]
    description: str
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, config: _Optional[_Mapping[str, str]] = ..., description: _Optional[str] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class NetworkState(_message.Message):
    __slots__ = ("addresses", "counters", "hwaddr", "mtu", "state", "type", "bond", "bridge", "vlan", "ovn", "empty_keys")
    ADDRESSES_FIELD_NUMBER: _ClassVar[int]
    COUNTERS_FIELD_NUMBER: _ClassVar[int]
    HWADDR_FIELD_NUMBER: _ClassVar[int]
    MTU_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    BOND_FIELD_NUMBER: _ClassVar[int]
    BRIDGE_FIELD_NUMBER: _ClassVar[int]
    VLAN_FIELD_NUMBER: _ClassVar[int]
    OVN_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    addresses: _containers.RepeatedCompositeFieldContainer[NetworkStateAddress]
    counters: NetworkStateCounters
    hwaddr: str
    mtu: int
    state: str
    type: str
    bond: NetworkStateBond
    bridge: NetworkStateBridge
    vlan: NetworkStateVLAN
    ovn: NetworkStateOVN
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, addresses: _Optional[_Iterable[_Union[NetworkStateAddress, _Mapping]]] = ..., counters: _Optional[_Union[NetworkStateCounters, _Mapping]] = ..., hwaddr: _Optional[str] = ..., mtu: _Optional[int] = ..., state: _Optional[str] = ..., type: _Optional[str] = ..., bond: _Optional[_Union[NetworkStateBond, _Mapping]] = ..., bridge: _Optional[_Union[NetworkStateBridge, _Mapping]] = ..., vlan: _Optional[_Union[NetworkStateVLAN, _Mapping]] = ..., ovn: _Optional[_Union[NetworkStateOVN, _Mapping]] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class NetworkStateAddress(_message.Message):
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

class NetworkStateCounters(_message.Message):
    __slots__ = ("bytes_received", "bytes_sent", "packets_received", "packets_sent")
    BYTES_RECEIVED_FIELD_NUMBER: _ClassVar[int]
    BYTES_SENT_FIELD_NUMBER: _ClassVar[int]
    PACKETS_RECEIVED_FIELD_NUMBER: _ClassVar[int]
    PACKETS_SENT_FIELD_NUMBER: _ClassVar[int]
    bytes_received: int
    bytes_sent: int
    packets_received: int
    packets_sent: int
    def __init__(self, bytes_received: _Optional[int] = ..., bytes_sent: _Optional[int] = ..., packets_received: _Optional[int] = ..., packets_sent: _Optional[int] = ...) -> None: ...

class NetworksPost(_message.Message):
    __slots__ = ("config", "description", "managed", "name", "type", "empty_keys")
    class ConfigEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    MANAGED_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    config: _containers.ScalarMap[str, str]
    description: str
    managed: bool
    name: str
    type: str
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, config: _Optional[_Mapping[str, str]] = ..., description: _Optional[str] = ..., managed: _Optional[bool] = ..., name: _Optional[str] = ..., type: _Optional[str] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class NetworkStateBond(_message.Message):
    __slots__ = ("mode", "transmit_policy", "up_delay", "down_delay", "mii_frequency", "mii_state", "lower_devices", "empty_keys")
    MODE_FIELD_NUMBER: _ClassVar[int]
    TRANSMIT_POLICY_FIELD_NUMBER: _ClassVar[int]
    UP_DELAY_FIELD_NUMBER: _ClassVar[int]
    DOWN_DELAY_FIELD_NUMBER: _ClassVar[int]
    MII_FREQUENCY_FIELD_NUMBER: _ClassVar[int]
    MII_STATE_FIELD_NUMBER: _ClassVar[int]
    LOWER_DEVICES_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    mode: str
    transmit_policy: str
    up_delay: int
    down_delay: int
    mii_frequency: int
    mii_state: str
    lower_devices: _containers.RepeatedScalarFieldContainer[str]
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, mode: _Optional[str] = ..., transmit_policy: _Optional[str] = ..., up_delay: _Optional[int] = ..., down_delay: _Optional[int] = ..., mii_frequency: _Optional[int] = ..., mii_state: _Optional[str] = ..., lower_devices: _Optional[_Iterable[str]] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class NetworkStateBridge(_message.Message):
    __slots__ = ("id", "stp", "forward_delay", "vlan_default", "vlan_filtering", "upper_devices", "empty_keys")
    ID_FIELD_NUMBER: _ClassVar[int]
    STP_FIELD_NUMBER: _ClassVar[int]
    FORWARD_DELAY_FIELD_NUMBER: _ClassVar[int]
    VLAN_DEFAULT_FIELD_NUMBER: _ClassVar[int]
    VLAN_FILTERING_FIELD_NUMBER: _ClassVar[int]
    UPPER_DEVICES_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    id: str
    stp: bool
    forward_delay: int
    vlan_default: int
    vlan_filtering: bool
    upper_devices: _containers.RepeatedScalarFieldContainer[str]
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, id: _Optional[str] = ..., stp: _Optional[bool] = ..., forward_delay: _Optional[int] = ..., vlan_default: _Optional[int] = ..., vlan_filtering: _Optional[bool] = ..., upper_devices: _Optional[_Iterable[str]] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class NetworkStateVLAN(_message.Message):
    __slots__ = ("lower_device", "vid")
    LOWER_DEVICE_FIELD_NUMBER: _ClassVar[int]
    VID_FIELD_NUMBER: _ClassVar[int]
    lower_device: str
    vid: int
    def __init__(self, lower_device: _Optional[str] = ..., vid: _Optional[int] = ...) -> None: ...

class NetworkStateOVN(_message.Message):
    __slots__ = ("chassis", "logical_router", "logical_switch", "uplink_ipv4", "uplink_ipv6")
    CHASSIS_FIELD_NUMBER: _ClassVar[int]
    LOGICAL_ROUTER_FIELD_NUMBER: _ClassVar[int]
    LOGICAL_SWITCH_FIELD_NUMBER: _ClassVar[int]
    UPLINK_IPV4_FIELD_NUMBER: _ClassVar[int]
    UPLINK_IPV6_FIELD_NUMBER: _ClassVar[int]
    chassis: str
    logical_router: str
    logical_switch: str
    uplink_ipv4: str
    uplink_ipv6: str
    def __init__(self, chassis: _Optional[str] = ..., logical_router: _Optional[str] = ..., logical_switch: _Optional[str] = ..., uplink_ipv4: _Optional[str] = ..., uplink_ipv6: _Optional[str] = ...) -> None: ...
