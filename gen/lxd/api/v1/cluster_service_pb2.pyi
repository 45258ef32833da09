from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf import field_mask_pb2 as _field_mask_pb2
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

class CreateClusterMemberRequest(_message.Message):
    __slots__ = ("member", "wait")
    MEMBER_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    member: _cluster_pb2.ClusterMembersPost
    wait: bool
    def __init__(self, member: _Optional[_Union[_cluster_pb2.ClusterMembersPost, _Mapping]] = ..., wait: _Optional[bool] = ...) -> None: ...

class CreateClusterMemberResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class UpdateClusterMemberRequest(_message.Message):
    __slots__ = ("name", "member", "etag")
    NAME_FIELD_NUMBER: _ClassVar[int]
    MEMBER_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    name: str
    member: _cluster_pb2.ClusterMemberPut
    etag: str
    def __init__(self, name: _Optional[str] = ..., member: _Optional[_Union[_cluster_pb2.ClusterMemberPut, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class UpdateClusterMemberResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class PatchClusterMemberRequest(_message.Message):
    __slots__ = ("name", "member", "update_mask", "etag")
    NAME_FIELD_NUMBER: _ClassVar[int]
    MEMBER_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    name: str
    member: _cluster_pb2.ClusterMemberPut
    update_mask: _field_mask_pb2.FieldMask
    etag: str
    def __init__(self, name: _Optional[str] = ..., member: _Optional[_Union[_cluster_pb2.ClusterMemberPut, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class PatchClusterMemberResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class UpdateClusterMemberStateRequest(_message.Message):
    __slots__ = ("name", "state", "wait")
    NAME_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    name: str
    state: _cluster_pb2.ClusterMemberStatePost
    wait: bool
    def __init__(self, name: _Optional[str] = ..., state: _Optional[_Union[_cluster_pb2.ClusterMemberStatePost, _Mapping]] = ..., wait: _Optional[bool] = ...) -> None: ...

class UpdateClusterMemberStateResponse(_message.Message):
    __slots__ = ("operation",)
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    operation: _operation_pb2.Operation
    def __init__(self, operation: _Optional[_Union[_operation_pb2.Operation, _Mapping]] = ...) -> None: ...

class UpdateClusterCertificateRequest(_message.Message):
    __slots__ = ("certificate", "etag")
    CERTIFICATE_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    certificate: _cluster_pb2.ClusterCertificatePut
    etag: str
    def __init__(self, certificate: _Optional[_Union[_cluster_pb2.ClusterCertificatePut, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class UpdateClusterCertificateResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetClusterGroupNamesRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetClusterGroupNamesResponse(_message.Message):
    __slots__ = ("names",)
    NAMES_FIELD_NUMBER: _ClassVar[int]
    names: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, names: _Optional[_Iterable[str]] = ...) -> None: ...

class GetClusterGroupsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetClusterGroupsResponse(_message.Message):
    __slots__ = ("groups",)
    GROUPS_FIELD_NUMBER: _ClassVar[int]
    groups: _containers.RepeatedCompositeFieldContainer[_cluster_pb2.ClusterGroup]
    def __init__(self, groups: _Optional[_Iterable[_Union[_cluster_pb2.ClusterGroup, _Mapping]]] = ...) -> None: ...

class GetClusterGroupRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class GetClusterGroupResponse(_message.Message):
    __slots__ = ("group", "etag")
    GROUP_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    group: _cluster_pb2.ClusterGroup
    etag: str
    def __init__(self, group: _Optional[_Union[_cluster_pb2.ClusterGroup, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class CreateClusterGroupRequest(_message.Message):
    __slots__ = ("group",)
    GROUP_FIELD_NUMBER: _ClassVar[int]
    group: _cluster_pb2.ClusterGroupsPost
    def __init__(self, group: _Optional[_Union[_cluster_pb2.ClusterGroupsPost, _Mapping]] = ...) -> None: ...

class CreateClusterGroupResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class UpdateClusterGroupRequest(_message.Message):
    __slots__ = ("name", "group", "etag")
    NAME_FIELD_NUMBER: _ClassVar[int]
    GROUP_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    name: str
    group: _cluster_pb2.ClusterGroupPut
    etag: str
    def __init__(self, name: _Optional[str] = ..., group: _Optional[_Union[_cluster_pb2.ClusterGroupPut, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class UpdateClusterGroupResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class PatchClusterGroupRequest(_message.Message):
    __slots__ = ("name", "group", "update_mask", "etag")
    NAME_FIELD_NUMBER: _ClassVar[int]
    GROUP_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    name: str
    group: _cluster_pb2.ClusterGroupPut
    update_mask: _field_mask_pb2.FieldMask
    etag: str
    def __init__(self, name: _Optional[str] = ..., group: _Optional[_Union[_cluster_pb2.ClusterGroupPut, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class PatchClusterGroupResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class RenameClusterGroupRequest(_message.Message):
    __slots__ = ("name", "group")
    NAME_FIELD_NUMBER: _ClassVar[int]
    GROUP_FIELD_NUMBER: _ClassVar[int]
    name: str
    group: _cluster_pb2.ClusterGroupPost
    def __init__(self, name: _Optional[str] = ..., group: _Optional[_Union[_cluster_pb2.ClusterGroupPost, _Mapping]] = ...) -> None: ...

class RenameClusterGroupResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class DeleteClusterGroupRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class DeleteClusterGroupResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...
