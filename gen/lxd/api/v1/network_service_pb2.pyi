from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf import field_mask_pb2 as _field_mask_pb2
from lxd.api.v1 import network_pb2 as _network_pb2
from lxd.api.v1 import network_forward_pb2 as _network_forward_pb2
from lxd.api.v1 import network_peer_pb2 as _network_peer_pb2
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

class GetNetworkForwardAddressesRequest(_message.Message):
    __slots__ = ("network", "project")
    NETWORK_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    network: str
    project: str
    def __init__(self, network: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetNetworkForwardAddressesResponse(_message.Message):
    __slots__ = ("names",)
    NAMES_FIELD_NUMBER: _ClassVar[int]
    names: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, names: _Optional[_Iterable[str]] = ...) -> None: ...

class GetNetworkForwardsRequest(_message.Message):
    __slots__ = ("network", "project")
    NETWORK_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    network: str
    project: str
    def __init__(self, network: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetNetworkForwardsResponse(_message.Message):
    __slots__ = ("forwards",)
    FORWARDS_FIELD_NUMBER: _ClassVar[int]
    forwards: _containers.RepeatedCompositeFieldContainer[_network_forward_pb2.NetworkForward]
    def __init__(self, forwards: _Optional[_Iterable[_Union[_network_forward_pb2.NetworkForward, _Mapping]]] = ...) -> None: ...

class GetNetworkForwardRequest(_message.Message):
    __slots__ = ("network", "listen_address", "target", "project")
    NETWORK_FIELD_NUMBER: _ClassVar[int]
    LISTEN_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    network: str
    listen_address: str
    target: str
    project: str
    def __init__(self, network: _Optional[str] = ..., listen_address: _Optional[str] = ..., target: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetNetworkForwardResponse(_message.Message):
    __slots__ = ("forward", "etag")
    FORWARD_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    forward: _network_forward_pb2.NetworkForward
    etag: str
    def __init__(self, forward: _Optional[_Union[_network_forward_pb2.NetworkForward, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class CreateNetworkForwardRequest(_message.Message):
    __slots__ = ("network", "forward", "target", "project")
    NETWORK_FIELD_NUMBER: _ClassVar[int]
    FORWARD_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    network: str
    forward: _network_forward_pb2.NetworkForwardsPost
    target: str
    project: str
    def __init__(self, network: _Optional[str] = ..., forward: _Optional[_Union[_network_forward_pb2.NetworkForwardsPost, _Mapping]] = ..., target: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class CreateNetworkForwardResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class UpdateNetworkForwardRequest(_message.Message):
    __slots__ = ("network", "listen_address", "forward", "etag", "target", "project")
    NETWORK_FIELD_NUMBER: _ClassVar[int]
    LISTEN_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    FORWARD_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    network: str
    listen_address: str
    forward: _network_forward_pb2.NetworkForwardPut
    etag: str
    target: str
    project: str
    def __init__(self, network: _Optional[str] = ..., listen_address: _Optional[str] = ..., forward: _Optional[_Union[_network_forward_pb2.NetworkForwardPut, _Mapping]] = ..., etag: _Optional[str] = ..., target: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class UpdateNetworkForwardResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class PatchNetworkForwardRequest(_message.Message):
    __slots__ = ("network", "listen_address", "forward", "update_mask", "etag", "target", "project")
    NETWORK_FIELD_NUMBER: _ClassVar[int]
    LISTEN_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    FORWARD_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    network: str
    listen_address: str
    forward: _network_forward_pb2.NetworkForwardPut
    update_mask: _field_mask_pb2.FieldMask
    etag: str
    target: str
    project: str
    def __init__(self, network: _Optional[str] = ..., listen_address: _Optional[str] = ..., forward: _Optional[_Union[_network_forward_pb2.NetworkForwardPut, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ..., etag: _Optional[str] = ..., target: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class PatchNetworkForwardResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class DeleteNetworkForwardRequest(_message.Message):
    __slots__ = ("network", "listen_address", "target", "project")
    NETWORK_FIELD_NUMBER: _ClassVar[int]
    LISTEN_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    network: str
    listen_address: str
    target: str
    project: str
    def __init__(self, network: _Optional[str] = ..., listen_address: _Optional[str] = ..., target: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class DeleteNetworkForwardResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetNetworkPeerNamesRequest(_message.Message):
    __slots__ = ("network", "project")
    NETWORK_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    network: str
    project: str
    def __init__(self, network: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetNetworkPeerNamesResponse(_message.Message):
    __slots__ = ("names",)
    NAMES_FIELD_NUMBER: _ClassVar[int]
    names: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, names: _Optional[_Iterable[str]] = ...) -> None: ...

class GetNetworkPeersRequest(_message.Message):
    __slots__ = ("network", "project")
    NETWORK_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    network: str
    project: str
    def __init__(self, network: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetNetworkPeersResponse(_message.Message):
    __slots__ = ("peers",)
    PEERS_FIELD_NUMBER: _ClassVar[int]
    peers: _containers.RepeatedCompositeFieldContainer[_network_peer_pb2.NetworkPeer]
    def __init__(self, peers: _Optional[_Iterable[_Union[_network_peer_pb2.NetworkPeer, _Mapping]]] = ...) -> None: ...

class GetNetworkPeerRequest(_message.Message):
    __slots__ = ("network", "name", "project")
    NETWORK_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    network: str
    name: str
    project: str
    def __init__(self, network: _Optional[str] = ..., name: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetNetworkPeerResponse(_message.Message):
    __slots__ = ("peer", "etag")
    PEER_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    peer: _network_peer_pb2.NetworkPeer
    etag: str
    def __init__(self, peer: _Optional[_Union[_network_peer_pb2.NetworkPeer, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class CreateNetworkPeerRequest(_message.Message):
    __slots__ = ("network", "peer", "project")
    NETWORK_FIELD_NUMBER: _ClassVar[int]
    PEER_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    network: str
    peer: _network_peer_pb2.NetworkPeersPost
    project: str
    def __init__(self, network: _Optional[str] = ..., peer: _Optional[_Union[_network_peer_pb2.NetworkPeersPost, _Mapping]] = ..., project: _Optional[str] = ...) -> None: ...

class CreateNetworkPeerResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class UpdateNetworkPeerRequest(_message.Message):
    __slots__ = ("network", "name", "peer", "etag", "project")
    NETWORK_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PEER_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    network: str
    name: str
    peer: _network_peer_pb2.NetworkPeerPut
    etag: str
    project: str
    def __init__(self, network: _Optional[str] = ..., name: _Optional[str] = ..., peer: _Optional[_Union[_network_peer_pb2.NetworkPeerPut, _Mapping]] = ..., etag: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class UpdateNetworkPeerResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class PatchNetworkPeerRequest(_message.Message):
    __slots__ = ("network", "name", "peer", "update_mask", "etag", "project")
    NETWORK_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PEER_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    network: str
    name: str
    peer: _network_peer_pb2.NetworkPeerPut
    update_mask: _field_mask_pb2.FieldMask
    etag: str
    project: str
    def __init__(self, network: _Optional[str] = ..., name: _Optional[str] = ..., peer: _Optional[_Union[_network_peer_pb2.NetworkPeerPut, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ..., etag: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class PatchNetworkPeerResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class DeleteNetworkPeerRequest(_message.Message):
    __slots__ = ("network", "name", "project")
    NETWORK_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    network: str
    name: str
    project: str
    def __init__(self, network: _Optional[str] = ..., name: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class DeleteNetworkPeerResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...
