from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf import field_mask_pb2 as _field_mask_pb2
from lxd.api.v1 import profile_pb2 as _profile_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetProfileNamesRequest(_message.Message):
    __slots__ = ("project",)
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    project: str
    def __init__(self, project: _Optional[str] = ...) -> None: ...

class GetProfileNamesResponse(_message.Message):
    __slots__ = ("names",)
    NAMES_FIELD_NUMBER: _ClassVar[int]
    names: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, names: _Optional[_Iterable[str]] = ...) -> None: ...

class GetProfilesRequest(_message.Message):
    __slots__ = ("project",)
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    project: str
    def __init__(self, project: _Optional[str] = ...) -> None: ...

class GetProfilesResponse(_message.Message):
    __slots__ = ("profiles",)
    PROFILES_FIELD_NUMBER: _ClassVar[int]
    profiles: _containers.RepeatedCompositeFieldContainer[_profile_pb2.Profile]
    def __init__(self, profiles: _Optional[_Iterable[_Union[_profile_pb2.Profile, _Mapping]]] = ...) -> None: ...

class GetProfileRequest(_message.Message):
    __slots__ = ("name", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    project: str
    def __init__(self, name: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class GetProfileResponse(_message.Message):
    __slots__ = ("profile", "etag")
    PROFILE_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    profile: _profile_pb2.Profile
    etag: str
    def __init__(self, profile: _Optional[_Union[_profile_pb2.Profile, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class CreateProfileRequest(_message.Message):
    __slots__ = ("profile", "project")
    PROFILE_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    profile: _profile_pb2.ProfilesPost
    project: str
    def __init__(self, profile: _Optional[_Union[_profile_pb2.ProfilesPost, _Mapping]] = ..., project: _Optional[str] = ...) -> None: ...

class CreateProfileResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class UpdateProfileRequest(_message.Message):
    __slots__ = ("name", "profile", "etag", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROFILE_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    profile: _profile_pb2.ProfilePut
    etag: str
    project: str
    def __init__(self, name: _Optional[str] = ..., profile: _Optional[_Union[_profile_pb2.ProfilePut, _Mapping]] = ..., etag: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class UpdateProfileResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class PatchProfileRequest(_message.Message):
    __slots__ = ("name", "profile", "update_mask", "etag", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROFILE_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    profile: _profile_pb2.ProfilePut
    update_mask: _field_mask_pb2.FieldMask
    etag: str
    project: str
    def __init__(self, name: _Optional[str] = ..., profile: _Optional[_Union[_profile_pb2.ProfilePut, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ..., etag: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class PatchProfileResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class RenameProfileRequest(_message.Message):
    __slots__ = ("name", "profile", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROFILE_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    profile: _profile_pb2.ProfilePost
    project: str
    def __init__(self, name: _Optional[str] = ..., profile: _Optional[_Union[_profile_pb2.ProfilePost, _Mapping]] = ..., project: _Optional[str] = ...) -> None: ...

class RenameProfileResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class DeleteProfileRequest(_message.Message):
    __slots__ = ("name", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    project: str
    def __init__(self, name: _Optional[str] = ..., project: _Optional[str] = ...) -> None: ...

class DeleteProfileResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...
