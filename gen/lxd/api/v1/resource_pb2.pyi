from lxd.api.v1 import options_pb2 as _options_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Resources(_message.Message):
    __slots__ = ("cpu", "memory", "pool", "gpu", "network", "storage", "usb", "pci", "system", "load")
    CPU_FIELD_NUMBER: _ClassVar[int]
    MEMORY_FIELD_NUMBER: _ClassVar[int]
    POOL_FIELD_NUMBER: _ClassVar[int]
    GPU_FIELD_NUMBER: _ClassVar[int]
    NETWORK_FIELD_NUMBER: _ClassVar[int]
    STORAGE_FIELD_NUMBER: _ClassVar[int]
    USB_FIELD_NUMBER: _ClassVar[int]
    PCI_FIELD_NUMBER: _ClassVar[int]
    SYSTEM_FIELD_NUMBER: _ClassVar[int]
    LOAD_FIELD_NUMBER: _ClassVar[int]
    cpu: ResourcesCPU
    memory: ResourcesMemory
    pool: ResourcesStoragePool
    gpu: bytes
    network: bytes
    storage: bytes
    usb: bytes
    pci: bytes
    system: bytes
    load: bytes
    def __init__(self, cpu: _Optional[_Union[ResourcesCPU, _Mapping]] = ..., memory: _Optional[_Union[ResourcesMemory, _Mapping]] = ..., pool: _Optional[_Union[ResourcesStoragePool, _Mapping]] = ..., gpu: _Optional[bytes] = ..., network: _Optional[bytes] = ..., storage: _Optional[bytes] = ..., usb: _Optional[bytes] = ..., pci: _Optional[bytes] = ..., system: _Optional[bytes] = ..., load: _Optional[bytes] = ...) -> None: ...

class ResourcesCPU(_message.Message):
    __slots__ = ("sockets", "total", "architecture", "empty_keys")
    SOCKETS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    ARCHITECTURE_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    sockets: _containers.RepeatedCompositeFieldContainer[ResourcesCPUSocket]
    total: int
    architecture: str
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, sockets: _Optional[_Iterable[_Union[ResourcesCPUSocket, _Mapping]]] = ..., total: _Optional[int] = ..., architecture: _Optional[str] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class ResourcesCPUSocket(_message.Message):
    __slots__ = ("cores", "frequency", "frequency_turbo", "name", "vendor", "threads", "socket", "cache", "frequency_minimum", "cores_v2", "empty_keys")
    CORES_FIELD_NUMBER: _ClassVar[int]
    FREQUENCY_FIELD_NUMBER: _ClassVar[int]
    FREQUENCY_TURBO_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    VENDOR_FIELD_NUMBER: _ClassVar[int]
    THREADS_FIELD_NUMBER: _ClassVar[int]
    SOCKET_FIELD_NUMBER: _ClassVar[int]
    CACHE_FIELD_NUMBER: _ClassVar[int]
    FREQUENCY_MINIMUM_FIELD_NUMBER: _ClassVar[int]
    CORES_V2_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    cores: int
    frequency: int
    frequency_turbo: int
    name: str
    vendor: str
    threads: int
    socket: int
    cache: _containers.RepeatedCompositeFieldContainer[ResourcesCPUCache]
    frequency_minimum: int
    cores_v2: _containers.RepeatedCompositeFieldContainer[ResourcesCPUCore]
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, cores: _Optional[int] = ..., frequency: _Optional[int] = ..., frequency_turbo: _Optional[int] = ..., name: _Optional[str] = ..., vendor: _Optional[str] = ..., threads: _Optional[int] = ..., socket: _Optional[int] = ..., cache: _Optional[_Iterable[_Union[ResourcesCPUCache, _Mapping]]] = ..., frequency_minimum: _Optional[int] = ..., cores_v2: _Optional[_Iterable[_Union[ResourcesCPUCore, _Mapping]]] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class ResourcesMemory(_message.Message):
    __slots__ = ("used", "total", "nodes", "hugepages_total", "hugepages_used", "hugepages_size")
    USED_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    NODES_FIELD_NUMBER: _ClassVar[int]
    HUGEPAGES_TOTAL_FIELD_NUMBER: _ClassVar[int]
    HUGEPAGES_USED_FIELD_NUMBER: _ClassVar[int]
    HUGEPAGES_SIZE_FIELD_NUMBER: _ClassVar[int]
    used: int
    total: int
    nodes: _containers.RepeatedCompositeFieldContainer[ResourcesMemoryNode]
    hugepages_total: int
    hugepages_used: int
    hugepages_size: int
    def __init__(self, used: _Optional[int] = ..., total: _Optional[int] = ..., nodes: _Optional[_Iterable[_Union[ResourcesMemoryNode, _Mapping]]] = ..., hugepages_total: _Optional[int] = ..., hugepages_used: _Optional[int] = ..., hugepages_size: _Optional[int] = ...) -> None: ...

class ResourcesStoragePool(_message.Message):
    __slots__ = ("space", "inodes")
    SPACE_FIELD_NUMBER: _ClassVar[int]
    INODES_FIELD_NUMBER: _ClassVar[int]
    space: ResourcesStoragePoolSpace
    inodes: ResourcesStoragePoolInodes
    def __init__(self, space: _Optional[_Union[ResourcesStoragePoolSpace, _Mapping]] = ..., inodes: _Optional[_Union[ResourcesStoragePoolInodes, _Mapping]] = ...) -> None: ...

class ResourcesStoragePoolInodes(_message.Message):
    __slots__ = ("used", "total")
    USED_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    used: int
    total: int
    def __init__(self, used: _Optional[int] = ..., total: _Optional[int] = ...) -> None: ...

class ResourcesStoragePoolSpace(_message.Message):
    __slots__ = ("used", "total")
    USED_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    used: int
    total: int
    def __init__(self, used: _Optional[int] = ..., total: _Optional[int] = ...) -> None: ...

class ResourcesCPUCache(_message.Message):
    __slots__ = ("level", "type", "size")
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    level: int
    type: str
    size: int
    def __init__(self, level: _Optional[int] = ..., type: _Optional[str] = ..., size: _Optional[int] = ...) -> None: ...

class ResourcesCPUCore(_message.Message):
    __slots__ = ("core", "die", "threads", "frequency", "flags", "empty_keys")
    CORE_FIELD_NUMBER: _ClassVar[int]
    DIE_FIELD_NUMBER: _ClassVar[int]
    THREADS_FIELD_NUMBER: _ClassVar[int]
    FREQUENCY_FIELD_NUMBER: _ClassVar[int]
    FLAGS_FIELD_NUMBER: _ClassVar[int]
    EMPTY_KEYS_FIELD_NUMBER: _ClassVar[int]
    core: int
    die: int
    threads: _containers.RepeatedCompositeFieldContainer[ResourcesCPUThread]
    frequency: int
    flags: _containers.RepeatedScalarFieldContainer[str]
    empty_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, core: _Optional[int] = ..., die: _Optional[int] = ..., threads: _Optional[_Iterable[_Union[ResourcesCPUThread, _Mapping]]] = ..., frequency: _Optional[int] = ..., flags: _Optional[_Iterable[str]] = ..., empty_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class ResourcesCPUThread(_message.Message):
    __slots__ = ("id", "numa_node", "thread", "online", "isolated")
    ID_FIELD_NUMBER: _ClassVar[int]
    NUMA_NODE_FIELD_NUMBER: _ClassVar[int]
    THREAD_FIELD_NUMBER: _ClassVar[int]
    ONLINE_FIELD_NUMBER: _ClassVar[int]
    ISOLATED_FIELD_NUMBER: _ClassVar[int]
    id: int
    numa_node: int
    thread: int
    online: bool
    isolated: bool
    def __init__(self, id: _Optional[int] = ..., numa_node: _Optional[int] = ..., thread: _Optional[int] = ..., online: _Optional[bool] = ..., isolated: _Optional[bool] = ...) -> None: ...

class ResourcesMemoryNode(_message.Message):
    __slots__ = ("numa_node", "hugepages_used", "hugepages_total", "used", "total")
    NUMA_NODE_FIELD_NUMBER: _ClassVar[int]
    HUGEPAGES_USED_FIELD_NUMBER: _ClassVar[int]
    HUGEPAGES_TOTAL_FIELD_NUMBER: _ClassVar[int]
    USED_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    numa_node: int
    hugepages_used: int
    hugepages_total: int
    used: int
    total: int
    def __init__(self, numa_node: _Optional[int] = ..., hugepages_used: _Optional[int] = ..., hugepages_total: _Optional[int] = ..., used: _Optional[int] = ..., total: _Optional[int] = ...) -> None: ...
