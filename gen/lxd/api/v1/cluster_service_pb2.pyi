from google.api import annotations_pb2 as _annotations_pb2
from lxd.api.v1 import cluster_pb2 as _cluster_pb2
from lxd.api.v1 import operation_pb2 as _operation_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetClusterRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetClusterResponse(_message.Message):
    __slots__ = ("cluster", "etag")
    CLUSTER_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    cluster: _cluster_pb2.Cluster
    etag: str
    def __init__(self, cluster: _Optional[_Union[_cluster_pb2.Cluster, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class UpdateClusterRequest(_message.Message):
    __slots__ = ("cluster", "etag", "wait")
    CLUSTER_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    cluster: _cluster_pb2.ClusterPut
    etag: str
    wait: bool
    def __init__(self, cluster: _Optional[_Union[_cluster_pb2.ClusterPut, _Mapping]] = ..., etag: _Optional[str] = ..., wait: _Optional[bool] = ...) -> None: ...

class UpdateClusterResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class GetClusterMemberNamesRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetClusterMemberNamesResponse(_message.Message):
    __slots__ = ("names",)
    NAMES_FIELD_NUMBER: _ClassVar[int]
    names: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, names: _Optional[_Iterable[str]] = ...) -> None: ...

class GetClusterMembersRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetClusterMembersResponse(_message.Message):
    __slots__ = ("members",)
    MEMBERS_FIELD_NUMBER: _ClassVar[int]
    members: _containers.RepeatedCompositeFieldContainer[_cluster_pb2.ClusterMember]
    def __init__(self, members: _Optional[_Iterable[_Union[_cluster_pb2.ClusterMember, _Mapping]]] = ...) -> None: ...

class GetClusterMemberRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class GetClusterMemberResponse(_message.Message):
    __slots__ = ("member", "etag")
    MEMBER_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    member: _cluster_pb2.ClusterMember
    etag: str
    def __init__(self, member: _Optional[_Union[_cluster_pb2.ClusterMember, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class RenameClusterMemberRequest(_message.Message):
    __slots__ = ("name", "member")
    NAME_FIELD_NUMBER: _ClassVar[int]
    MEMBER_FIELD_NUMBER: _ClassVar[int]
    name: str
    member: _cluster_pb2.ClusterMemberPost
    def __init__(self, name: _Optional[str] = ..., member: _Optional[_Union[_cluster_pb2.ClusterMemberPost, _Mapping]] = ...) -> None: ...

class RenameClusterMemberResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class DeleteClusterMemberRequest(_message.Message):
    __slots__ = ("name", "force")
    NAME_FIELD_NUMBER: _ClassVar[int]
    FORCE_FIELD_NUMBER: _ClassVar[int]
    name: str
    force: bool
    def __init__(self, name: _Optional[str] = ..., force: _Optional[bool] = ...) -> None: ...

class DeleteClusterMemberResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...
