from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf import field_mask_pb2 as _field_mask_pb2
from lxd.api.v1 import network_pb2 as _network_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetNetworkNamesRequest(_message.Message):
    __slots__ = ("project",)
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    project: str
    def __init__(self, project: _Optional[str] = ...) -> None: ...

class GetNetworkNamesResponse(_message.Message):
    __slots__ = ("names",)
    NAMES_FIELD_NUMBER: _ClassVar[int]
    names: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, names: _Optional[_Iterable[str]] = ...) -> None: ...

class GetNetworksRequest(_message.Message):
    __slots__ = ("project",)
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    project: str
    def __init__(self, project: _Optional[str] = ...) -> None: ...

class GetNetworksResponse(_message.Message):
    __slots__ = ("networks",)
    NETWORKS_FIELD_NUMBER: _ClassVar[int]
    networks: _containers.RepeatedCompositeFieldContainer[_network_pb2.Network]
    def __init__(self, networks: _Optional[_Iterable[_Union[_network_pb2.Network, _Mapping]]] = ...) -> None: ...

class GetNetworkRequest(_message.Message):
    __slots__ = ("name", "target", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    target: str
    project: str
    def __init__(self, name: _Optional[str] = ..., target: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetNetworkResponse(_message.Message):
    __slots__ = ("network", "etag")
    NETWORK_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    network: _network_pb2.Network
    etag: str
    def __init__(self, network: _Optional[_Union[_network_pb2.Network, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class GetNetworkLeasesRequest(_message.Message):
    __slots__ = ("name", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    project: str
    def __init__(self, name: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetNetworkLeasesResponse(_message.Message):
    __slots__ = ("leases",)
    LEASES_FIELD_NUMBER: _ClassVar[int]
    leases: _containers.RepeatedCompositeFieldContainer[_network_pb2.NetworkLease]
    def __init__(self, leases: _Optional[_Iterable[_Union[_network_pb2.NetworkLease, _Mapping]]] = ...) -> None: ...

class GetNetworkStateRequest(_message.Message):
    __slots__ = ("name", "target", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    target: str
    project: str
    def __init__(self, name: _Optional[str] = ..., target: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetNetworkStateResponse(_message.Message):
    __slots__ = ("state",)
    STATE_FIELD_NUMBER: _ClassVar[int]
    state: _network_pb2.NetworkState
    def __init__(self, state: _Optional[_Union[_network_pb2.NetworkState, _Mapping]] = ...) -> None: ...

class CreateNetworkRequest(_message.Message):
    __slots__ = ("network", "target", "project")
    NETWORK_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    network: _network_pb2.NetworksPost
    target: str
    project: str
    def __init__(self, network: _Optional[_Union[_network_pb2.NetworksPost, _Mapping]] = ..., target: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class CreateNetworkResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class UpdateNetworkRequest(_message.Message):
    __slots__ = ("name", "network", "etag", "target", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    NETWORK_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    network: _network_pb2.NetworkPut
    etag: str
    target: str
    project: str
    def __init__(self, name: _Optional[str] = ..., network: _Optional[_Union[_network_pb2.NetworkPut, _Mapping]] = ..., etag: _Optional[str] = ..., target: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class UpdateNetworkResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class PatchNetworkRequest(_message.Message):
    __slots__ = ("name", "network", "update_mask", "etag", "target", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    NETWORK_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    network: _network_pb2.NetworkPut
    update_mask: _field_mask_pb2.FieldMask
    etag: str
    target: str
    project: str
    def __init__(self, name: _Optional[str] = ..., network: _Optional[_Union[_network_pb2.NetworkPut, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ..., etag: _Optional[str] = ..., target: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class PatchNetworkResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class RenameNetworkRequest(_message.Message):
    __slots__ = ("name", "network", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    NETWORK_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    network: _network_pb2.NetworkPost
    project: str
    def __init__(self, name: _Optional[str] = ..., network: _Optional[_Union[_network_pb2.NetworkPost, _Mapping]] = ..., project: _Optional[str] = ...) -> None: ...

class RenameNetworkResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class DeleteNetworkRequest(_message.Message):
    __slots__ = ("name", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    project: str
    def __init__(self, name: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class DeleteNetworkResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...
