from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf import field_mask_pb2 as _field_mask_pb2
from lxd.api.v1 import network_acl_pb2 as _network_acl_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetNetworkACLNamesRequest(_message.Message):
    __slots__ = ("project",)
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    project: str
    def __init__(self, project: _Optional[str] = ...) -> None: ...

class GetNetworkACLNamesResponse(_message.Message):
    __slots__ = ("names",)
    NAMES_FIELD_NUMBER: _ClassVar[int]
    names: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, names: _Optional[_Iterable[str]] = ...) -> None: ...

class GetNetworkACLsRequest(_message.Message):
    __slots__ = ("project",)
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    project: str
    def __init__(self, project: _Optional[str] = ...) -> None: ...

class GetNetworkACLsResponse(_message.Message):
    __slots__ = ("acls",)
    ACLS_FIELD_NUMBER: _ClassVar[int]
    acls: _containers.RepeatedCompositeFieldContainer[_network_acl_pb2.NetworkACL]
    def __init__(self, acls: _Optional[_Iterable[_Union[_network_acl_pb2.NetworkACL, _Mapping]]] = ...) -> None: ...

class GetNetworkACLRequest(_message.Message):
    __slots__ = ("name", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    project: str
    def __init__(self, name: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetNetworkACLResponse(_message.Message):
    __slots__ = ("acl", "etag")
    ACL_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    acl: _network_acl_pb2.NetworkACL
    etag: str
    def __init__(self, acl: _Optional[_Union[_network_acl_pb2.NetworkACL, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class GetNetworkACLLogfileRequest(_message.Message):
    __slots__ = ("name", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    project: str
    def __init__(self, name: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetNetworkACLLogfileResponse(_message.Message):
    __slots__ = ("data",)
    DATA_FIELD_NUMBER: _ClassVar[int]
    data: bytes
    def __init__(self, data: _Optional[bytes] = ...) -> None: ...

class CreateNetworkACLRequest(_message.Message):
    __slots__ = ("acl", "project")
    ACL_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    acl: _network_acl_pb2.NetworkACLsPost
    project: str
    def __init__(self, acl: _Optional[_Union[_network_acl_pb2.NetworkACLsPost, _Mapping]] = ..., project: _Optional[str] = ...) -> None: ...

class CreateNetworkACLResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class UpdateNetworkACLRequest(_message.Message):
    __slots__ = ("name", "acl", "etag", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ACL_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    acl: _network_acl_pb2.NetworkACLPut
    etag: str
    project: str
    def __init__(self, name: _Optional[str] = ..., acl: _Optional[_Union[_network_acl_pb2.NetworkACLPut, _Mapping]] = ..., etag: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class UpdateNetworkACLResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class PatchNetworkACLRequest(_message.Message):
    __slots__ = ("name", "acl", "update_mask", "etag", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ACL_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    acl: _network_acl_pb2.NetworkACLPut
    update_mask: _field_mask_pb2.FieldMask
    etag: str
    project: str
    def __init__(self, name: _Optional[str] = ..., acl: _Optional[_Union[_network_acl_pb2.NetworkACLPut, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ..., etag: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class PatchNetworkACLResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class RenameNetworkACLRequest(_message.Message):
    __slots__ = ("name", "acl", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ACL_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    acl: _network_acl_pb2.NetworkACLPost
    project: str
    def __init__(self, name: _Optional[str] = ..., acl: _Optional[_Union[_network_acl_pb2.NetworkACLPost, _Mapping]] = ..., project: _Optional[str] = ...) -> None: ...

class RenameNetworkACLResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class DeleteNetworkACLRequest(_message.Message):
    __slots__ = ("name", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    project: str
    def __init__(self, name: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class DeleteNetworkACLResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...
